import { EntityManager } from '@mikro-orm/postgresql';
import { BootstrapAdmin } from '../../src/accounts/bootstrap-admin';
import { ApiClient } from '../support/http';
import { BOOTSTRAP, createTestApp, type TestApp } from '../support/test-app';

describe('API basics: errors, auth, OpenAPI, request ids', () => {
  let t: TestApp;
  let api: ApiClient;

  beforeAll(async () => {
    t = await createTestApp();
    api = new ApiClient(t.baseUrl);
  });
  afterAll(() => t.close());

  it('serves liveness without sign-in', async () => {
    const res = await api.get('/health/live');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  it('answers 401 in Thai with a stable code, English on request', async () => {
    const th = await api.get('/api/me');
    expect(th.status).toBe(401);
    expect(th.body).toMatchObject({ statusCode: 401, code: 'UNAUTHENTICATED', message: 'กรุณาเข้าสู่ระบบ' });
    const en = await api.request('GET', '/api/me', { headers: { 'accept-language': 'en-US,en;q=0.9' } });
    expect(en.body).toMatchObject({ code: 'UNAUTHENTICATED', message: 'Authentication is required' });
  });

  it('names the invalid field and refuses unknown fields', async () => {
    const res = await api.post('/api/auth/login', { username: 'x', password: 'y', role: 'dla_admin' });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(String(res.body.message)).toContain('role');
    expect(res.body.details).toMatchObject({
      fields: [{ field: 'role', constraints: ['whitelistValidation'] }],
    });
  });

  it('answers malformed JSON with MALFORMED_JSON', async () => {
    const res = await api.request('POST', '/api/auth/login', {
      raw: '{"username": ',
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('MALFORMED_JSON');
  });

  it('creates the bootstrap admin from the environment, who can sign in and see its rules', async () => {
    const token = await api.login(BOOTSTRAP.username, BOOTSTRAP.password);
    const me = await api.get<{ role: string; rules: unknown[] }>('/api/me', token);
    expect(me.status).toBe(200);
    expect(me.body.role).toBe('dla_admin');
    expect(Array.isArray(me.body.rules)).toBe(true);
    // Every start runs it (API and workers, several at once in production): still one account.
    const bootstrap = t.app.get(BootstrapAdmin);
    await Promise.all([bootstrap.onApplicationBootstrap(), bootstrap.onApplicationBootstrap()]);
    const rows = await t.app
      .get(EntityManager)
      .fork()
      .getConnection()
      .execute<{ n: string }[]>(`select count(*) as n from account where role = 'dla_admin'`);
    expect(Number(rows[0].n)).toBe(1);
  });

  it('echoes a request id and serves the OpenAPI document', async () => {
    const me = await api.request('GET', '/api/me', { headers: { 'x-request-id': 'req-123' } });
    expect(me.headers.get('x-request-id')).toBe('req-123');
    const generated = await api.get('/api/me');
    expect(generated.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const res = await api.get('/api/docs-json');
    expect(res.status).toBe(200);
    const doc = res.body as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/auth/login', '/api/me']));
  });

  it('sends a strict Content-Security-Policy that still works over plain http', async () => {
    const res = await api.get('/health/live');
    const csp = res.headers.get('content-security-policy') ?? '';
    const directives = new Map(
      csp.split(';').map((d) => {
        const [name, ...values] = d.trim().split(/\s+/);
        return [name, values.join(' ')] as const;
      }),
    );
    expect(directives.get('script-src')).toBe("'self'");
    expect(directives.get('object-src')).toBe("'none'");
    expect(directives.get('frame-ancestors')).toBe("'none'");
    // An intranet console on http://host:3000 would have every asset rewritten to https and fail.
    expect(directives.has('upgrade-insecure-requests')).toBe(false);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
