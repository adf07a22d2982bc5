import { ApiClient } from '../support/http';
import { createTestApp, type TestApp } from '../support/test-app';
import { createCast, type Cast } from '../orders/support/cast';

/** Denials decided on a loaded item (not by the route's policy) are audited like the guard's. */
describe('audit of authorisation denials decided by services', () => {
  let t: TestApp;
  let api: ApiClient;
  let c: Cast;

  beforeAll(async () => {
    t = await createTestApp();
    api = new ApiClient(t.baseUrl);
    c = await createCast(t, api);
  });
  afterAll(() => t.close());

  it("an LAO admin may revoke staff grants but not its own: 403, unchanged, and an 'access.denied' row", async () => {
    const conn = c.em.fork().getConnection();
    const [grant] = await conn.execute<{ id: string; state: string; version: number }[]>(
      'select id, state, version from account_grant where account_id = ?',
      [c.admin.id],
    );
    const res = await api.post(
      `/api/grants/${grant.id}/revoke`,
      { version: grant.version, reason: 'ลาออก' },
      c.admin.token,
    );
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('FORBIDDEN');
    const [after] = await conn.execute<{ state: string }[]>('select state from account_grant where id = ?', [
      grant.id,
    ]);
    expect(after.state).toBe(grant.state);
    const rows = await conn.execute<{ details: { path: string; decidedBy: string } }[]>(
      `select details from audit_entry where action = 'access.denied' and actor_id = ?`,
      [c.admin.id],
    );
    expect(rows.map((r) => r.details)).toEqual([
      expect.objectContaining({ path: `/api/grants/${grant.id}/revoke`, decidedBy: 'service' }),
    ]);
  });
});
