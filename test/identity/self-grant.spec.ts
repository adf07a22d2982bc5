import { createAccount, emOf, type CreatedAccount } from '../support/factories';
import { ApiClient, type ApiResponse } from '../support/http';
import { createTestApp, type TestApp } from '../support/test-app';
import { createLao, enableServicesInDb } from '../support/workflow-factories';
import { sql } from './identity-helpers';

/** Everything a self-grant could change: the user's account, every grant, service and order of the LAO. */
async function snapshot(dbUrl: string, laoCode: string) {
  return {
    accounts: await sql(
      dbUrl,
      `select id, role, status, division_id, first_name, token_version, password_hash, updated_at from account
        where lao_code = $1 order by id`,
      [laoCode],
    ),
    grants: await sql(
      dbUrl,
      'select id, role, state, version, services, updated_at from account_grant where lao_code = $1 order by id',
      [laoCode],
    ),
    services: await sql(
      dbUrl,
      'select service_key, enabled, open from lao_service where lao_code = $1 order by service_key',
      [laoCode],
    ),
    orders: await sql(dbUrl, 'select count(*)::int as n from appointment_order'),
  };
}

describe('a lao_user cannot grant itself anything', () => {
  let t: TestApp;
  let api: ApiClient;
  let lao: { code: string; divisionIds: string[] };
  let user: CreatedAccount;
  let token: string;

  beforeAll(async () => {
    t = await createTestApp();
    api = new ApiClient(t.baseUrl);
    lao = await createLao(emOf(t), { provinceCode: '36' });
    await enableServicesInDb(emOf(t), lao.code, ['waste-fee', 'building-permit']);
    user = await createAccount(emOf(t), {
      role: 'lao_user',
      laoCode: lao.code,
      grant: { state: 'active', services: [{ serviceKey: 'waste-fee', actions: ['view'] }] },
    });
    token = await api.login(user.username, user.password);
  });
  afterAll(() => t.close());

  const attempts: [string, () => Promise<ApiResponse>][] = [
    [
      'create a staff account with wider services',
      () =>
        api.post(
          `/api/laos/${lao.code}/accounts`,
          {
            title: 'นาย',
            firstName: 'ตัวเอง',
            lastName: 'สอง',
            position: 'เจ้าหน้าที่',
            email: 'self2@example.go.th',
            divisionId: lao.divisionIds[0],
            services: [{ serviceKey: 'building-permit', actions: ['view', 'process'] }],
          },
          token,
        ),
    ],
    [
      'edit its own account (division and name)',
      () =>
        api.patch(`/api/accounts/${user.id}`, { firstName: 'แก้เอง', divisionId: lao.divisionIds[1] }, token),
    ],
    [
      'open a service of its LAO',
      () => api.put(`/api/laos/${lao.code}/services/building-permit`, { enabled: true, open: true }, token),
    ],
    [
      'revoke its own grant',
      () => api.post(`/api/grants/${user.grantId}/revoke`, { reason: 'ลาออกเอง' }, token),
    ],
    [
      'put its own grant on an appointment order',
      () =>
        api.post(
          `/api/laos/${lao.code}/orders`,
          {
            orderNo: 1,
            orderYear: 2569,
            subject: 'แต่งตั้งตนเอง',
            signedDate: '2026-01-15',
            effectiveDate: '2026-01-15',
            grantIds: [user.grantId],
          },
          token,
        ),
    ],
    [
      'reset its own password by the admin route',
      () =>
        api.post(
          `/api/accounts/${user.id}/password-reset`,
          { temporaryPassword: 'Self-Set-Pass-2569' },
          token,
        ),
    ],
  ];

  it.each(attempts)(
    'is refused when it tries to %s, changes nothing, and the denial is audited',
    async (_, attempt) => {
      const before = await snapshot(t.database.url, lao.code);
      const denialsBefore = await sql<{ n: number }>(
        t.database.url,
        `select count(*)::int as n from audit_entry where action = 'access.denied' and actor_id = $1`,
        [user.id],
      );

      const res = await attempt();

      expect(res.status).toBe(403);
      expect(res.body.code).toBe('FORBIDDEN');
      expect(await snapshot(t.database.url, lao.code)).toEqual(before);
      const denialsAfter = await sql<{ n: number }>(
        t.database.url,
        `select count(*)::int as n from audit_entry where action = 'access.denied' and actor_id = $1`,
        [user.id],
      );
      expect(denialsAfter[0].n).toBe(denialsBefore[0].n + 1);
    },
  );

  it('keeps exactly the permissions it was given: view on waste-fee, nothing else', async () => {
    const services = await api.get<{ items: { serviceKey: string }[] }>(
      `/api/laos/${lao.code}/services`,
      token,
    );
    expect(services.status).toBe(200);
    expect(services.body.items.map((s) => s.serviceKey)).toEqual(['waste-fee']);
    const me = await api.get<{ grant: { state: string; services: unknown[] } }>('/api/me', token);
    expect(me.body.grant).toMatchObject({
      state: 'active',
      services: [{ serviceKey: 'waste-fee', actions: ['view'] }],
    });
  });
});
