import type { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import type { AccountGrant } from '../accounts/entities/account-grant.entity';
import type { AppointmentOrder } from '../orders/entities/appointment-order.entity';
import { NotificationEvents } from '../notifications/notification-events.service';
import { ActivationScheduler } from './activation-scheduler';
import { GrantActivation } from './grant-activation';
import { normalizeReason } from './reason';
import type { NoticeKind, NoticeSink, TransitionContext } from './transition-context';
import type { AppliedOrderTransition } from './transition.service';

const NOTICE_OF_EVENT: Partial<Record<AppliedOrderTransition['event'], NoticeKind>> = {
  'document.accepted': 'order.uploaded',
  'document.rejected': 'order.rejected',
  return: 'order.returned',
  verify: 'order.verified',
  activate: 'order.activated',
};

/**
 * Side effects of an applied order transition, written in the same transaction as outbox rows or
 * rows the workers pick up: activation scheduling, holders' accounts and links, notices. Nothing
 * here waits for mail or for Redis.
 */
@Injectable()
export class OrderEffects {
  constructor(
    private readonly scheduler: ActivationScheduler,
    private readonly activation: GrantActivation,
    private readonly events: NotificationEvents,
  ) {}

  async afterOrder(
    em: EntityManager,
    applied: AppliedOrderTransition,
    ctx: TransitionContext,
  ): Promise<void> {
    if (applied.event === 'verify') this.scheduler.schedule(em, applied.order);
    if (applied.event === 'activate') await this.activation.enableHolders(em, applied.grants);
    const kind = NOTICE_OF_EVENT[applied.event];
    if (!kind) return;
    const sink: NoticeSink = ctx.notices ?? this.events.sinkFor(em);
    sink.add({ kind, orderId: applied.order.id, reason: normalizeReason(ctx.reason) });
  }

  /** The LAO's admins (old and new) and the province's officers hear who hands over to whom. */
  afterHandover(
    em: EntityManager,
    order: AppointmentOrder,
    incoming: AccountGrant,
    outgoing: AccountGrant[],
    ctx: TransitionContext,
  ): void {
    const sink: NoticeSink = ctx.notices ?? this.events.sinkFor(em);
    const names = (grants: AccountGrant[]) =>
      grants.map((g) => `${g.account.fullName} (${g.account.username})`).join(', ');
    sink.add({
      kind: 'admin.handover',
      orderId: order.id,
      reason: `ผู้ดูแลระบบใหม่ ${names([incoming])} แทน ${names(outgoing)} ซึ่งสิ้นสุดสิทธิ์ผู้ดูแลระบบแล้ว`,
    });
  }
}
