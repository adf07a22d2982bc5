import { Entity, Index, PrimaryKey, Property, type Opt } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

/**
 * A job waiting to leave for BullMQ. Written in the same transaction as the change that needs it;
 * the relay enqueues it with `jobId = id` and stamps `sentAt`.
 */
@Entity({ tableName: 'outbox_message' })
@Index({
  name: 'outbox_message_pending_idx',
  properties: ['createdAt'],
  expression:
    'create index "outbox_message_pending_idx" on "outbox_message" ("created_at") where "sent_at" is null',
})
export class OutboxMessage {
  @PrimaryKey({ type: 'uuid' })
  id: Opt<string> = randomUUID();

  @Property({ length: 64 })
  queue!: string;

  @Property({ length: 64 })
  name!: string;

  @Property({ type: 'jsonb' })
  payload!: Record<string, unknown>;

  /** Milliseconds to delay the job in BullMQ (e.g. activation at an effective date). */
  @Property({ type: 'integer', default: 0 })
  delayMs: Opt<number> = 0;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();

  @Property({ type: 'timestamptz', nullable: true })
  sentAt?: Date;

  @Property({ type: 'integer', default: 0 })
  attempts: Opt<number> = 0;

  @Property({ type: 'text', nullable: true })
  lastError?: string;
}
