import { Body, Controller, Get, Headers, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Policy } from '../../access/policy.decorator';
import { type Caller, CurrentCaller } from '../../access/request-context';
import { prefersEnglish } from '../../common/errors/http-exception.filter';
import { BulkVerifyService, type BulkVerifyResult } from './bulk-verify.service';
import { BulkVerifyDto, ReviewQueueQueryDto } from './review-queue.dto';
import { ReviewQueueService, type ReviewQueueItem } from './review-queue.service';

@ApiTags('review-queue')
@ApiBearerAuth()
@Controller('review-queue')
export class ReviewQueueController {
  constructor(
    private readonly queue: ReviewQueueService,
    private readonly bulk: BulkVerifyService,
  ) {}

  @Get()
  @Policy('read', 'ReviewQueue')
  list(
    @CurrentCaller() caller: Caller,
    @Query() query: ReviewQueueQueryDto,
  ): Promise<{ items: ReviewQueueItem[]; nextCursor: string | null }> {
    return this.queue.list(caller, query);
  }

  /** Per-item results; the request itself succeeds even when every item is refused. */
  @Post('verify')
  @HttpCode(200)
  @Policy('verify', 'AppointmentOrder')
  verify(
    @CurrentCaller() caller: Caller,
    @Body() body: BulkVerifyDto,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<{ items: BulkVerifyResult[] }> {
    return this.bulk.verify(caller, body.items, prefersEnglish(acceptLanguage));
  }
}
