/**
 * `node dist/bench/readiness.js`: 7,850 LAOs at every stage of the rollout (accounts, grants, orders
 * and open services written with bulk SQL), then the national readiness view timed through HTTP
 * (p50/p95 over 30 calls) against its SQL statement alone. Prints figures; asserts nothing.
 */
import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import { MikroORM } from '@mikro-orm/postgresql';
import { Client } from 'pg';
import { AbilityFactory } from '../src/access/ability.factory';
import { readinessScope } from '../src/dashboard/readiness-scope';
import { readinessPageSql } from '../src/dashboard/readiness.sql';
import { createOrmOptions } from '../src/database/orm-options';
import { upsertLaos, type LaoRecord } from '../src/registry/laos/upsert-laos';
import type { LaoType } from '../src/registry/entities/lao.entity';
import { createBenchDatabase, generateLaos, startApi } from './identity-import';

const CALLS = 30;

/**
 * The stage mix: the LAO's rank modulo 6 picks how far it got (0 no admin … 5 services open), so
 * every aggregate of the view has rows to count. Staff, grants and orders grow with the stage.
 */
const SEED_SQL = [
  `create temporary table bench_lao as
     select code, province_code, (row_number() over (order by code) % 6)::int as stage from lao`,
  `insert into account (id, username, username_key, title, first_name, last_name, position, email, role, status,
                        lao_code, province_code)
   select gen_random_uuid(), code || 'admin01', code || 'admin01', 'นาย', 'ผู้ดูแล', code, 'นักวิชาการคอมพิวเตอร์',
          code || '@bench.localhost', 'lao_admin', case when stage = 1 then 'invited' else 'active' end, code, province_code
     from bench_lao where stage >= 1`,
  `insert into account_grant (id, account_id, lao_code, role, state, services)
   select gen_random_uuid(), a.id, a.lao_code, 'lao_admin',
          case when b.stage <= 2 then 'draft' when b.stage = 3 then 'uploaded' else 'active' end, '[]'
     from account a join bench_lao b on b.code = a.lao_code where a.role = 'lao_admin'`,
  `insert into account (id, username, username_key, title, first_name, last_name, position, email, role, status,
                        lao_code, province_code)
   select gen_random_uuid(), b.code || 'user' || n, b.code || 'user' || n, 'นาง', 'เจ้าหน้าที่', b.code || n,
          'เจ้าพนักงานธุรการ', b.code || n || '@bench.localhost', 'lao_user', 'invited', b.code, b.province_code
     from bench_lao b cross join generate_series(1, 3) n where b.stage >= 3`,
  `insert into account_grant (id, account_id, lao_code, role, state, services)
   select gen_random_uuid(), a.id, a.lao_code, 'lao_user',
          case when b.stage = 3 then 'draft' when right(a.username, 1) = '3' then 'revoked' else 'verified' end,
          '[{"serviceKey": "waste-fee", "actions": ["view", "process"]}]'
     from account a join bench_lao b on b.code = a.lao_code where a.role = 'lao_user'`,
  `insert into appointment_order (id, lao_code, province_code, order_no, order_year, subject, signed_date,
                                  effective_date, state, created_by_id, submitted_at)
   select gen_random_uuid(), b.code, b.province_code, n, 2569, 'แต่งตั้งผู้ดูแลระบบและเจ้าหน้าที่', date '2026-01-15',
          date '2026-01-15',
          case when b.stage = 3 then (array['draft', 'uploaded', 'returned'])[n]
               else (array['active', 'verified', 'uploaded'])[n] end,
          a.id, now()
     from bench_lao b join account a on a.lao_code = b.code and a.role = 'lao_admin'
    cross join generate_series(1, 3) n where b.stage >= 3`,
  `update lao_service ls set enabled = true, open = true
     from bench_lao b where b.code = ls.lao_code and b.stage = 5
      and ls.service_key in ('waste-fee', 'complaint', 'official-information')`,
  `update lao set address = 'ที่ทำการ ' || name_th, phone = '044-000000', email = code || '@bench.localhost'
     where code in (select code from bench_lao where stage >= 4)`,
  'analyze',
];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function timeCalls(label: string, call: () => Promise<void>): Promise<{ p50: number; p95: number }> {
  for (let i = 0; i < 3; i += 1) await call(); // warm up the pool, plans and JIT
  const times: number[] = [];
  for (let i = 0; i < CALLS; i += 1) {
    const started = performance.now();
    await call();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const result = { p50: percentile(times, 50), p95: percentile(times, 95) };
  console.log(`${label}: p50 ${result.p50.toFixed(1)} ms, p95 ${result.p95.toFixed(1)} ms (${CALLS} calls)`);
  return result;
}

async function seed(databaseUrl: string): Promise<void> {
  const laos = await generateLaos(databaseUrl);
  const records: LaoRecord[] = laos.map((l) => ({ ...l, type: l.type as LaoType }));
  const orm = await MikroORM.init(createOrmOptions(databaseUrl, { preferTs: false }));
  try {
    await orm.em.fork().transactional((em) => upsertLaos(em, records));
  } finally {
    await orm.close(true);
  }
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  const started = performance.now();
  for (const sql of SEED_SQL) await client.query(sql);
  const { rows } = await client.query<{ accounts: number; grants: number; orders: number; open: number }>(
    `select (select count(*) from account)::int as accounts, (select count(*) from account_grant)::int as grants,
            (select count(*) from appointment_order)::int as orders,
            (select count(*) from lao_service where open)::int as open`,
  );
  await client.end();
  const c = rows[0];
  console.log(
    `Seeded ${laos.length} LAOs, ${c.accounts} accounts, ${c.grants} grants, ${c.orders} orders, ` +
      `${c.open} open services (bulk SQL ${((performance.now() - started) / 1000).toFixed(1)} s)`,
  );
}

async function main(): Promise<void> {
  const db = await createBenchDatabase('readiness');
  const api = await startApi(db.url);
  const orm = await MikroORM.init(createOrmOptions(db.url, { preferTs: false }));
  try {
    await seed(db.url);
    const headers = { authorization: `Bearer ${api.token}` };
    let bytes = 0;
    const http = await timeCalls(
      'HTTP GET /api/dashboard/readiness (national, first page of 200 + all totals)',
      async () => {
        const res = await fetch(`${api.baseUrl}/api/dashboard/readiness`, { headers });
        if (res.status !== 200) throw new Error(`readiness: ${res.status} ${await res.text()}`);
        bytes = (await res.arrayBuffer()).byteLength;
      },
    );
    console.log(`  response ${(bytes / 1024).toFixed(0)} KiB`);

    // The same statement the service runs for a dla_admin, straight on the connection.
    const ability = new AbilityFactory().createFor({
      accountId: '00000000-0000-0000-0000-000000000000',
      username: 'bench',
      role: 'dla_admin',
      provinceCode: null,
      laoCode: null,
      grantState: null,
      services: [],
      ip: null,
    });
    const em = orm.em.fork();
    const scope = readinessScope(em, ability);
    if (!scope) throw new Error('dla_admin sees no LAO');
    const { sql, params } = readinessPageSql(scope, null, 201);
    const raw = await timeCalls('Raw SQL of the national view', async () => {
      await em.getConnection().execute(sql, params);
    });
    console.log(
      `Ratio HTTP / raw SQL (p50): ${(http.p50 / raw.p50).toFixed(2)}x; target national view < 300 ms`,
    );

    const started = performance.now();
    const csv = await fetch(`${api.baseUrl}/api/dashboard/readiness.csv`, { headers });
    const size = (await csv.arrayBuffer()).byteLength;
    console.log(
      `HTTP GET /api/dashboard/readiness.csv (all LAOs): ${(performance.now() - started).toFixed(0)} ms, ${(size / 1024).toFixed(0)} KiB`,
    );
  } finally {
    await orm.close(true);
    await api.close();
    await db.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
