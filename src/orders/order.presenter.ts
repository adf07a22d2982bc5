import { presentGrant, type GrantView } from '../accounts/account.presenter';
import type { AccountGrant } from '../accounts/entities/account-grant.entity';
import type { OrderDocument } from '../documents/entities/order-document.entity';
import { presentHistory, type HistoryEntryView } from '../workflow/history.presenter';
import type { WorkflowHistory } from '../workflow/entities/workflow-history.entity';
import type { AppointmentOrder } from './entities/appointment-order.entity';
import { orderLabel } from './order-number';

export interface DocumentView {
  id: string;
  state: OrderDocument['state'];
  sha256: string;
  size: number;
  pages: number | null;
  filename: string;
  ocr: boolean;
  findings: OrderDocument['findings'];
  rejection?: { code: string; message: string };
  createdAt: string;
  processedAt: string | null;
}

export interface OrderGrantView extends GrantView {
  appointee: { username: string; title: string; firstName: string; lastName: string; position: string };
}

export interface OrderView {
  id: string;
  laoCode: string;
  laoName: string | null;
  provinceCode: string;
  orderNo: number;
  orderYear: number;
  orderLabel: string;
  subject: string;
  signedDate: string;
  effectiveDate: string;
  state: AppointmentOrder['state'];
  version: number;
  submittedAt: string | null;
  grants?: OrderGrantView[];
  document?: DocumentView | null;
  /** The newest upload when it is not (yet) the current document: processing, or rejected with reasons. */
  latestUpload?: DocumentView | null;
  history?: HistoryEntryView[];
  createdAt: string;
  updatedAt: string;
}

export function presentDocument(doc: OrderDocument): DocumentView {
  return {
    id: doc.id,
    state: doc.state,
    sha256: doc.sha256,
    size: Number(doc.size),
    // The column is varchar in the current schema (entity without an explicit type): answer a number.
    pages: doc.pages === null || doc.pages === undefined ? null : Number(doc.pages),
    filename: doc.filename,
    ocr: doc.ocr,
    findings: doc.findings,
    ...(doc.rejection ? { rejection: { code: doc.rejection.code, message: doc.rejection.message } } : {}),
    createdAt: doc.createdAt.toISOString(),
    processedAt: doc.processedAt?.toISOString() ?? null,
  };
}

export function presentOrderGrant(grant: AccountGrant): OrderGrantView {
  const a = grant.account;
  return {
    ...presentGrant(grant),
    appointee: {
      username: a.username,
      title: a.title,
      firstName: a.firstName,
      lastName: a.lastName,
      position: a.position,
    },
  };
}

export interface OrderDetails {
  grants?: AccountGrant[];
  latestUpload?: OrderDocument | null;
  history?: WorkflowHistory[];
}

/** API.md "Order": numbers in Arabic digits, dates ISO, plus `orderLabel` ("ที่ 12/2568"). */
export function presentOrder(order: AppointmentOrder, details: OrderDetails = {}): OrderView {
  const current = order.currentDocument ?? null;
  const latest =
    details.latestUpload && details.latestUpload.id !== current?.id ? details.latestUpload : null;
  return {
    id: order.id,
    laoCode: order.lao.code,
    laoName: order.lao.nameTh ?? null,
    provinceCode: order.provinceCode,
    orderNo: order.orderNo,
    orderYear: order.orderYear,
    orderLabel: orderLabel(order),
    subject: order.subject,
    signedDate: order.signedDate,
    effectiveDate: order.effectiveDate,
    state: order.state,
    version: order.version,
    submittedAt: order.submittedAt?.toISOString() ?? null,
    ...(details.grants ? { grants: details.grants.map(presentOrderGrant) } : {}),
    document: current && current.sha256 !== undefined ? presentDocument(current) : null,
    ...(details.latestUpload !== undefined ? { latestUpload: latest ? presentDocument(latest) : null } : {}),
    ...(details.history ? { history: details.history.map(presentHistory) } : {}),
    createdAt: order.createdAt.toISOString(),
    updatedAt: order.updatedAt.toISOString(),
  };
}
