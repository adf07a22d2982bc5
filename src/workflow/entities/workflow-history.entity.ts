import { Entity, Index, ManyToOne, PrimaryKey, Property, type Rel, type Opt } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Account } from '../../accounts/entities/account.entity';

export type WorkflowItemType = 'order' | 'grant';

/** One applied transition of an order or a grant; written only by the TransitionService. */
@Entity({ tableName: 'workflow_history' })
@Index({ properties: ['itemType', 'itemId', 'at'] })
export class WorkflowHistory {
  @PrimaryKey({ type: 'uuid' })
  id: Opt<string> = randomUUID();

  @Property({ length: 10 })
  itemType!: WorkflowItemType;

  @Property({ type: 'uuid' })
  itemId!: string;

  @Property({ length: 20 })
  fromState!: string;

  @Property({ length: 20 })
  toState!: string;

  @Property({ length: 40 })
  event!: string;

  /** Null for the worker and the scheduler; `actorLabel` names them. */
  @ManyToOne(() => Account, { nullable: true })
  actor?: Rel<Account> | null;

  @Property({ length: 64 })
  actorLabel!: string;

  @Property({ type: 'text', nullable: true })
  reason?: string | null;

  @Property({ length: 64, nullable: true })
  documentSha256?: string | null;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  at: Opt<Date> = new Date();
}
