import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Type, Transform } from 'class-transformer';
import { IsBoolean, IsInt, IsString, Max, MaxLength, Min } from 'class-validator';
import { AnyAuthenticated } from '../access/policy.decorator';
import { type Caller, CurrentCaller } from '../access/request-context';
import type { NotificationView } from './notification.presenter';
import { NotificationsService } from './notifications.service';
import { Optional } from '../common/validation/optional';

export class NotificationQueryDto {
  @Optional()
  @Transform(({ value }: { value: unknown }) => value === 'true' || value === true)
  @IsBoolean()
  unread?: boolean;

  @Optional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit?: number;
  @Optional() @IsString() @MaxLength(500) cursor?: string;
}

/** Every account reads and marks its own notifications; the service checks ownership per row. */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @AnyAuthenticated()
  list(
    @CurrentCaller() caller: Caller,
    @Query() query: NotificationQueryDto,
  ): Promise<{ items: NotificationView[]; nextCursor: string | null }> {
    return this.notifications.list(caller, query);
  }

  @Post(':id/read')
  @HttpCode(200)
  @AnyAuthenticated()
  read(@CurrentCaller() caller: Caller, @Param('id', ParseUUIDPipe) id: string): Promise<NotificationView> {
    return this.notifications.markRead(caller, id);
  }
}
