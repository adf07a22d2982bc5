import { http, requestBlob } from './http';
import type { HistoryEntry, Order, OrderDocument, OrderState, Page } from './types';
import { uploadWithProgress } from './upload';

export interface OrderInput {
  orderNo: string;
  orderYear: string;
  subject: string;
  signedDate: string;
  effectiveDate: string;
  grantIds: string[];
}

const order = (id: string) => `/api/orders/${encodeURIComponent(id)}`;

export const ordersApi = {
  list: (laoCode: string, state?: OrderState) =>
    http.get<Page<Order>>(`/api/laos/${encodeURIComponent(laoCode)}/orders`, { state, limit: 200 }),
  get: (id: string) => http.get<Order>(order(id)),
  create: (laoCode: string, input: OrderInput) =>
    http.post<Order>(`/api/laos/${encodeURIComponent(laoCode)}/orders`, input),
  update: (id: string, patch: Partial<OrderInput> & { version: number }) =>
    http.patch<Order>(order(id), patch),
  history: (id: string) => http.get<{ items: HistoryEntry[] }>(`${order(id)}/history`),
  withdraw: (id: string, version: number) => http.post<Order>(`${order(id)}/withdraw`, { version }),
  verify: (id: string, version: number, documentSha256: string) =>
    http.post<Order>(`${order(id)}/verify`, { version, documentSha256 }),
  returnOrder: (id: string, version: number, reason: string) =>
    http.post<Order>(`${order(id)}/return`, { version, reason }),
  revoke: (id: string, version: number, reason: string) =>
    http.post<Order>(`${order(id)}/revoke`, { version, reason }),
  document: (id: string) => requestBlob(`${order(id)}/document`),
  upload: (id: string, file: File, onProgress: (percent: number) => void) =>
    uploadWithProgress<OrderDocument>(`${order(id)}/document`, file, onProgress),
};
