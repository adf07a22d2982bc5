import { Controller, Get, Query } from '@nestjs/common';
import { Optional } from '../../common/validation/optional';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsString, Max, MaxLength, Min } from 'class-validator';
import { Policy } from '../../access/policy.decorator';
import { type ClientCaller, CurrentClient } from '../../access/request-context';
import { ChangeFeedService, type FeedPage } from './change-feed.service';

export class EventsQueryDto {
  @ApiPropertyOptional({ description: 'The nextCursor of the previous page; none = from the beginning' })
  @Optional()
  @IsString()
  @MaxLength(100)
  after?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 100 })
  @Optional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}

/** The change feed for integration clients (scope `events:read`); a person's token is refused (403). */
@ApiTags('integration')
@ApiBearerAuth()
@Controller('events')
export class EventsController {
  constructor(private readonly feed: ChangeFeedService) {}

  @Get()
  @Policy('read', 'ChangeEvent')
  list(@CurrentClient() caller: ClientCaller, @Query() query: EventsQueryDto): Promise<FeedPage> {
    return this.feed.readFor(caller, query.after, query.limit ?? 100);
  }
}
