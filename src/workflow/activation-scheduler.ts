import type { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import type { AppointmentOrder } from '../orders/entities/appointment-order.entity';
import { OutboxService } from '../outbox/outbox.service';
import { bangkokDate, msUntilBangkokDate } from './bangkok-date';

/**
 * outbox_message.delay_ms is an int4 (about 24.8 days). A later effective date is reached in hops:
 * the activation job re-schedules itself, and the hourly sweep catches anything a hop missed.
 */
export const MAX_ACTIVATION_DELAY_MS = 20 * 24 * 60 * 60 * 1000;

/** Schedules `workflow.activate-order` for a verified order at its effective date (at once if reached). */
@Injectable()
export class ActivationScheduler {
  constructor(private readonly outbox: OutboxService) {}

  schedule(em: EntityManager, order: AppointmentOrder, now: Date = new Date()): void {
    const delayMs =
      order.effectiveDate <= bangkokDate(now) ? 0 : msUntilBangkokDate(order.effectiveDate, now);
    this.outbox.enqueue(
      em,
      'workflow.activate-order',
      { orderId: order.id },
      {
        delayMs: Math.min(delayMs, MAX_ACTIVATION_DELAY_MS),
      },
    );
  }
}
