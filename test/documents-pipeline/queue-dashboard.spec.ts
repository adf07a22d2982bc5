import { dashboardCookie } from '../../src/access/dashboard-cookie';
import { dashboardCookieSecure } from '../../src/documents/pipeline/queue-dashboard';
import { createAccount, emOf } from '../support/factories';
import { ApiClient } from '../support/http';
import { BOOTSTRAP, createTestApp, type TestApp } from '../support/test-app';

/** bull-board at /api/queues behind the normal AccessGuard: `manage QueueDashboard`, i.e. dla_admin only. */
describe('queue dashboard (bull-board)', () => {
  let t: TestApp;
  let api: ApiClient;
  let root: string;
  let officer: string;
  beforeAll(async () => {
    t = await createTestApp();
    api = new ApiClient(t.baseUrl);
    root = await api.login(BOOTSTRAP.username, BOOTSTRAP.password);
    const o = await createAccount(emOf(t), { role: 'province_officer', provinceCode: '36' });
    officer = await api.login(o.username, o.password);
  });
  afterAll(() => t?.close());

  it('serves the board and its JSON API to the dla_admin', async () => {
    const page = await api.get('/api/queues', root);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(String(page.body)).toContain('<base href="/api/queues/" />');
    const script = /static\/js\/main\.[0-9a-f]+\.js/.exec(String(page.body))?.[0];
    expect((await api.get(`/api/queues/${script}`, root)).status).toBe(200);
    const queues = await api.get<{ queues: { name: string }[] }>('/api/queues/api/queues', root);
    expect(queues.status).toBe(200);
    expect(queues.body.queues.map((q) => q.name).sort()).toEqual([
      'documents',
      'mail',
      'maintenance',
      'workflow',
    ]);
  });

  it('refuses everyone else: 401 without a token, 403 for an officer', async () => {
    expect((await api.get('/api/queues')).status).toBe(401);
    expect((await api.get('/api/queues/api/queues')).status).toBe(401);
    const denied = await api.get('/api/queues/api/queues', officer);
    expect(denied.status).toBe(403);
    expect(denied.body).toMatchObject({ code: 'FORBIDDEN' });
    expect(
      (await api.request('PUT', '/api/queues/api/queues/documents/retry/failed', { token: officer })).status,
    ).toBe(403);
  });

  it('opens in a tab of its own: a dashboard cookie from the bearer token, valid only for the board', async () => {
    const session = await api.post('/api/queue-dashboard/session', {}, root);
    expect(session.status).toBe(204);
    const cookie = session.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(
      /^dla_queues=[A-Za-z0-9._-]+; Path=\/api\/queues; Max-Age=\d+; HttpOnly; SameSite=Strict$/,
    );
    const pair = cookie.split(';')[0];
    // A token of its own, never the API bearer token: its own audience, 15 minutes at most.
    const value = pair.slice('dla_queues='.length);
    expect(value).not.toBe(root);
    const claims = JSON.parse(Buffer.from(value.split('.')[1], 'base64url').toString('utf8')) as {
      aud: string;
      iat: number;
      exp: number;
    };
    expect(claims.aud).toBe('digital-dla-api/queues');
    expect(claims.exp - claims.iat).toBeLessThanOrEqual(15 * 60);
    expect(Number(/Max-Age=(\d+)/.exec(cookie)?.[1])).toBeLessThanOrEqual(15 * 60);
    expect((await api.get('/api/me', value)).status).toBe(401);
    expect((await api.get('/api/queues', value)).status).toBe(401);
    // An API token put into the cookie (what the board cookie used to hold) opens nothing either.
    expect(
      (await api.request('GET', '/api/queues', { headers: { cookie: `dla_queues=${root}` } })).status,
    ).toBe(401);
    const board = await api.request('GET', '/api/queues', { headers: { cookie: pair } });
    expect(board.status).toBe(200);
    expect(String(board.body)).toContain('<base href="/api/queues/" />');
    // The cookie is no credential anywhere else, not even for API routes reached through the board's prefix.
    expect((await api.request('GET', '/api/me', { headers: { cookie: pair } })).status).toBe(401);
    const through = await api.request('GET', '/api/queues/api/notifications', { headers: { cookie: pair } });
    expect(through.status).toBe(404);
    expect(through.body).toMatchObject({ code: 'NOT_FOUND' });
    // Signing out tells the browser to drop it.
    const logout = await api.post('/api/auth/logout', { refreshToken: 'x'.repeat(43) });
    expect(logout.headers.get('set-cookie')).toBe(
      'dla_queues=; Path=/api/queues; Max-Age=0; HttpOnly; SameSite=Strict',
    );
    // An officer may not open a session; a forged cookie is refused.
    expect((await api.post('/api/queue-dashboard/session', {}, officer)).status).toBe(403);
    const forged = await api.request('GET', '/api/queues', { headers: { cookie: 'dla_queues=not.a.token' } });
    expect(forged.status).toBe(401);
  });
});

describe('dashboard cookie attributes', () => {
  it('is Secure in production and behind https, HttpOnly and SameSite=Strict always', () => {
    const http = 'http://localhost:3000';
    expect(dashboardCookieSecure({ nodeEnv: 'production', publicBaseUrl: http })).toBe(true);
    expect(dashboardCookieSecure({ nodeEnv: 'development', publicBaseUrl: 'https://dla.example' })).toBe(
      true,
    );
    expect(dashboardCookieSecure({ nodeEnv: 'development', publicBaseUrl: http })).toBe(false);
    expect(dashboardCookie('a.b.c', 900, true)).toBe(
      'dla_queues=a.b.c; Path=/api/queues; Max-Age=900; HttpOnly; SameSite=Strict; Secure',
    );
  });
});
