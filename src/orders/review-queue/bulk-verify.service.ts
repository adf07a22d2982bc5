import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable, Logger } from '@nestjs/common';
import type { Caller } from '../../access/request-context';
import { toAppError } from '../../common/errors/http-exception.filter';
import { NoticeCollector, NotificationEvents } from '../../notifications/notification-events.service';
import { OrderActions } from '../order-actions.service';
import type { BulkVerifyItemDto } from './review-queue.dto';

export interface BulkVerifyResult {
  id: string;
  ok: boolean;
  version?: number;
  code?: string;
  message?: string;
}

/**
 * Verifies many orders, each in its own transaction (one stale item never undoes the others), then
 * writes the collected notices once, so every LAO admin gets one summary for the whole request.
 */
@Injectable()
export class BulkVerifyService {
  private readonly logger = new Logger(BulkVerifyService.name);

  constructor(
    private readonly em: EntityManager,
    private readonly actions: OrderActions,
    private readonly events: NotificationEvents,
  ) {}

  async verify(
    caller: Caller,
    items: BulkVerifyItemDto[],
    english: boolean,
  ): Promise<{ items: BulkVerifyResult[] }> {
    const collector = new NoticeCollector();
    const results: BulkVerifyResult[] = [];
    for (const item of items) {
      const sink = collector.forItem();
      try {
        const order = await this.actions.apply(caller, item.id, 'verify', item, sink);
        sink.commit();
        results.push({ id: item.id, ok: true, version: order.version });
      } catch (error) {
        const appError = toAppError(error);
        if (appError.status >= 500) this.logger.error(`bulk verify ${item.id}: ${(error as Error).message}`);
        results.push({
          id: item.id,
          ok: false,
          code: appError.code,
          message: english ? appError.messages.en : appError.messages.th,
        });
      }
    }
    if (collector.size > 0) {
      await this.em.fork().transactional((em) => {
        collector.flush(em, this.events);
        return Promise.resolve();
      });
    }
    return { items: results };
  }
}
