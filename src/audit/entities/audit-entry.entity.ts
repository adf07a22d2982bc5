import { Entity, Index, PrimaryKey, Property, Unique, type Opt } from '@mikro-orm/core';

/**
 * Append-only, hash-chained audit and access log. `hash = sha256(prevHash + canonical row)`;
 * rows of one chain are serialised by an advisory lock so `seq` has no gaps.
 */
@Entity({ tableName: 'audit_entry' })
@Unique({ properties: ['chain', 'seq'] })
@Index({ properties: ['subjectType', 'subjectId'] })
export class AuditEntry {
  @PrimaryKey({ autoincrement: true, type: 'bigint' })
  id!: string;

  @Property({ length: 40 })
  chain!: string;

  @Property({ type: 'bigint' })
  seq!: string;

  @Property({ type: 'timestamptz' })
  at!: Date;

  @Property({ type: 'uuid', nullable: true })
  actorId?: string | null;

  @Property({ length: 64, nullable: true })
  actorUsername?: string | null;

  @Property({ length: 60 })
  action!: string;

  @Property({ length: 40, nullable: true })
  subjectType?: string | null;

  @Property({ length: 64, nullable: true })
  subjectId?: string | null;

  @Property({ length: 64, nullable: true })
  ip?: string | null;

  @Property({ type: 'jsonb', default: '{}' })
  details: Opt<Record<string, unknown>> = {};

  @Property({ length: 64 })
  prevHash!: string;

  @Property({ length: 64 })
  hash!: string;
}
