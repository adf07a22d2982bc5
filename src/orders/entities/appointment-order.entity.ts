import {
  Entity,
  Enum,
  Index,
  ManyToOne,
  OneToOne,
  PrimaryKey,
  Property,
  Unique,
  type Rel,
  type Opt,
} from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Account } from '../../accounts/entities/account.entity';
import { Lao } from '../../registry/entities/lao.entity';
import type { OrderDocument } from '../../documents/entities/order-document.entity';

export const ORDER_STATES = ['draft', 'uploaded', 'returned', 'verified', 'active', 'revoked'] as const;
export type OrderState = (typeof ORDER_STATES)[number];

/** A signed appointment order (คำสั่งแต่งตั้ง) `ที่ orderNo/orderYear` (Buddhist Era), unique per LAO and year. */
@Entity({ tableName: 'appointment_order' })
@Unique({ name: 'appointment_order_number_unique', properties: ['lao', 'orderYear', 'orderNo'] })
@Index({ name: 'appointment_order_queue_idx', properties: ['state', 'submittedAt', 'id'] })
/** An officer's queue: one province's uploaded orders, oldest first, read in index order (keyset). */
@Index({
  name: 'appointment_order_review_queue_idx',
  properties: ['provinceCode', 'submittedAt', 'id'],
  expression:
    'create index "appointment_order_review_queue_idx" on "appointment_order" ("province_code", "submitted_at", "id") where "state" = \'uploaded\'',
})
/** Created by the ReferenceData migration; declared so schema diffs keep it. */
@Index({
  name: 'appointment_order_search_trgm',
  properties: ['searchText'],
  expression:
    'create index "appointment_order_search_trgm" on "appointment_order" using gin ("search_text" gin_trgm_ops)',
})
export class AppointmentOrder {
  @PrimaryKey({ type: 'uuid' })
  id: Opt<string> = randomUUID();

  @ManyToOne(() => Lao)
  lao!: Rel<Lao>;

  /** Denormalised from the LAO so the review queue filters and sorts on one index. */
  @Property({ length: 2, index: true })
  provinceCode!: string;

  @Property()
  orderNo!: number;

  /** Buddhist Era year, e.g. 2568. */
  @Property()
  orderYear!: number;

  @Property({ length: 500 })
  subject!: string;

  @Property({ type: 'date' })
  signedDate!: string;

  @Property({ type: 'date' })
  effectiveDate!: string;

  @Enum({ items: () => ORDER_STATES, default: 'draft' })
  state: Opt<OrderState> = 'draft';

  @Property({ version: true })
  version: Opt<number> = 1;

  @OneToOne('OrderDocument', { nullable: true, owner: true })
  currentDocument?: Rel<OrderDocument> | null;

  /** When the order last became `uploaded`: the review queue's "oldest first". */
  @Property({ type: 'timestamptz', nullable: true })
  submittedAt?: Date | null;

  /** LAO name, subject and appointee names, normalised, for the trigram search of the queue. */
  @Property({ type: 'text', default: '' })
  searchText: Opt<string> = '';

  @ManyToOne(() => Account)
  createdBy!: Rel<Account>;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();

  @Property({ type: 'timestamptz', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Opt<Date> = new Date();
}
