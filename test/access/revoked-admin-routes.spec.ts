import { createAccount, emOf } from '../support/factories';
import { ApiClient } from '../support/http';
import { createTestApp, type TestApp } from '../support/test-app';
import { createLao } from '../support/workflow-factories';
import { seedOrder } from '../workflow/support/workflow-harness';
import { routeTable, type RouteRow } from './route-table';

/** What everyone signed in may read: the province list, the service catalogue. */
const OPEN_SUBJECTS = new Set(['Province', 'CitizenService']);

/**
 * Issue 9 item 5, over HTTP: an LAO admin whose grant was revoked keeps signing in and reading its
 * own profile and notifications, and nothing else, on every route of the app (a new route is in
 * the matrix by construction). The same requests by the admin in office prove they reach handlers.
 */
describe('revoked LAO admin × every route', () => {
  let t: TestApp;
  let api: ApiClient;
  let routes: RouteRow[];
  const ids: Record<string, string> = {};
  let laoCode: string;
  let revokedToken: string;
  let activeToken: string;

  beforeAll(async () => {
    t = await createTestApp();
    api = new ApiClient(t.baseUrl);
    const em = emOf(t);
    const lao = await createLao(em, { provinceCode: '36' });
    laoCode = lao.code;
    const officer = await createAccount(em, { role: 'province_officer', provinceCode: '36' });
    const revoked = await createAccount(em, { role: 'lao_admin', laoCode });
    const active = await createAccount(em, { role: 'lao_admin', laoCode });
    const staff = await createAccount(em, { role: 'lao_user', laoCode });
    const order = await seedOrder(em, {
      laoCode,
      provinceCode: '36',
      createdById: active.id,
      holderIds: [staff.id],
      state: 'uploaded',
      grantState: 'uploaded',
    });
    Object.assign(ids, {
      order: order.orderId,
      grant: order.grantIds[0],
      account: staff.id,
      division: lao.divisionIds[0],
    });
    const res = await api.post(
      `/api/grants/${revoked.grantId}/revoke`,
      { reason: 'ย้ายไปปฏิบัติราชการที่อื่น', version: 1 },
      await api.login(officer.username, officer.password),
    );
    expect(res.status).toBe(200);
    revokedToken = await api.login(revoked.username, revoked.password);
    activeToken = await api.login(active.username, active.password);
    routes = routeTable(t.app).filter(
      (r) => typeof r.access === 'object' && !OPEN_SUBJECTS.has(r.access.subject) && !r.path.includes('{'),
    );
  });
  afterAll(() => t.close());

  function urlOf(route: RouteRow): string {
    const idFor = route.path.startsWith('/grants')
      ? ids.grant
      : route.path.startsWith('/accounts')
        ? ids.account
        : route.path.startsWith('/documents')
          ? ids.order
          : ids.order;
    return `/api${route.path
      .replace(':code', laoCode)
      .replace(':id', idFor)
      .replace(':serviceKey', 'waste-fee')}`;
  }

  const call = (route: RouteRow, token: string) =>
    api.request<{ items?: unknown[]; code?: string }>(route.method, urlOf(route), {
      token,
      ...(route.method === 'GET' ? {} : { body: {} }),
    });

  it('refuses every guarded route (403/404) or answers an empty list', async () => {
    const outcomes: string[] = [];
    for (const route of routes) {
      const res = await call(route, revokedToken);
      const emptyList = res.status === 200 && Array.isArray(res.body.items) && res.body.items.length === 0;
      if (!(res.status === 403 || res.status === 404 || emptyList)) {
        outcomes.push(`${route.method} ${route.path} → ${res.status} ${res.body.code ?? ''}`);
      }
    }
    expect(outcomes).toEqual([]);
    expect(routes.length).toBeGreaterThan(30);
  });

  it('still lets it sign in and read its own profile and notifications', async () => {
    const me = await api.get<{ grantState: string | null }>('/api/me', revokedToken);
    expect(me.status).toBe(200);
    expect(me.body.grantState).toBeNull();
    expect((await api.get('/api/notifications', revokedToken)).status).toBe(200);
  });

  it('reaches the handlers with the admin in office (the matrix can fail)', async () => {
    const reached = [];
    for (const route of routes.filter((r) => r.method === 'GET')) {
      const res = await call(route, activeToken);
      if (res.status === 200 && !(Array.isArray(res.body.items) && res.body.items.length === 0))
        reached.push(route.path);
    }
    expect(reached).toEqual(expect.arrayContaining(['/laos/:code/accounts', '/orders/:id', '/laos/:code']));
  });
});
