import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, type Rel, type Opt } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Account } from '../../accounts/entities/account.entity';
import type { AppointmentOrder } from '../../orders/entities/appointment-order.entity';

export const DOCUMENT_STATES = ['received', 'processing', 'valid', 'needs_manual_check', 'rejected'] as const;
export type DocumentState = (typeof DOCUMENT_STATES)[number];

export type FindingSeverity = 'info' | 'warn' | 'error';
export interface Finding {
  code: string;
  severity: FindingSeverity;
  expected?: string;
  found?: string;
}
export interface DocumentRejection {
  code: string;
  message: string;
}
/** What the last integrity check (download or scrub) found wrong with the stored object. */
export interface IntegrityFailure {
  reason: 'mismatch' | 'missing';
  actualSha256: string | null;
  actualSize: number | null;
  detectedAt: string;
  detectedBy: 'download' | 'scrub';
}

/** One uploaded PDF of an order: received into quarantine, validated by a worker, then stored. */
@Entity({ tableName: 'order_document' })
@Index({ properties: ['order', 'createdAt'] })
@Index({ properties: ['sha256'] })
@Index({ properties: ['state', 'createdAt'] })
export class OrderDocument {
  @PrimaryKey({ type: 'uuid' })
  id: Opt<string> = randomUUID();

  @ManyToOne('AppointmentOrder')
  order!: Rel<AppointmentOrder>;

  @Enum({ items: () => DOCUMENT_STATES, default: 'received' })
  state: Opt<DocumentState> = 'received';

  @Property({ length: 64 })
  sha256!: string;

  @Property({ type: 'bigint' })
  size!: number;

  @Property({ type: 'integer', nullable: true })
  pages?: number | null;

  /** Sanitised display name only; storage keys never come from it. */
  @Property({ length: 200 })
  filename!: string;

  @Property({ default: false })
  ocr: Opt<boolean> = false;

  @Property({ type: 'jsonb', default: '[]' })
  findings: Opt<Finding[]> = [];

  @Property({ type: 'jsonb', nullable: true })
  rejection?: DocumentRejection | null;

  @Property({ length: 300 })
  quarantineKey!: string;

  @Property({ length: 300, nullable: true })
  storageKey?: string | null;

  @Property({ type: 'integer', nullable: true })
  textLength?: number | null;

  @ManyToOne(() => Account)
  uploadedBy!: Rel<Account>;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();

  @Property({ type: 'timestamptz', nullable: true })
  processedAt?: Date | null;

  /**
   * When `documents.validate` was last queued (the upload, or a dla_admin's retry). A row still
   * `processing` long after this is stuck; a retry moves it forward, which keeps retries idempotent.
   */
  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  queuedAt: Opt<Date> = new Date();

  /** Set once the quarantine copy is gone (at promotion, or by the retention sweep for rejected files). */
  @Property({ type: 'timestamptz', nullable: true })
  quarantineRemovedAt?: Date | null;

  /** Last re-hash of the stored object; the scrub visits the oldest first. */
  @Property({ type: 'timestamptz', nullable: true })
  integrityCheckedAt?: Date | null;

  /** Null while the stored bytes match `sha256`. */
  @Property({ type: 'jsonb', nullable: true })
  integrityFailure?: IntegrityFailure | null;
}
