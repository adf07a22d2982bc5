import { http, request } from './http';
import type { CatalogService, Division, ImportCounts, Lao, LaoService, Page, Province } from './types';

export type LaoPatch = Partial<Pick<Lao, 'address' | 'phone' | 'email' | 'website'>>;
export interface ServicePatch {
  enabled?: boolean;
  open?: boolean;
  fee?: number | null;
  divisionId?: string | null;
  slaDays?: number;
  note?: string | null;
}
export interface DivisionInput {
  id?: string;
  nameTh: string;
  nameEn?: string | null;
}

const lao = (code: string) => `/api/laos/${encodeURIComponent(code)}`;

export const registryApi = {
  provinces: () => http.get<Page<Province>>('/api/provinces'),
  laos: (query: { province?: string; q?: string; limit?: number; cursor?: string }) =>
    http.get<Page<Lao>>('/api/laos', query),
  lao: (code: string) => http.get<Lao>(lao(code)),
  updateLao: (code: string, patch: LaoPatch) => http.patch<Lao>(lao(code), patch),
  divisions: (code: string) => http.get<Page<Division>>(`${lao(code)}/divisions`),
  replaceDivisions: (code: string, items: DivisionInput[]) =>
    http.put<Page<Division>>(`${lao(code)}/divisions`, { items }),
  /** The national catalog: names of services for anyone signed in. */
  catalog: () => http.get<Page<CatalogService>>('/api/services'),
  services: (code: string) => http.get<Page<LaoService>>(`${lao(code)}/services`),
  updateService: (code: string, key: string, patch: ServicePatch) =>
    http.put<LaoService>(`${lao(code)}/services/${encodeURIComponent(key)}`, patch),
  importLaos: (csv: string) =>
    request<ImportCounts>('/api/laos/import', { method: 'POST', raw: { data: csv, type: 'text/csv' } }),
};
