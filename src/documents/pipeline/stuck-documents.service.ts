import type { FilterQuery } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import type { Caller } from '../../access/request-context';
import { accessibleFilter } from '../../access/rules-to-filter';
import { AuditService } from '../../audit/audit.service';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { OutboxService } from '../../outbox/outbox.service';
import { OrdersErrors } from '../../orders/orders-errors';
import { OrderDocument } from '../entities/order-document.entity';
import { decodeCursor, encodeCursor } from './list-cursor';
import {
  presentPipelineDocument,
  presentStuck,
  type RetryAnswer,
  type StuckDocumentView,
} from './pipeline-views';

export interface StuckPage {
  items: StuckDocumentView[];
  nextCursor: string | null;
  stuckAfterMinutes: number;
}

/**
 * Documents still `processing` long after their job was queued (DOCUMENT_STUCK_AFTER_MINUTES): the job was
 * lost, or failed every attempt while a dependency was down. A dla_admin lists them and queues the job
 * again through the outbox. The retry is idempotent: the UPDATE that moves `queuedAt` forward only matches
 * a row that is still stuck, so a repeated or concurrent call queues nothing more.
 */
@Injectable()
export class StuckDocumentsService {
  constructor(
    private readonly em: EntityManager,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(caller: Caller, limit: number, cursor?: string): Promise<StuckPage> {
    const visible = accessibleFilter<OrderDocument>(caller.ability, 'read', 'OrderDocument');
    const stuckAfterMinutes = this.config.documents.stuckAfterMinutes;
    if (!visible) return { items: [], nextCursor: null, stuckAfterMinutes };
    const after = decodeCursor(cursor);
    const where: FilterQuery<OrderDocument>[] = [
      visible,
      { state: 'processing', queuedAt: { $lt: this.cutoff() } },
    ];
    if (after) {
      where.push({ $or: [{ queuedAt: { $gt: after.at } }, { queuedAt: after.at, id: { $gt: after.id } }] });
    }
    const rows = await this.em
      .fork()
      .find(
        OrderDocument,
        { $and: where },
        { populate: ['order', 'order.lao'], orderBy: { queuedAt: 'asc', id: 'asc' }, limit: limit + 1 },
      );
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    const now = new Date();
    return {
      items: page.map((doc) => presentStuck(doc, now)),
      nextCursor: rows.length > limit && last ? encodeCursor(last.queuedAt, last.id) : null,
      stuckAfterMinutes,
    };
  }

  async retry(caller: Caller, id: string): Promise<RetryAnswer> {
    const visible = accessibleFilter<OrderDocument>(caller.ability, 'read', 'OrderDocument');
    if (!visible) throw OrdersErrors.DOCUMENT_NOT_FOUND();
    return this.em.fork().transactional(async (em) => {
      const exists = await em.count(OrderDocument, { $and: [{ id }, visible] });
      if (exists === 0) throw OrdersErrors.DOCUMENT_NOT_FOUND();
      const moved = await em.nativeUpdate(
        OrderDocument,
        { id, state: 'processing', queuedAt: { $lt: this.cutoff() } },
        { queuedAt: new Date() },
      );
      if (moved === 1) {
        this.outbox.enqueue(em, 'documents.validate', { documentId: id });
        await this.audit.record(
          { action: 'document.retry', actor: caller.principal, subjectType: 'OrderDocument', subjectId: id },
          em,
        );
      }
      const doc = await em.findOneOrFail(OrderDocument, id, {
        populate: ['order', 'order.lao'],
        refresh: true,
      });
      return { requeued: moved === 1, document: presentPipelineDocument(doc) };
    });
  }

  private cutoff(): Date {
    return new Date(Date.now() - this.config.documents.stuckAfterMinutes * 60_000);
  }
}
