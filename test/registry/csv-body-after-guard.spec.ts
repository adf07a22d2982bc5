import { request } from 'node:http';
import { ApiClient } from '../support/http';
import { BOOTSTRAP, createTestApp, type TestApp } from '../support/test-app';
import { HEADER, importCsv } from './registry-fixtures';

interface Early {
  status: number | null;
  body: Record<string, unknown> | null;
  ms: number;
}

/**
 * POSTs a `text/csv` request that declares 20 MB but sends only its first KB, then waits: a server that
 * buffers the body before answering never answers; one that does not read it answers at once.
 */
function partialCsv(url: string, headers: Record<string, string> = {}, waitMs = 3_000): Promise<Early> {
  return new Promise((resolve) => {
    const started = Date.now();
    let settled = false;
    const done = (result: Omit<Early, 'ms'>): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.destroy();
      resolve({ ...result, ms: Date.now() - started });
    };
    const req = request(url, {
      method: 'POST',
      agent: false,
      headers: { 'content-type': 'text/csv', 'content-length': String(20 * 1024 * 1024 - 1), ...headers },
    });
    req.on('response', (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () =>
        done({ status: res.statusCode ?? null, body: JSON.parse(text) as Record<string, unknown> }),
      );
    });
    req.on('error', () => done({ status: null, body: null }));
    const timer = setTimeout(() => done({ status: null, body: null }), waitMs);
    req.write(`${HEADER}\n${'x'.repeat(1024)}`);
  });
}

/** The 20 MB text/csv parser runs on the import route only, after the access guard. */
describe('text/csv bodies are read only for a signed-in import', () => {
  let t: TestApp;
  let api: ApiClient;
  let admin: string;
  beforeAll(async () => {
    t = await createTestApp();
    api = new ApiClient(t.baseUrl);
    admin = await api.login(BOOTSTRAP.username, BOOTSTRAP.password);
  });
  afterAll(() => t?.close());

  it('answers an anonymous text/csv POST to the login at once, without waiting for its 20 MB', async () => {
    const res = await partialCsv(`${t.baseUrl}/api/auth/login`);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(res.ms).toBeLessThan(2_000);
  });

  it('answers an anonymous import 401 at once, and a forged token too', async () => {
    const anonymous = await partialCsv(`${t.baseUrl}/api/laos/import`);
    expect(anonymous).toMatchObject({ status: 401, body: { code: 'UNAUTHENTICATED' } });
    const forged = await partialCsv(`${t.baseUrl}/api/laos/import`, { authorization: 'Bearer a.b.c' });
    expect(forged.status).toBe(401);
  });

  it('still imports for the dla_admin, and an over-limit CSV is a 413 with its code', async () => {
    const ok = await importCsv(api, admin, `${HEADER}\n6369901,องค์การบริหารส่วนตำบลทดสอบ,sao,เมือง,36\n`);
    expect(ok.status).toBe(200);
    const big = await importCsv(api, admin, `${HEADER}\n${'x'.repeat(20 * 1024 * 1024)}`);
    expect(big.status).toBe(413);
    expect(big.body).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
  });

  it('hashes the CSV into the idempotency key: the same key with another CSV is a conflict', async () => {
    const key = { 'idempotency-key': 'csv-import-key-0001', 'content-type': 'text/csv' };
    const first = `${HEADER}\n6369902,องค์การบริหารส่วนตำบลหนึ่ง,sao,เมือง,36\n`;
    const other = `${HEADER}\n6369903,องค์การบริหารส่วนตำบลสอง,sao,เมือง,36\n`;
    const a = await api.request('POST', '/api/laos/import', { token: admin, raw: first, headers: key });
    expect(a.status).toBe(200);
    const again = await api.request('POST', '/api/laos/import', { token: admin, raw: first, headers: key });
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    const b = await api.request('POST', '/api/laos/import', { token: admin, raw: other, headers: key });
    expect(b.status).toBe(409);
    expect(b.body).toMatchObject({ code: 'IDEMPOTENCY_CONFLICT' });
  });
});
