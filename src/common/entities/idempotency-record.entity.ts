import { Entity, PrimaryKey, Property, type Opt } from '@mikro-orm/core';

/** The stored answer to a POST sent with an `Idempotency-Key`, replayed for a repeated request. */
@Entity({ tableName: 'idempotency_record' })
export class IdempotencyRecord {
  /** `<account id>:<key>` so keys of different users never collide. */
  @PrimaryKey({ length: 200 })
  id!: string;

  @Property({ length: 64 })
  requestHash!: string;

  @Property({ type: 'integer', nullable: true })
  statusCode?: number | null;

  @Property({ type: 'jsonb', nullable: true })
  body?: unknown;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();
}
