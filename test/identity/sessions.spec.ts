import { createAccount, emOf } from '../support/factories';
import { ApiClient } from '../support/http';
import { createTestApp, type TestApp } from '../support/test-app';
import { insertLao, latestLinkTokenFor, sql } from './identity-helpers';

interface Pair {
  accessToken: string;
  refreshToken: string;
}

/** Issue 9 item 6: a change of credentials ends every session, and no session lives forever. */
describe('sessions end when credentials change', () => {
  let t: TestApp;
  let api: ApiClient;
  beforeAll(async () => {
    t = await createTestApp();
    api = new ApiClient(t.baseUrl);
    await insertLao(t.database.url, '6360507', '36');
  });
  afterAll(() => t.close());

  async function signIn(username: string, password: string): Promise<Pair> {
    const res = await api.post<Pair>('/api/auth/login', { username, password });
    expect(res.status).toBe(200);
    return res.body;
  }
  const refresh = (token: string) =>
    api.post<Pair & { code?: string }>('/api/auth/refresh', { refreshToken: token });

  it('refuses the old refresh token after the holder changes the password', async () => {
    const staff = await createAccount(emOf(t), { role: 'lao_user', laoCode: '6360507' });
    const stolen = await signIn(staff.username, staff.password);
    const mine = await signIn(staff.username, staff.password);
    const changed = await api.post(
      '/api/auth/password',
      { currentPassword: staff.password, newPassword: 'A-New-Password-2569' },
      mine.accessToken,
    );
    expect(changed.status).toBe(204);
    expect((await refresh(stolen.refreshToken)).status).toBe(401);
    expect((await api.get('/api/me', stolen.accessToken)).status).toBe(401);
  });

  it('refuses it after an officer resets the password, after a set-password and after a disable', async () => {
    const em = emOf(t);
    const officer = await createAccount(em, { role: 'province_officer', provinceCode: '36' });
    const officerToken = await api.login(officer.username, officer.password);
    const admin = await createAccount(em, { role: 'lao_admin', laoCode: '6360507' });
    const before = await signIn(admin.username, admin.password);
    expect((await api.post(`/api/accounts/${admin.id}/password-reset`, {}, officerToken)).status).toBe(204);
    expect((await refresh(before.refreshToken)).status).toBe(401);

    const link = await latestLinkTokenFor(t.database.url, `${admin.username}@test.localhost`);
    const stolen = await signIn(admin.username, admin.password);
    const set = await api.post('/api/auth/set-password', { token: link, newPassword: 'Set-By-Link-2569' });
    expect(set.status).toBe(204);
    expect((await refresh(stolen.refreshToken)).status).toBe(401);

    const last = await signIn(admin.username, 'Set-By-Link-2569');
    expect((await api.post(`/api/accounts/${admin.id}/disable`, {}, officerToken)).status).toBe(201);
    const refused = await refresh(last.refreshToken);
    expect(refused.status).toBe(401);
    expect((await api.get('/api/me', last.accessToken)).body.code).toBe('AUTH_ACCOUNT_DISABLED');
  });

  it('refuses a family older than JWT_REFRESH_MAX_DAYS however often it rotated', async () => {
    const staff = await createAccount(emOf(t), { role: 'lao_user', laoCode: '6360507' });
    let pair = await signIn(staff.username, staff.password);
    for (let i = 0; i < 3; i++) {
      const next = await refresh(pair.refreshToken);
      expect(next.status).toBe(200);
      pair = next.body;
    }
    const [row] = await sql<{ lifetime_days: number }>(
      t.database.url,
      `select extract(epoch from (family_expires_at - created_at)) / 86400 as lifetime_days
         from refresh_token where account_id = $1 order by created_at desc limit 1`,
      [staff.id],
    );
    // Rotation never moves the family's end: it is the first sign-in + 30 days.
    expect(Number(row.lifetime_days)).toBeLessThanOrEqual(30);
    await sql(
      t.database.url,
      `update refresh_token set family_expires_at = now() - interval '1 second' where account_id = $1`,
      [staff.id],
    );
    const expired = await refresh(pair.refreshToken);
    expect(expired.status).toBe(401);
    expect(expired.body.code).toBe('AUTH_REFRESH_INVALID');
  });

  it('ends the access token of the session that logs out, and only that one', async () => {
    const staff = await createAccount(emOf(t), { role: 'lao_user', laoCode: '6360507' });
    const phone = await signIn(staff.username, staff.password);
    const desk = await signIn(staff.username, staff.password);
    expect((await api.post('/api/auth/logout', { refreshToken: phone.refreshToken })).status).toBe(204);
    const ended = await api.get('/api/me', phone.accessToken);
    expect(ended.status).toBe(401);
    expect(ended.body.code).toBe('AUTH_SESSION_ENDED');
    expect((await api.get('/api/me', desk.accessToken)).status).toBe(200);
    expect((await refresh(desk.refreshToken)).status).toBe(200);
  });

  it('ends the sessions of an admin whose grant is revoked', async () => {
    const em = emOf(t);
    const officer = await createAccount(em, { role: 'province_officer', provinceCode: '36' });
    const admin = await createAccount(em, { role: 'lao_admin', laoCode: '6360507' });
    const session = await signIn(admin.username, admin.password);
    const revoked = await api.post(
      `/api/grants/${admin.grantId}/revoke`,
      { reason: 'ย้ายไปปฏิบัติราชการที่อื่น', version: 1 },
      await api.login(officer.username, officer.password),
    );
    expect(revoked.status).toBe(200);
    expect((await refresh(session.refreshToken)).status).toBe(401);
    expect((await api.get('/api/me', session.accessToken)).status).toBe(401);
  });
});
