import type { IntegrityFailure, OrderDocument } from '../entities/order-document.entity';
import { orderLabel } from '../../orders/order-number';

/** One document as the dla_admin's pipeline screens show it: where it belongs and how long it has waited. */
export interface PipelineDocumentView {
  id: string;
  state: OrderDocument['state'];
  orderId: string;
  orderLabel: string;
  laoCode: string;
  laoName: string;
  filename: string;
  sha256: string;
  size: number;
  createdAt: string;
  queuedAt: string;
  processedAt: string | null;
}

export interface StuckDocumentView extends PipelineDocumentView {
  minutesWaiting: number;
}

export interface IntegrityReportItem extends PipelineDocumentView {
  storageKey: string | null;
  integrityCheckedAt: string | null;
  failure: IntegrityFailure;
}

export interface RetryAnswer {
  /** True when this call queued a new `documents.validate`; false when nothing was stuck (idempotent). */
  requeued: boolean;
  document: PipelineDocumentView;
}

export function presentPipelineDocument(doc: OrderDocument): PipelineDocumentView {
  return {
    id: doc.id,
    state: doc.state,
    orderId: doc.order.id,
    orderLabel: orderLabel(doc.order),
    laoCode: doc.order.lao.code,
    laoName: doc.order.lao.nameTh,
    filename: doc.filename,
    sha256: doc.sha256,
    size: Number(doc.size),
    createdAt: doc.createdAt.toISOString(),
    queuedAt: doc.queuedAt.toISOString(),
    processedAt: doc.processedAt?.toISOString() ?? null,
  };
}

export function presentStuck(doc: OrderDocument, now: Date): StuckDocumentView {
  return {
    ...presentPipelineDocument(doc),
    minutesWaiting: Math.floor((now.getTime() - doc.queuedAt.getTime()) / 60_000),
  };
}

export function presentIntegrityItem(doc: OrderDocument, failure: IntegrityFailure): IntegrityReportItem {
  return {
    ...presentPipelineDocument(doc),
    storageKey: doc.storageKey ?? null,
    integrityCheckedAt: doc.integrityCheckedAt?.toISOString() ?? null,
    failure,
  };
}
