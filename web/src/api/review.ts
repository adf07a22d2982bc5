import { http, requestBlob } from './http';
import type { BulkVerifyResult, Notification, Page, QueueItem, ReadinessReport } from './types';

export interface QueueFilters {
  province?: string;
  lao?: string;
  q?: string;
  findings?: boolean;
  overdue?: boolean;
  cursor?: string;
}

export const reviewApi = {
  queue: (filters: QueueFilters) => http.get<Page<QueueItem>>('/api/review-queue', { ...filters, limit: 50 }),
  bulkVerify: (items: { id: string; version: number; documentSha256: string }[]) =>
    http.post<{ items: BulkVerifyResult[] }>('/api/review-queue/verify', { items }),
};

export const dashboardApi = {
  readiness: (query: { province?: string; cursor?: string; limit?: number }) =>
    http.get<ReadinessReport>('/api/dashboard/readiness', query),
  readinessCsv: (province?: string) => requestBlob('/api/dashboard/readiness.csv', { province }),
};

export const notificationsApi = {
  list: (unread: boolean) =>
    http.get<Page<Notification>>('/api/notifications', { unread: unread || undefined, limit: 20 }),
  markRead: (id: string) => http.post<Notification>(`/api/notifications/${id}/read`),
};
