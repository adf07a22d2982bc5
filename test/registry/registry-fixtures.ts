import type { ApiClient } from '../support/http';

export const HEADER = 'code,name_th,type,district_th,province_code';

/** POSTs a CSV body to the import endpoint as `text/csv`. */
export function importCsv(api: ApiClient, token: string, csv: string | Uint8Array) {
  return api.request<Record<string, unknown>>('POST', '/api/laos/import', {
    token,
    raw: csv,
    headers: { 'content-type': 'text/csv; charset=utf-8' },
  });
}

export interface RowError {
  line: number;
  field: string | null;
  code: string;
  message: string;
}

/** Every LAO code the caller can list (follows the cursor). */
export async function listCodes(api: ApiClient, token: string, query = ''): Promise<string[]> {
  const codes: string[] = [];
  let cursor: string | null = null;
  do {
    const params = new URLSearchParams(query);
    params.set('limit', '200');
    if (cursor) params.set('cursor', cursor);
    const res = await api.get<{ items: { code: string }[]; nextCursor: string | null }>(
      `/api/laos?${params}`,
      token,
    );
    if (res.status !== 200) throw new Error(`list failed: ${res.status} ${JSON.stringify(res.body)}`);
    codes.push(...res.body.items.map((i) => i.code));
    cursor = res.body.nextCursor;
  } while (cursor);
  return codes;
}
