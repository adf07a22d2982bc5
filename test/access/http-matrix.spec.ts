import { createAccount, emOf } from '../support/factories';
import { ApiClient } from '../support/http';
import { createTestApp, type TestApp } from '../support/test-app';
import { createLao, enableServicesInDb } from '../support/workflow-factories';
import { seedOrder } from '../workflow/support/workflow-harness';
import { routeTable, type RouteRow } from './route-table';

type Role = 'dla' | 'helpdesk' | 'officer' | 'admin' | 'user';
type Scope = 'own' | 'otherLao' | 'otherProvince';
/**
 * all / province / own: allowed in those scopes, refused (403/404) elsewhere. type: the guard lets
 * the role through and the empty body is refused before the instance check (covered cell by cell by
 * the ability matrix). Roles not named are refused everywhere.
 */
type Cell = 'all' | 'province' | 'own' | 'type';
const ROLES: Role[] = ['dla', 'helpdesk', 'officer', 'admin', 'user'];
const SCOPES: Scope[] = ['own', 'otherLao', 'otherProvince'];
const ALLOWED_SCOPES: Record<Exclude<Cell, 'type'>, Scope[]> = {
  all: SCOPES,
  province: ['own', 'otherLao'],
  own: ['own'],
};
const EVERYONE: Partial<Record<Role, Cell>> = {
  dla: 'all',
  helpdesk: 'all',
  officer: 'all',
  admin: 'all',
  user: 'all',
};

/** Every guarded route: who may call it, in which scope. A route missing here fails the test. */
const EXPECTED: Record<string, Partial<Record<Role, Cell>>> = {
  'GET /accounts/:id': { dla: 'all', helpdesk: 'all', officer: 'province', admin: 'own' },
  'GET /dashboard/readiness': { dla: 'all', officer: 'all' },
  'GET /dashboard/readiness.csv': { dla: 'all', officer: 'all' },
  'GET /dla-accounts': EVERYONE,
  'GET /documents/integrity-report': { dla: 'all' },
  'GET /documents/stuck': { dla: 'all' },
  'GET /integration-clients': { dla: 'all' },
  'GET /events': {},
  'GET /grants/:id': { dla: 'all', helpdesk: 'all', officer: 'province', admin: 'own' },
  'GET /laos': EVERYONE,
  'GET /laos/:code': { dla: 'all', helpdesk: 'all', officer: 'province', admin: 'own', user: 'own' },
  'GET /laos/:code/accounts': { dla: 'all', helpdesk: 'all', officer: 'province', admin: 'own', user: 'own' },
  'GET /laos/:code/divisions': { dla: 'all', helpdesk: 'all', officer: 'province', admin: 'own' },
  'GET /laos/:code/orders': { dla: 'all', officer: 'province', admin: 'own' },
  'GET /laos/:code/services': { dla: 'all', helpdesk: 'all', officer: 'province', admin: 'own', user: 'own' },
  'GET /orders/:id': { dla: 'all', officer: 'province', admin: 'own' },
  'GET /orders/:id/document': { dla: 'all', officer: 'province', admin: 'own' },
  'GET /orders/:id/history': { dla: 'all', officer: 'province', admin: 'own' },
  'GET /province-officers': EVERYONE,
  'GET /provinces': EVERYONE,
  'GET /review-queue': { dla: 'all', officer: 'all' },
  'GET /services': EVERYONE,
  'PATCH /accounts/:id': { admin: 'own' },
  'PATCH /laos/:code': { dla: 'all', admin: 'own' },
  'PATCH /orders/:id': { admin: 'type' },
  'POST /accounts/:id/disable': { admin: 'own' },
  'POST /accounts/:id/enable': { admin: 'own' },
  'POST /accounts/:id/grants': { admin: 'type' },
  'POST /accounts/:id/password-reset': { dla: 'all', helpdesk: 'all', admin: 'own' },
  // Decisions answer integration clients only: every person's token is refused (issue 14).
  'POST /authz/check': {},
  'POST /authz/check-batch': {},
  'POST /dla-accounts': { dla: 'type', officer: 'type', admin: 'type' },
  'POST /documents/:id/retry': { dla: 'all' },
  'POST /grants/:id/revoke': { officer: 'type', admin: 'type' },
  'POST /integration-clients': { dla: 'type' },
  'POST /integration-clients/:id/revoke': { dla: 'all' },
  'POST /integration-clients/:id/rotate': { dla: 'all' },
  'POST /laos/:code/accounts': { dla: 'type', officer: 'type', admin: 'type' },
  'POST /laos/:code/admins': { dla: 'type', officer: 'type', admin: 'type' },
  'POST /laos/:code/orders': { admin: 'type' },
  'POST /laos/import': { dla: 'type' },
  'POST /orders/:id/return': { officer: 'type' },
  'POST /orders/:id/revoke': { officer: 'type', admin: 'type' },
  'POST /orders/:id/verify': { officer: 'type' },
  'POST /orders/:id/withdraw': { admin: 'type' },
  'POST /province-officers': { dla: 'type', officer: 'type', admin: 'type' },
  'POST /queue-dashboard/session': { dla: 'all' },
  'POST /review-queue/verify': { officer: 'type' },
  'PUT /laos/:code/divisions': { admin: 'type' },
  'PUT /laos/:code/services/:serviceKey': { admin: 'type' },
  'PUT /orders/:id/document': { admin: 'type' },
};

interface Place {
  code: string;
  orderId: string;
  grantId: string;
  staffId: string;
  documentId: string;
}

