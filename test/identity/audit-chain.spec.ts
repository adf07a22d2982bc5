import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ApiClient } from '../support/http';
import { BOOTSTRAP, createTestApp, type TestApp } from '../support/test-app';
import { sql } from './identity-helpers';

const run = promisify(execFile);
const VERIFY = join(__dirname, '../../dist/src/audit/cli/verify.js');

async function verify(dbUrl: string): Promise<{ code: number; out: string }> {
  try {
    const { stdout } = await run(process.execPath, [VERIFY], {
      env: { ...process.env, DATABASE_URL: dbUrl },
    });
    return { code: 0, out: stdout };
  } catch (error) {
    const e = error as { code: number; stdout: string };
    return { code: e.code, out: e.stdout };
  }
}

describe('audit log: hash chain and `npm run audit:verify`', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    const api = new ApiClient(t.baseUrl);
    await api.post('/api/auth/login', { username: 'ghost', password: 'Nope-nope-nope-1' });
    const token = await api.login(BOOTSTRAP.username, BOOTSTRAP.password);
    // Concurrent writers to the same chain must still form one unbroken chain.
    await Promise.all(
      Array.from({ length: 8 }, () =>
        api.post('/api/auth/login', { username: 'ghost', password: 'Nope-nope-nope-2' }),
      ),
    );
    await api.post(
      '/api/province-officers',
      { username: 'audit.officer', fullName: 'นายตรวจ สอบ', email: 'a@example.go.th', provinceCode: '36' },
      token,
    );
  });
  afterAll(() => t.close());

  it('verifies an untouched log', async () => {
    const result = await verify(t.database.url);
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/chain auth: ok \(1\d rows\)/);
    // The changes chain is split by subject (CHANGE_CHAINS): the officer's creation is in one of them.
    expect(result.out).toMatch(/chain changes\.\d+: ok/);
  });

  it.each([
    ['update', `update audit_entry set details = '{}' where chain = 'auth'`],
    ['delete', `delete from audit_entry where chain = 'auth'`],
    ['truncate', `truncate audit_entry`],
  ])('refuses to %s audit rows in the database itself', async (_op, statement) => {
    const before = await sql<{ n: string }>(t.database.url, 'select count(*) as n from audit_entry');
    await expect(sql(t.database.url, statement)).rejects.toThrow(/append-only/);
    const after = await sql<{ n: string }>(t.database.url, 'select count(*) as n from audit_entry');
    expect(after[0].n).toBe(before[0].n);
  });

  it('names the first row edited directly in the database', async () => {
    const [row] = await sql<{ id: string }>(
      t.database.url,
      `select id from audit_entry where chain = 'auth' order by seq offset 3 limit 1`,
    );
    // Only a superuser with triggers off gets past the append-only trigger; the chain still tells.
    await sql(
      t.database.url,
      `begin; set local session_replication_role = replica;
       update audit_entry set details = '{"reason":"edited"}' where id = '${row.id}'; commit;`,
    );
    const result = await verify(t.database.url);
    expect(result.code).toBe(1);
    expect(result.out).toContain(`chain auth: BROKEN at row id=${row.id}`);
  });
});
