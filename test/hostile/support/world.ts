import { createHash, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { createCast } from '../../orders/support/cast';
import { ObjectStorage } from '../../../src/storage/object-storage';
import { createAccount } from '../../support/factories';
import { ApiClient } from '../../support/http';
import { BOOTSTRAP, type TestApp } from '../../support/test-app';

export const ROLES = [
  'anonymous',
  'dla_admin',
  'dla_helpdesk',
  'province_officer',
  'lao_admin',
  'lao_user',
] as const;
export type RoleName = (typeof ROLES)[number];

/** Values a path parameter of that name may take: real rows of the world, some of them out of reach. */
export interface Pools {
  code: string[];
  id: string[];
  serviceKey: string[];
}

export interface World {
  tokens: Record<RoleName, string | null>;
  pools: Pools;
  /** A cheap summary of every main table: row count and newest row version (xmin) per table. */
  fingerprint(): Promise<Record<string, string>>;
  close(): Promise<void>;
}

/**
 * Writes a 4xx may make on purpose, left out of the fingerprint: a refusal is audited (`access.denied`),
 * a wrong password is counted (`login_throttle`, `auth.login.failed`).
 */
const EXPECTED_ON_REFUSAL = `action not in ('access.denied', 'auth.login.failed')`;
const NOT_WATCHED = new Set(['login_throttle', 'mikro_orm_migrations']);

/**
 * One account signed in per role, in an LAO of Chaiyaphum (36) with a neighbour LAO and one in Khon Kaen
 * (40); draft and uploaded orders, grants and accounts to aim path parameters at. The role accounts' own
 * ids are kept out of the pools, so no generated request disables the callers themselves.
 */
export async function createWorld(t: TestApp): Promise<World> {
  const api = new ApiClient(t.baseUrl);
  const c = await createCast(t, api);
  const em = c.em;
  const login = async (role: 'dla_helpdesk' | 'lao_user', laoCode?: string): Promise<string> => {
    const account = await createAccount(em, {
      role,
      laoCode,
      grant: laoCode
        ? { state: 'active', services: [{ serviceKey: 'waste-fee', actions: ['view', 'process'] }] }
        : undefined,
    });
    return api.login(account.username, account.password);
  };
  const orders = [
    await c.order('draft', 'draft'),
    await c.order('uploaded', 'uploaded'),
    await c.order('verified', 'verified'),
    await c.order('uploaded', 'uploaded', c.farLao.code),
  ];
  const victims = [
    await c.draftGrant(),
    await c.draftGrant(c.otherLao.code),
    await c.draftGrant(c.farLao.code),
  ];
  const db = new Client({ connectionString: t.database.url });
  await db.connect();
  const documents = await storeSeededDocuments(t, db);
  const tables = (
    await db.query<{ name: string }>(
      `select table_name as name from information_schema.tables
        where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
    )
  ).rows
    .map((r) => r.name)
    .filter((name) => !NOT_WATCHED.has(name));
  const summary = tables
    .map((name) => {
      const where = name === 'audit_entry' ? ` where ${EXPECTED_ON_REFUSAL}` : '';
      return `select '${name}' as name, count(*)::text || '/' || coalesce(max(xmin::text::bigint), 0)::text as v
                from "${name}"${where}`;
    })
    .join(' union all ');
  return {
    tokens: {
      anonymous: null,
      dla_admin: await api.login(BOOTSTRAP.username, BOOTSTRAP.password),
      dla_helpdesk: await login('dla_helpdesk'),
      province_officer: c.officer.token,
      lao_admin: c.admin.token,
      lao_user: await login('lao_user', c.lao.code),
    },
    pools: {
      code: [c.lao.code, c.otherLao.code, c.farLao.code, '36', '9999999'],
      id: [
        ...orders.flatMap((o) => [o.orderId, ...o.grantIds]),
        ...victims.flatMap((v) => [v.id, v.grantId ?? randomUUID()]),
        ...documents.rows.map((d) => d.id),
        randomUUID(),
      ],
      serviceKey: ['waste-fee', 'building-permit', 'no-such-service'],
    },
    fingerprint: async () =>
      Object.fromEntries(
        (await db.query<{ name: string; v: string }>(summary)).rows.map((r) => [r.name, r.v]),
      ),
    close: () => db.end(),
  };
}

/**
 * The seeded documents name a hash and a key with nothing stored behind them, which the download rightly
 * answers with a 500 (DOCUMENT_INTEGRITY_ERROR: the store lost a file). Store a file for each, so the world
 * is one a running service could be in.
 */
async function storeSeededDocuments(t: TestApp, db: Client): Promise<{ rows: { id: string }[] }> {
  const storage = t.app.get(ObjectStorage);
  const { rows } = await db.query<{ id: string; storage_key: string }>(
    'select id, storage_key from order_document where storage_key is not null',
  );
  for (const row of rows) {
    const body = Buffer.from(`%PDF-1.4\n% fuzz world ${row.id}\n%%EOF\n`);
    const sha256 = createHash('sha256').update(body).digest('hex');
    await storage.put({
      bucket: t.config.storage.bucketDocuments,
      key: row.storage_key,
      body,
      size: body.length,
      sha256,
    });
    await db.query('update order_document set sha256 = $1, size = $2 where id = $3', [
      sha256,
      body.length,
      row.id,
    ]);
  }
  return { rows };
}
