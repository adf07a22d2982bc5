import { EntityManager } from '@mikro-orm/postgresql';
import { createAccount, type CreatedAccount } from '../../support/factories';
import { ApiClient } from '../../support/http';
import { BOOTSTRAP, type TestApp } from '../../support/test-app';

export interface SeededLao {
  code: string;
  nameTh: string;
}

let seq = 0;

/** LAOs imported the way DLA does (CSV through the API), so each gets its default divisions and services. */
export async function importLaos(t: TestApp, names: string[], provinceCode = '36'): Promise<SeededLao[]> {
  const api = new ApiClient(t.baseUrl);
  const token = await api.login(BOOTSTRAP.username, BOOTSTRAP.password);
  const base = 3000 + Math.floor(Math.random() * 5000);
  const laos = names.map((nameTh) => ({
    code: `6${provinceCode}${String(base + ++seq).padStart(4, '0')}`,
    nameTh,
  }));
  const csv = [
    'code,name_th,type,district_th,province_code,phase1_target',
    ...laos.map((l) => `${l.code},${l.nameTh},อบต.,หนองบัวแดง,${provinceCode},1`),
  ].join('\n');
  const res = await api.request('POST', '/api/laos/import', {
    raw: csv,
    headers: { 'content-type': 'text/csv' },
    token,
  });
  if (res.status !== 200) throw new Error(`import failed: ${res.status} ${JSON.stringify(res.body)}`);
  return laos;
}

/** A LAO admin whose own grant is still a draft (provisional), with a known password. */
export function provisionalAdmin(t: TestApp, laoCode: string, username?: string): Promise<CreatedAccount> {
  return createAccount(t.app.get(EntityManager), {
    role: 'lao_admin',
    laoCode,
    username,
    grant: { state: 'draft' },
    firstName: 'สมชาย',
  });
}
