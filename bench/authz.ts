/**
 * `npm run bench:authz`: 7,850 LAOs with three staff each (active grants from active orders, services
 * open), then `POST /api/authz/check` over HTTP with a client-credentials token: a fixed rate of
 * 500 checks/s (the target: p99 < 5 ms) and the most a closed loop of 16 callers gets through,
 * against the same decision done directly in one SQL statement in the same run. Prints figures and the
 * ratio; asserts nothing.
 */
import 'reflect-metadata';
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { MikroORM } from '@mikro-orm/postgresql';
import { Pool } from 'pg';
import { createOrmOptions } from '../src/database/orm-options';
import { upsertLaos, type LaoRecord } from '../src/registry/laos/upsert-laos';
import type { LaoType } from '../src/registry/entities/lao.entity';
import { createBenchDatabase, generateLaos, startApi } from './identity-import';

const RATE = Number(process.env.BENCH_RATE ?? 500);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONCURRENCY = 16;

const SEED_SQL = [
  `insert into account (id, username, username_key, title, first_name, last_name, position, email, role, status,
                        lao_code, province_code)
   select gen_random_uuid(), l.code || 'user' || n, l.code || 'user' || n, 'นาง', 'เจ้าหน้าที่', l.code || n,
          'เจ้าพนักงานธุรการ', l.code || n || '@bench.localhost', 'lao_user', 'active', l.code, l.province_code
     from lao l cross join generate_series(1, 3) n`,
  `insert into appointment_order (id, lao_code, province_code, order_no, order_year, subject, signed_date,
                                  effective_date, state, created_by_id, submitted_at)
   select gen_random_uuid(), l.code, l.province_code, 1, 2569, 'แต่งตั้งเจ้าหน้าที่', date '2026-01-15',
          date '2026-01-15', 'active', (select id from account where lao_code = l.code limit 1), now()
     from lao l`,
  `insert into account_grant (id, account_id, lao_code, role, state, services, order_id, activated_at)
   select gen_random_uuid(), a.id, a.lao_code, 'lao_user', case when right(a.username, 1) = '3' then 'revoked' else 'active' end,
          '[{"serviceKey": "waste-fee", "actions": ["view", "process"]}, {"serviceKey": "building-permit", "actions": ["view"]}]',
          o.id, now()
     from account a join appointment_order o on o.lao_code = a.lao_code where a.role = 'lao_user'`,
  `update lao_service set enabled = true, open = true where service_key in ('waste-fee', 'building-permit')`,
  'analyze',
];

/** The same decision in one statement: account, its active grant in the LAO, the service open. */
const DIRECT_SQL = `
  select a.status <> 'disabled' and a.lao_code = $2 and g.id is not null and coalesce(s.open, false)
         and exists (select 1 from jsonb_array_elements(g.services) e
                      where e->>'serviceKey' = $3
                        and (e->'actions' ? $4 or ($4 = 'view' and e->'actions' ? 'process'))) as allowed,
         g.id as grant_id, o.id as order_id, o.order_no, o.order_year
    from account a
    left join account_grant g on g.account_id = a.id and g.lao_code = a.lao_code and g.state = 'active'
    left join appointment_order o on o.id = g.order_id
    left join lao_service s on s.lao_code = $2 and s.service_key = $3 and s.enabled
   where a.username_key = $1
   limit 1`;

interface Check {
  username: string;
  laoCode: string;
  serviceKey: string;
  action: 'view' | 'process';
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function summary(
  label: string,
  times: number[],
  elapsedMs: number,
): { rate: number; p50: number; p99: number } {
  const sorted = [...times].sort((a, b) => a - b);
  const result = {
    rate: (times.length / elapsedMs) * 1000,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
  };
  console.log(
    `${label}: ${result.rate.toFixed(0)} checks/s, p50 ${result.p50.toFixed(2)} ms, p99 ${result.p99.toFixed(2)} ms (${times.length} checks)`,
  );
  return result;
}

/** Open loop: one call every 1000/RATE ms whatever the previous ones do (latency includes queueing). */
async function fixedRate(call: (i: number) => Promise<void>): Promise<number[]> {
  const total = RATE * SECONDS;
  const interval = 1000 / RATE;
  const times: number[] = [];
  const started = performance.now();
  const pending: Promise<void>[] = [];
  for (let i = 0; i < total; i += 1) {
    const due = started + i * interval;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    pending.push(
      call(i).then(() => {
        times.push(performance.now() - due);
      }),
    );
  }
  await Promise.all(pending);
  return times;
}

/** Closed loop: CONCURRENCY callers back to back for SECONDS / 2. */
async function closedLoop(call: (i: number) => Promise<void>): Promise<{ times: number[]; elapsed: number }> {
  const times: number[] = [];
  const started = performance.now();
  const end = started + (SECONDS * 1000) / 2;
  let n = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < end) {
        const t0 = performance.now();
        await call(n++);
        times.push(performance.now() - t0);
      }
    }),
  );
  return { times, elapsed: performance.now() - started };
}

