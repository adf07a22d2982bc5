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
});
