import { Client } from 'pg';
import type { ApiClient } from '../support/http';
import { openQueuedLinkToken } from '../support/mail-secrets';

/** Inserts an LAO with raw SQL (registry import is tested elsewhere; here we only need rows). */
export async function insertLao(
  dbUrl: string,
  code: string,
  provinceCode: string,
  nameTh = `อบต.ทดสอบ${code}`,
): Promise<void> {
  const db = new Client({ connectionString: dbUrl });
  await db.connect();
  try {
    await db.query(
      `insert into lao (code, name_th, type, district_th, province_code) values ($1, $2, 'sao', 'เมือง', $3)
       on conflict do nothing`,
      [code, nameTh, provinceCode],
    );
  } finally {
    await db.end();
  }
}

/** The newest set-password link mailed to an address, read from the queued mail row. */
export async function latestLinkTokenFor(dbUrl: string, email: string): Promise<string> {
  const db = new Client({ connectionString: dbUrl });
  await db.connect();
  try {
    const { rows } = await db.query<{ text: string; sealed_secret: string | null }>(
      'select text, sealed_secret from mail_message where "to" = $1 order by created_at desc limit 1',
      [email.toLowerCase()],
    );
    if (!rows[0]) throw new Error(`no set-password link mailed to ${email}`);
    return openQueuedLinkToken(dbUrl, rows[0]);
  } finally {
    await db.end();
  }
}

export async function sql<T extends Record<string, unknown>>(
  dbUrl: string,
  text: string,
  params: unknown[] = [],
): Promise<T[]> {
  const db = new Client({ connectionString: dbUrl });
  await db.connect();
  try {
    return (await db.query<T>(text, params)).rows;
  } finally {
    await db.end();
  }
}

let counter = 0;
/** Creates a province officer through the API and activates it through its e-mailed link. */
export async function officerFor(api: ApiClient, dbUrl: string, adminToken: string, provinceCode: string) {
  counter++;
  const username = `officer${provinceCode}x${counter}`;
  const email = `${username}@example.go.th`;
  const password = `Officer-Pass-${provinceCode}-${counter}`;
  const created = await api.post<{ id: string }>(
    '/api/province-officers',
    { username, fullName: 'นางสาวสุดา ตรวจดี', email, provinceCode },
    adminToken,
  );
  if (created.status !== 201) throw new Error(`officer: ${created.status} ${JSON.stringify(created.body)}`);
  const token = await latestLinkTokenFor(dbUrl, email);
  const set = await api.post('/api/auth/set-password', { token, newPassword: password });
  if (set.status !== 204) throw new Error(`set-password: ${set.status} ${JSON.stringify(set.body)}`);
  return { id: created.body.id, username, password, email, token: await api.login(username, password) };
}

/** Creates a LAO admin through the officer and activates the account via its link. */
export async function laoAdminFor(api: ApiClient, dbUrl: string, officerToken: string, laoCode: string) {
  counter++;
  const email = `admin${laoCode}x${counter}@example.go.th`;
  const created = await api.post<{ id: string; username: string; grant: { id: string; state: string } }>(
    `/api/laos/${laoCode}/admins`,
    { title: 'นาย', firstName: 'สมชาย', lastName: `ใจดี${counter}`, position: 'ปลัด อบต.', email },
    officerToken,
  );
  if (created.status !== 201) throw new Error(`lao admin: ${created.status} ${JSON.stringify(created.body)}`);
  const password = `Lao-Admin-Pass-${counter}-2569`;
  const link = await latestLinkTokenFor(dbUrl, email);
  await api.post('/api/auth/set-password', { token: link, newPassword: password });
  return { ...created.body, email, password, token: await api.login(created.body.username, password) };
}
