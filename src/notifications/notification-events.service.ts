import type { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { OutboxService } from '../outbox/outbox.service';
import type { NoticeKind, NoticeSink, WorkflowNotice } from '../workflow/transition-context';
import { NotificationEvent } from './entities/notification-event.entity';

/**
 * Activations come in bursts (a bulk verify of orders in effect today, the sweep after a restart),
 * each in its own transaction: their dispatch waits this long so the dispatcher can merge the burst
 * into one summary per recipient.
 */
export const ACTIVATION_NOTICE_DELAY_MS = 2000;

/** Writes notification events (and their dispatch job) into the caller's transaction. */
@Injectable()
export class NotificationEvents {
  constructor(private readonly outbox: OutboxService) {}

  record(
    em: EntityManager,
    kind: NoticeKind,
    orderIds: string[],
    reason: string | null = null,
  ): NotificationEvent {
    const event = em.create(NotificationEvent, { kind, orderIds, reason });
    const delayMs = kind === 'order.activated' ? ACTIVATION_NOTICE_DELAY_MS : 0;
    this.outbox.enqueue(em, 'notifications.dispatch', { eventId: event.id }, { delayMs });
    return event;
  }

  /** The default sink: each notice becomes its own event in `em`'s transaction. */
  sinkFor(em: EntityManager): NoticeSink {
    return {
      add: (notice: WorkflowNotice) => void this.record(em, notice.kind, [notice.orderId], notice.reason),
    };
  }
}

/**
 * Collects the notices of many transitions (a bulk verify) and writes one event per kind and reason,
 * so the dispatcher sends each recipient a single summary. Notices of an item whose transaction
 * rolled back must never be committed: `forItem` buffers them until `commit`.
 */
export class NoticeCollector {
  private readonly notices: WorkflowNotice[] = [];

  forItem(): NoticeSink & { commit(): void } {
    const pending: WorkflowNotice[] = [];
    return {
      add: (notice) => void pending.push(notice),
      commit: () => void this.notices.push(...pending),
    };
  }

  get size(): number {
    return this.notices.length;
  }

  flush(em: EntityManager, events: NotificationEvents): void {
    const groups = new Map<string, { kind: NoticeKind; reason: string | null; orderIds: string[] }>();
    for (const notice of this.notices) {
      const key = `${notice.kind}\u0000${notice.reason ?? ''}`;
      const group = groups.get(key) ?? { kind: notice.kind, reason: notice.reason ?? null, orderIds: [] };
      group.orderIds.push(notice.orderId);
      groups.set(key, group);
    }
    for (const group of groups.values()) events.record(em, group.kind, group.orderIds, group.reason);
    this.notices.length = 0;
  }
}
