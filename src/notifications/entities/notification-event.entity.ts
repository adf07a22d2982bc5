import { Entity, Index, PrimaryKey, Property, type Opt } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

/**
 * Something people must hear about (an order uploaded, returned, verified...), written in the
 * transaction of the change. The `notifications.dispatch` job turns it into in-app notifications and
 * e-mails per recipient, so no workflow step resolves recipients, renders mail or waits for SMTP.
 * One event may cover several orders: a bulk verify sends each recipient one summary.
 */
@Entity({ tableName: 'notification_event' })
@Index({ properties: ['createdAt'] })
export class NotificationEvent {
  @PrimaryKey({ type: 'uuid' })
  id: Opt<string> = randomUUID();

  @Property({ length: 40 })
  kind!: string;

  @Property({ type: 'jsonb' })
  orderIds!: string[];

  @Property({ type: 'text', nullable: true })
  reason?: string | null;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();

  /** Set once by the dispatcher; a repeated job finds it set and returns. */
  @Property({ type: 'timestamptz', nullable: true })
  dispatchedAt?: Date | null;
}
