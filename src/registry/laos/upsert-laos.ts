import type { QueryResult } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { DEFAULT_DIVISIONS } from '../data/default-divisions';
import type { LaoType } from '../entities/lao.entity';

/** One registry row, already validated and normalised. Optional fields left null keep what is stored. */
export interface LaoRecord {
  code: string;
  nameTh: string;
  type: LaoType;
  districtTh: string;
  provinceCode: string;
  address?: string | null;
  phone?: string | null;
  email?: string | null;
  website?: string | null;
  phase1Target?: boolean | null;
}

export interface UpsertCounts {
  created: number;
  updated: number;
  unchanged: number;
  total: number;
}

export interface UpsertResult extends UpsertCounts {
  createdCodes: string[];
  /** Default rows given to the new LAOs. */
  divisionsCreated: number;
  servicesCreated: number;
}

/** Rows per statement: large enough to amortise the round trip, small enough for one JSON parameter. */
const CHUNK_SIZE = 1000;

/**
 * Rows arrive as one JSON parameter per chunk (jsonb_to_recordset): knex would expand an array
 * binding into one placeholder per element, and a 7,850-row file must not become 7,850 queries.
 * Optional fields the file leaves blank keep the stored value (the LAO admin's contact details);
 * a row whose values are all unchanged is not rewritten, so it is counted as unchanged.
 */
const UPSERT_SQL = `
insert into lao (code, name_th, type, district_th, province_code, address, phone, email, website, phase1_target)
select x.code, x.name_th, x.type, x.district_th, x.province_code,
       coalesce(x.address, l.address), coalesce(x.phone, l.phone), coalesce(x.email, l.email),
       coalesce(x.website, l.website), coalesce(x.phase1_target, l.phase1_target, false)
  from jsonb_to_recordset(?::jsonb) as x(code text, name_th text, type text, district_th text, province_code text,
                                          address text, phone text, email text, website text, phase1_target boolean)
  left join lao l on l.code = x.code
on conflict (code) do update set
  name_th = excluded.name_th, type = excluded.type, district_th = excluded.district_th,
  province_code = excluded.province_code, address = excluded.address, phone = excluded.phone,
  email = excluded.email, website = excluded.website, phase1_target = excluded.phase1_target, updated_at = now()
where (lao.name_th, lao.type, lao.district_th, lao.province_code, lao.address, lao.phone, lao.email, lao.website,
       lao.phase1_target)
  is distinct from (excluded.name_th, excluded.type, excluded.district_th, excluded.province_code, excluded.address,
       excluded.phone, excluded.email, excluded.website, excluded.phase1_target)
returning code, (xmax = 0) as inserted`;

const DEFAULT_DIVISIONS_SQL = `
insert into division (id, lao_code, name_th, name_en, sort_order, active)
select gen_random_uuid(), c.code, d.name_th, d.name_en, d.sort_order, true
  from jsonb_array_elements_text(?::jsonb) as c(code)
 cross join jsonb_to_recordset(?::jsonb) as d(name_th text, name_en text, sort_order int)`;

/** Every catalog service, disabled, handled by the division the catalog hints at. */
const DEFAULT_SERVICES_SQL = `
insert into lao_service (id, lao_code, service_key, enabled, open, division_id, sla_days, updated_at)
select gen_random_uuid(), c.code, s.key, false, false, d.id, 15, now()
  from jsonb_array_elements_text(?::jsonb) as c(code)
 cross join citizen_service s
  left join division d on d.lao_code = c.code and d.name_th = s.division_hint
on conflict (lao_code, service_key) do nothing`;

/**
 * Accounts and orders keep a copy of their LAO's province for the officers' SQL filters; a registry
 * correction that moves a LAO to another province moves those copies with it, in the same transaction.
 */
const FOLLOW_PROVINCE_SQL = [
  `update account a set province_code = l.province_code from lao l
    where l.code in (select jsonb_array_elements_text(?::jsonb)) and a.lao_code = l.code
      and a.province_code is distinct from l.province_code`,
  `update appointment_order o set province_code = l.province_code from lao l
    where l.code in (select jsonb_array_elements_text(?::jsonb)) and o.lao_code = l.code
      and o.province_code <> l.province_code`,
];

/**
 * Creates or updates LAOs by code; each new LAO gets the six default divisions and a disabled row
 * per catalog service. The one way LAOs enter the registry (CSV import and the seed command), so
 * every LAO starts alike. Call it inside a transaction: a failure leaves nothing half-imported.
 */
export async function upsertLaos(em: EntityManager, records: readonly LaoRecord[]): Promise<UpsertResult> {
  if (!em.isInTransaction()) throw new Error('upsertLaos must run inside a transaction');
  const run = <T>(sql: string, params: unknown[]) =>
    em.getConnection().execute<T[]>(sql, params, 'all', em.getTransactionContext());
  const affected = async (sql: string, params: unknown[]) =>
    (await em.getConnection().execute<QueryResult>(sql, params, 'run', em.getTransactionContext()))
      .affectedRows;

  const createdCodes: string[] = [];
  const updatedCodes: string[] = [];
  for (let start = 0; start < records.length; start += CHUNK_SIZE) {
    const chunk = records.slice(start, start + CHUNK_SIZE).map(toRow);
    const rows = await run<{ code: string; inserted: boolean }>(UPSERT_SQL, [JSON.stringify(chunk)]);
    for (const row of rows) {
      if (row.inserted) createdCodes.push(row.code);
      else updatedCodes.push(row.code);
    }
  }
  if (updatedCodes.length) {
    for (const sql of FOLLOW_PROVINCE_SQL) await run(sql, [JSON.stringify(updatedCodes)]);
  }
  const updated = updatedCodes.length;
  let divisionsCreated = 0;
  let servicesCreated = 0;
  if (createdCodes.length) {
    const divisions = DEFAULT_DIVISIONS.map((d, i) => ({
      name_th: d.nameTh,
      name_en: d.nameEn,
      sort_order: i,
    }));
    divisionsCreated = await affected(DEFAULT_DIVISIONS_SQL, [
      JSON.stringify(createdCodes),
      JSON.stringify(divisions),
    ]);
    servicesCreated = await affected(DEFAULT_SERVICES_SQL, [JSON.stringify(createdCodes)]);
  }
  const total = records.length;
  const created = createdCodes.length;
  return {
    created,
    updated,
    unchanged: total - created - updated,
    total,
    createdCodes,
    divisionsCreated,
    servicesCreated,
  };
}

function toRow(r: LaoRecord): Record<string, string | boolean | null> {
  return {
    code: r.code,
    name_th: r.nameTh,
    type: r.type,
    district_th: r.districtTh,
    province_code: r.provinceCode,
    address: r.address ?? null,
    phone: r.phone ?? null,
    email: r.email ?? null,
    website: r.website ?? null,
    phase1_target: r.phase1Target ?? null,
  };
}
