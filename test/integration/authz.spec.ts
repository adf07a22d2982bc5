import { createAccount, emOf } from '../support/factories';
import { ApiClient } from '../support/http';
import { BOOTSTRAP, createTestApp, type TestApp } from '../support/test-app';
import { clientToken, registerClient, staffPlace, type StaffPlace } from './support';

interface Decision {
  allowed: boolean;
  reason: string | null;
  grant: { id: string; state: string; validFrom: string | null } | null;
  order: { id: string; label: string } | null;
}

/** Issue 14, item 2: the decision API, computed by the console's CASL rules, fresh on every call. */
describe('authorization decisions', () => {
  let t: TestApp;
  let api: ApiClient;
  let token: string;
  let place: StaffPlace;
  let other: StaffPlace;

  beforeAll(async () => {
    t = await createTestApp();
    api = new ApiClient(t.baseUrl);
    const admin = await api.login(BOOTSTRAP.username, BOOTSTRAP.password);
    token = await clientToken(api, await registerClient(api, admin, ['authz:check']));
    place = await staffPlace(emOf(t));
    other = await staffPlace(emOf(t), '40');
  });
  afterAll(() => t.close());

  const check = async (body: Record<string, unknown>): Promise<Decision> => {
    const res = await api.post<Decision>('/api/authz/check', body, token);
    expect(res.status).toBe(200);
    return res.body;
  };
  const ask = (over: Partial<Record<'username' | 'laoCode' | 'serviceKey' | 'action', string>> = {}) =>
    check({
      username: place.staffUsername,
      laoCode: place.laoCode,
      serviceKey: 'waste-fee',
      action: 'process',
      ...over,
    });

  it('allows a staff member on a granted, open service, naming the grant and its order', async () => {
    const decision = await ask();
    expect(decision).toEqual({
      allowed: true,
      reason: null,
      grant: { id: place.grantId, state: 'active', validFrom: expect.any(String) },
      order: { id: place.orderId, label: expect.stringMatching(/^ที่ \d+\/2568$/) },
    });
    // Usernames match as at sign-in (case and Thai normalisation).
    expect((await ask({ username: place.staffUsername.toUpperCase() })).allowed).toBe(true);
  });

  it('refuses with a reason code, never an error, for each way a check can fail', async () => {
    expect(await ask({ username: 'no.such.person' })).toMatchObject({
      allowed: false,
      reason: 'NO_ACCOUNT',
      grant: null,
    });
    expect(await ask({ laoCode: other.laoCode })).toMatchObject({ allowed: false, reason: 'OTHER_LAO' });
    expect(await ask({ laoCode: '9999999' })).toMatchObject({ allowed: false, reason: 'OTHER_LAO' });
    expect(await ask({ serviceKey: 'building-permit', action: 'process' })).toMatchObject({
      allowed: false,
      reason: 'SERVICE_NOT_GRANTED',
    });
    expect(await ask({ serviceKey: 'building-permit', action: 'view' })).toMatchObject({ allowed: true });
    expect(await ask({ serviceKey: 'no-such-service' })).toMatchObject({ reason: 'SERVICE_NOT_GRANTED' });

    const closed = await staffPlace(emOf(t), '36', false);
    expect(
      await check({
        username: closed.staffUsername,
        laoCode: closed.laoCode,
        serviceKey: 'waste-fee',
        action: 'view',
      }),
    ).toMatchObject({ allowed: false, reason: 'SERVICE_NOT_OPEN', grant: { id: closed.grantId } });

    // A provisional grant (draft) gives nothing yet; the admin's own role has no service actions.
    const draft = await createAccount(emOf(t), {
      role: 'lao_user',
      laoCode: place.laoCode,
      grant: { state: 'draft', services: [{ serviceKey: 'waste-fee', actions: ['view'] }] },
    });
    expect(await ask({ username: draft.username, action: 'view' })).toMatchObject({
      allowed: false,
      reason: 'NO_ACTIVE_GRANT',
      grant: { id: draft.grantId, state: 'draft' },
    });
    expect(await ask({ username: place.adminUsername, action: 'view' })).toMatchObject({
      allowed: false,
      reason: 'SERVICE_NOT_GRANTED',
    });

    const bad = await api.post<{ code: string }>(
      '/api/authz/check',
      { username: 'x', laoCode: 'y', serviceKey: 'z', action: 'delete' },
      token,
    );
    expect(bad.status).toBe(400);
  });

  it('reflects a disable and a revocation on the very next call', async () => {
    const target = await staffPlace(emOf(t));
    const adminToken = await api.login(target.adminUsername, target.adminPassword);
    const q = {
      username: target.staffUsername,
      laoCode: target.laoCode,
      serviceKey: 'waste-fee',
      action: 'view',
    };
    expect((await check(q)).allowed).toBe(true);

    expect((await api.post(`/api/accounts/${target.staffId}/disable`, {}, adminToken)).status).toBe(201);
    expect(await check(q)).toMatchObject({ allowed: false, reason: 'ACCOUNT_DISABLED' });
    expect((await api.post(`/api/accounts/${target.staffId}/enable`, {}, adminToken)).status).toBe(201);
    expect((await check(q)).allowed).toBe(true);

    const grant = await api.get<{ version: number }>(`/api/grants/${target.grantId}`, adminToken);
    const revoke = await api.post(
      `/api/grants/${target.grantId}/revoke`,
      { version: grant.body.version, reason: 'ย้ายไปสังกัดอื่น' },
      adminToken,
    );
    expect(revoke.status).toBe(200);
    expect(await check(q)).toMatchObject({ allowed: false, reason: 'NO_ACTIVE_GRANT', grant: null });
  });

  it('answers a batch in order, up to 100 checks; 101 is refused (400) and nothing is decided', async () => {
    const one = {
      username: place.staffUsername,
      laoCode: place.laoCode,
      serviceKey: 'waste-fee',
      action: 'view',
    };
    const nobody = { ...one, username: 'nobody.here' };
    const res = await api.post<{ results: Decision[] }>(
      '/api/authz/check-batch',
      { checks: [one, nobody, one] },
      token,
    );
    expect(res.status).toBe(200);
    expect(res.body.results.map((r) => r.reason)).toEqual([null, 'NO_ACCOUNT', null]);

    const hundred = await api.post<{ results: Decision[] }>(
      '/api/authz/check-batch',
      { checks: Array.from({ length: 100 }, () => one) },
      token,
    );
    expect(hundred.status).toBe(200);
    expect(hundred.body.results).toHaveLength(100);
    const tooMany = await api.post<{ code: string }>(
      '/api/authz/check-batch',
      { checks: Array.from({ length: 101 }, () => one) },
      token,
    );
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.code).toBe('AUTHZ_BATCH_TOO_LARGE');
  });

  it('audits every call under the client name', async () => {
    const rows = await emOf(t)
      .getConnection()
      .execute<{ actor_username: string }[]>(
        `select actor_username from audit_entry where action = 'integration.authz.check'`,
      );
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.every((r) => r.actor_username.startsWith('client:dla-'))).toBe(true);
  });
});
