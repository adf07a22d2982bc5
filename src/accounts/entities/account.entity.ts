import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, type Rel, type Opt } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Division } from '../../registry/entities/division.entity';
import { Lao } from '../../registry/entities/lao.entity';
import { Province } from '../../registry/entities/province.entity';

export const ROLES = ['dla_admin', 'dla_helpdesk', 'province_officer', 'lao_admin', 'lao_user'] as const;
export type Role = (typeof ROLES)[number];

export const ACCOUNT_STATUSES = ['invited', 'active', 'disabled'] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];

/**
 * A person who signs in. `usernameKey` (NFC, trimmed, lower-case) carries the uniqueness;
 * `tokenVersion` is bumped on any change of role, grants or status so tokens stop at once.
 */
@Entity({ tableName: 'account' })
@Index({ properties: ['lao'] })
@Index({ properties: ['province'] })
export class Account {
  @PrimaryKey({ type: 'uuid' })
  id: Opt<string> = randomUUID();

  @Property({ length: 64 })
  username!: string;

  @Property({ length: 64, unique: true })
  usernameKey!: string;

  @Property({ type: 'text', nullable: true, hidden: true })
  passwordHash?: string | null;

  @Property({ length: 50 })
  title!: string;

  @Property({ length: 100 })
  firstName!: string;

  @Property({ length: 100 })
  lastName!: string;

  @Property({ length: 200 })
  position!: string;

  @Property({ length: 254 })
  email!: string;

  @Enum({ items: () => ROLES })
  role!: Role;

  @Enum({ items: () => ACCOUNT_STATUSES, default: 'invited' })
  status: Opt<AccountStatus> = 'invited';

  @ManyToOne(() => Lao, { nullable: true })
  lao?: Rel<Lao> | null;

  /** The province of an officer; for LAO accounts it is the LAO's province (kept for SQL filters). */
  @ManyToOne(() => Province, { nullable: true })
  province?: Rel<Province> | null;

  @ManyToOne(() => Division, { nullable: true })
  division?: Rel<Division> | null;

  @Property({ default: false })
  mustChangePassword: Opt<boolean> = false;

  @Property({ default: 0 })
  tokenVersion: Opt<number> = 0;

  @Property({ type: 'timestamptz', nullable: true })
  lastLoginAt?: Date | null;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();

  @Property({ type: 'timestamptz', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Opt<Date> = new Date();

  get fullName(): Opt<string> {
    return `${this.title}${this.firstName} ${this.lastName}`;
  }
}
