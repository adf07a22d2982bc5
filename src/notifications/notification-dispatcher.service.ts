import type { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { AppointmentOrder } from '../orders/entities/appointment-order.entity';
import { orderLabel } from '../orders/order-number';
import type { NoticeKind } from '../workflow/transition-context';
import { Notification } from './entities/notification.entity';
import { NotificationEvent } from './entities/notification-event.entity';
import { MailOutbox } from './mail-outbox.service';
import { resolveRecipients } from './notice-recipients';
import { renderNotice } from './templates/workflow-notice';

/**
 * Handles `notifications.dispatch`: one event → an in-app notification and an e-mail per recipient.
 * Idempotent: the event is claimed with a conditional UPDATE in the same transaction that writes the
 * notifications, so a repeated job (or a second worker) finds it dispatched and does nothing.
 * Events of the same kind and reason still waiting are claimed with it and sent as one summary (their
 * own jobs then find them dispatched): many orders activated at once make one mail, not one each.
 */
@Injectable()
export class NotificationDispatcher {
  constructor(
    private readonly mail: MailOutbox,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async dispatch(em: EntityManager, eventId: string): Promise<number> {
    return em.transactional(async (tx) => {
      const claimed = await tx.nativeUpdate(
        NotificationEvent,
        { id: eventId, dispatchedAt: null },
        { dispatchedAt: new Date() },
      );
      if (claimed === 0) return 0;
      const event = await tx.findOneOrFail(NotificationEvent, eventId);
      const orderIds = [...event.orderIds, ...(await this.claimWaitingLike(tx, event))];
      const orders = await tx.find(AppointmentOrder, { id: { $in: orderIds } }, { populate: ['lao'] });
      const recipients = await resolveRecipients(tx, event.kind as NoticeKind, orders);
      for (const recipient of recipients) {
        const notice = renderNotice({
          kind: event.kind as NoticeKind,
          audience: recipient.audience,
          orders: recipient.orders.map((o) => ({
            id: o.id,
            label: orderLabel(o),
            laoName: o.lao.nameTh,
            subject: o.subject,
          })),
          reason: event.reason ?? null,
          to: recipient.account.email,
          fullName: recipient.account.fullName,
          baseUrl: this.config.publicBaseUrl,
        });
        tx.create(Notification, {
          account: recipient.account,
          kind: event.kind,
          title: notice.title.slice(0, 300),
          body: notice.body,
          link: notice.link.slice(0, 300),
        });
        // Holders without a password got their set-password mail at activation; they read this in-app.
        if (recipient.audience !== 'holder' || recipient.account.passwordHash)
          this.mail.queue(tx, notice.mail);
      }
      return recipients.length;
    });
  }

  /** Claims the undispatched events like `event` (same kind and reason); returns their order ids. */
  private async claimWaitingLike(tx: EntityManager, event: NotificationEvent): Promise<string[]> {
    const rows = await tx.execute<{ order_ids: string[] }[]>(
      `update notification_event set dispatched_at = now()
        where dispatched_at is null and kind = ? and reason is not distinct from ?
          and created_at > now() - interval '1 day'
        returning order_ids`,
      [event.kind, event.reason ?? null],
    );
    return rows.flatMap((row) => row.order_ids);
  }
}