async function main(): Promise<void> {
  const db = await createBenchDatabase('authz');
  const api = await startApi(db.url);
  const pool = new Pool({ connectionString: db.url, max: 10 });
  // Keep-alive sockets, at most 32: past that, calls queue in the client (and count in their latency).
  const agent = new Agent({ keepAlive: true, maxSockets: 32 });
  try {
    const laos = await generateLaos(db.url);
    const orm = await MikroORM.init(createOrmOptions(db.url, { preferTs: false }));
    await orm.em.fork().transactional((em) =>
      upsertLaos(
        em,
        laos.map((l) => ({ ...l, type: l.type as LaoType }) as LaoRecord),
      ),
    );
    await orm.close(true);
    for (const sql of SEED_SQL) await pool.query(sql);
    console.log(`Seeded ${laos.length} LAOs with 3 staff each (one revoked), services open`);

    const registered = await fetch(`${api.baseUrl}/api/integration-clients`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${api.token}` },
      body: JSON.stringify({ name: 'bench', scopes: ['authz:check'] }),
    });
    const client = (await registered.json()) as { clientId: string; clientSecret: string };
    const tokenRes = await fetch(`${api.baseUrl}/api/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: client.clientId,
        client_secret: client.clientSecret,
      }).toString(),
    });
    const { access_token: token } = (await tokenRes.json()) as { access_token: string };

    // A mix: allowed, revoked (NO_ACTIVE_GRANT), view-only service asked to process, unknown person.
    const checks: Check[] = laos.map((l, i) => ({
      username: i % 10 === 9 ? `nobody${i}` : `${l.code}user${(i % 3) + 1}`,
      laoCode: l.code,
      serviceKey: i % 4 === 3 ? 'building-permit' : 'waste-fee',
      action: i % 2 ? 'process' : 'view',
    }));
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
    let mismatches = 0;
    const url = new URL(`${api.baseUrl}/api/authz/check`);
    const post = (body: string): Promise<{ status: number; text: string }> =>
      new Promise((resolve, reject) => {
        const req = request(
          url,
          { method: 'POST', agent, headers: { ...headers, 'content-length': Buffer.byteLength(body) } },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () =>
              resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString() }),
            );
            res.on('error', reject);
          },
        );
        req.on('error', reject);
        req.end(body);
      });
    const httpCheck = async (i: number): Promise<void> => {
      const check = checks[i % checks.length];
      const body = JSON.stringify(check);
      // An idle keep-alive socket the server has just closed: retried once, as any HTTP client would.
      const res = await post(body).catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ECONNRESET') return post(body);
        throw error;
      });
      if (res.status !== 200) throw new Error(`check: ${res.status} ${res.text}`);
      const decision = JSON.parse(res.text) as { allowed: boolean };
      if (i < checks.length && decision.allowed !== expected.get(i % checks.length)) mismatches += 1;
    };
    const expected = new Map<number, boolean>();
    const sqlCheck = async (i: number): Promise<void> => {
      const c = checks[i % checks.length];
      const { rows } = await pool.query<{ allowed: boolean | null }>(DIRECT_SQL, [
        c.username,
        c.laoCode,
        c.serviceKey,
        c.action,
      ]);
      expected.set(i % checks.length, rows[0]?.allowed === true);
    };
    // Warm up both paths (and record the SQL answers to compare the API's against).
    for (let i = 0; i < checks.length; i += 1) await sqlCheck(i);
    const sqlFixed = summary(`Direct SQL at ${RATE}/s`, await fixedRate(sqlCheck), SECONDS * 1000);
    for (let i = 0; i < 200; i += 1) await httpCheck(i + checks.length);
    const httpFixed = summary(
      `HTTP POST /api/authz/check at ${RATE}/s`,
      await fixedRate(httpCheck),
      SECONDS * 1000,
    );
    const sqlMax = await closedLoop(sqlCheck);
    const sqlMaxS = summary(`Direct SQL, ${CONCURRENCY} callers back to back`, sqlMax.times, sqlMax.elapsed);
    const httpMax = await closedLoop(httpCheck);
    const httpMaxS = summary(
      `HTTP check, ${CONCURRENCY} callers back to back`,
      httpMax.times,
      httpMax.elapsed,
    );
    console.log(`Answers differing from the direct SQL: ${mismatches}`);
    console.log(
      `Ratio HTTP / SQL: p50 ${(httpFixed.p50 / sqlFixed.p50).toFixed(1)}x, p99 ${(httpFixed.p99 / sqlFixed.p99).toFixed(1)}x at ${RATE}/s; ` +
        `throughput ${(httpMaxS.rate / sqlMaxS.rate).toFixed(2)}x. Target: p99 < 5 ms at 500 checks/s ` +
        `(${httpFixed.p99 < 5 ? 'met' : 'NOT met'} here)`,
    );
  } finally {
    await pool.end();
    agent.destroy();
    await api.close();
    await db.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