/**
 * Issue 10: every route × role × scope over HTTP, generated from the controllers' route table. Scopes
 * are places relative to the caller: its own LAO (officers: an LAO of its province), another LAO of
 * the same province, an LAO of another province.
 */
describe('HTTP matrix: route × role × scope', () => {
  let t: TestApp;
  let api: ApiClient;
  let routes: RouteRow[];
  const places = {} as Record<Scope, Place>;
  const tokens = {} as Record<Role, string>;
  let integrationClientId = '';

  beforeAll(async () => {
    t = await createTestApp();
    api = new ApiClient(t.baseUrl);
    const em = emOf(t);
    const lao = async (provinceCode: string): Promise<Place> => {
      const created = await createLao(em, { provinceCode });
      await enableServicesInDb(em, created.code, ['waste-fee']);
      const author = await createAccount(em, { role: 'lao_admin', laoCode: created.code, grant: null });
      const staff = await createAccount(em, { role: 'lao_user', laoCode: created.code, grant: null });
      const order = await seedOrder(em, {
        laoCode: created.code,
        provinceCode,
        createdById: author.id,
        holderIds: [staff.id],
        state: 'uploaded',
        grantState: 'uploaded',
      });
      const [doc] = await em
        .fork()
        .getConnection()
        .execute<{ id: string }[]>('select id from order_document where order_id = ?', [order.orderId]);
      return {
        code: created.code,
        orderId: order.orderId,
        grantId: order.grantIds[0],
        staffId: staff.id,
        documentId: doc.id,
      };
    };
    places.own = await lao('36');
    places.otherLao = await lao('36');
    places.otherProvince = await lao('40');
    const signIn = async (spec: Parameters<typeof createAccount>[1]) => {
      const account = await createAccount(em, spec);
      return api.login(account.username, account.password);
    };
    tokens.dla = await signIn({ role: 'dla_admin' });
    tokens.helpdesk = await signIn({ role: 'dla_helpdesk' });
    tokens.officer = await signIn({ role: 'province_officer', provinceCode: '36' });
    tokens.admin = await signIn({ role: 'lao_admin', laoCode: places.own.code });
    tokens.user = await signIn({
      role: 'lao_user',
      laoCode: places.own.code,
      grant: { state: 'active', services: [{ serviceKey: 'waste-fee', actions: ['view', 'process'] }] },
    });
    const [client] = await em
      .fork()
      .getConnection()
      .execute<{ id: string }[]>(
        `insert into integration_client (id, client_id, name, scopes, secret_hash, created_by_id)
         values (gen_random_uuid(), 'dla-matrix', 'matrix', '["authz:check"]', repeat('0', 64), gen_random_uuid())
         returning id`,
      );
    integrationClientId = client.id;
    routes = routeTable(t.app).filter(
      (r) => typeof r.access === 'object' && !r.path.includes('{') && r.path !== '/notifications/:id/read',
    );
  });
  afterAll(() => t.close());

  function urlOf(route: RouteRow, place: Place): string {
    const id = route.path.startsWith('/integration-clients')
      ? integrationClientId
      : route.path.startsWith('/grants')
        ? place.grantId
        : route.path.startsWith('/accounts')
          ? place.staffId
          : route.path.startsWith('/documents')
            ? place.documentId
            : place.orderId;
    return `/api${route.path.replace(':code', place.code).replace(':id', id).replace(':serviceKey', 'waste-fee')}`;
  }

  it('has a row for every guarded route (a new route must say who may call it)', () => {
    const keys = routes.map((r) => `${r.method} ${r.path}`).sort();
    expect(keys).toEqual(Object.keys(EXPECTED).sort());
  });

  it('answers each cell as expected: allowed (2xx or a non-permission 4xx), refused (403/404), never a 5xx', async () => {
    const wrong: string[] = [];
    for (const route of routes) {
      const key = `${route.method} ${route.path}`;
      const scoped = route.path.includes(':');
      for (const role of ROLES) {
        const cell = EXPECTED[key]?.[role];
        for (const scope of scoped ? SCOPES : (['own'] as Scope[])) {
          if (cell === 'type' && scope !== 'own') continue;
          const allowed = cell === 'type' || (cell !== undefined && ALLOWED_SCOPES[cell].includes(scope));
          const res = await api.request<{ code?: string }>(route.method, urlOf(route, places[scope]), {
            token: tokens[role],
            ...(route.method === 'GET' ? {} : { body: {} }),
          });
          const refused = res.status === 403 || res.status === 404;
          // Seeded documents have no stored bytes: reaching the integrity check means the caller was let in.
          if (allowed && res.body.code === 'DOCUMENT_INTEGRITY_ERROR' && key === 'GET /orders/:id/document')
            continue;
          const ok = res.status < 500 && res.status !== 401 && (allowed ? !refused : refused);
          if (!ok)
            wrong.push(
              `${key} as ${role} (${scope}): expected ${allowed ? 'allowed' : 'refused'}, got ${res.status} ${res.body.code ?? ''}`,
            );
        }
      }
    }
    expect(wrong).toEqual([]);
    // ~1,000 calls: over a minute on the shared 2-core machine.
  }, 240_000);

  it('refuses every guarded route without a token (401)', async () => {
    const statuses = new Set<number>();
    for (const route of routes) {
      const res = await api.request(
        route.method,
        urlOf(route, places.own),
        route.method === 'GET' ? {} : { body: {} },
      );
      statuses.add(res.status);
    }
    expect([...statuses]).toEqual([401]);
  });
});
