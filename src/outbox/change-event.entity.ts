import { Entity, Index, PrimaryKey, Property, type Opt } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

export const CHANGE_EVENT_TYPES = [
  'grant.activated',
  'grant.revoked',
  'grant.superseded',
  'account.disabled',
  'account.enabled',
  'lao_service.opened',
  'lao_service.closed',
] as const;
export type ChangeEventType = (typeof CHANGE_EVENT_TYPES)[number];

/**
 * One change other systems may follow (issue 14), written in the transaction that makes it. `txid`
 * (the writer's transaction id, set by the database) orders the feed: a reader is handed only rows
 * older than the oldest transaction still in flight, so a transaction committing late can never slip
 * in behind a cursor (see src/integration/events).
 */
@Entity({ tableName: 'change_event' })
@Index({ name: 'change_event_feed_idx', properties: ['txid', 'seq'] })
export class ChangeEvent {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  seq?: string;

  /** The event's id for consumers (webhook-id; repeats of one event carry the same id). */
  @Property({ type: 'uuid', unique: true })
  id: Opt<string> = randomUUID();

  @Property({ length: 40 })
  type!: ChangeEventType;

  /** The account the event is about (per-account order of deliveries); null for LAO services. */
  @Property({ type: 'uuid', nullable: true })
  accountId?: string | null;

  @Property({ type: 'jsonb' })
  data!: Record<string, unknown>;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  occurredAt: Opt<Date> = new Date();

  @Property({ columnType: 'xid8', defaultRaw: 'pg_current_xact_id()' })
  txid?: string;
}
