import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, type Rel, type Opt } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Lao } from '../../registry/entities/lao.entity';
import type { AppointmentOrder } from '../../orders/entities/appointment-order.entity';
import { Account } from './account.entity';

export const GRANT_STATES = ['draft', 'uploaded', 'verified', 'active', 'revoked', 'superseded'] as const;
export type GrantState = (typeof GRANT_STATES)[number];
export const GRANT_ROLES = ['lao_admin', 'lao_user'] as const;
export type GrantRole = (typeof GRANT_ROLES)[number];
export const SERVICE_ACTIONS = ['view', 'process'] as const;
export type ServiceAction = (typeof SERVICE_ACTIONS)[number];

export interface ServicePermission {
  serviceKey: string;
  actions: ServiceAction[];
}

/** One account's role and per-service permissions in one LAO; a workflow item following its order. */
@Entity({ tableName: 'account_grant' })
@Index({ properties: ['account', 'state'] })
@Index({ properties: ['lao', 'state'] })
@Index({ properties: ['order'] })
export class AccountGrant {
  @PrimaryKey({ type: 'uuid' })
  id: Opt<string> = randomUUID();

  @ManyToOne(() => Account)
  account!: Rel<Account>;

  @ManyToOne(() => Lao)
  lao!: Rel<Lao>;

  @Enum({ items: () => GRANT_ROLES })
  role!: GrantRole;

  @Enum({ items: () => GRANT_STATES, default: 'draft' })
  state: Opt<GrantState> = 'draft';

  @Property({ version: true })
  version: Opt<number> = 1;

  @Property({ type: 'jsonb', default: '[]' })
  services: Opt<ServicePermission[]> = [];

  @ManyToOne('AppointmentOrder', { nullable: true })
  order?: Rel<AppointmentOrder> | null;

  @Property({ type: 'timestamptz', nullable: true })
  activatedAt?: Date | null;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();

  @Property({ type: 'timestamptz', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Opt<Date> = new Date();
}
