import { createAccount, emOf } from '../support/factories';
import { JwtService } from '@nestjs/jwt';
import { THROTTLE_LIMITS } from '../../src/auth/login-throttle-policy';
import { ApiClient } from '../support/http';
import { BOOTSTRAP, createTestApp, type TestApp } from '../support/test-app';
import { insertLao, latestLinkTokenFor, officerFor, sql } from './identity-helpers';

describe('sign-in: tokens, links, throttling', () => {
  let t: TestApp;
  let api: ApiClient;
  let adminToken: string;

  beforeAll(async () => {
    t = await createTestApp();
    api = new ApiClient(t.baseUrl);
    adminToken = await api.login(BOOTSTRAP.username, BOOTSTRAP.password);
  });
  afterAll(() => t.close());

  it('answers an unknown user exactly like a wrong password, and audits both', async () => {
    const unknown = await api.post('/api/auth/login', {
      username: 'nobody.here',
      password: 'Whatever-123456',
    });
    const wrong = await api.post('/api/auth/login', {
      username: BOOTSTRAP.username,
      password: 'Wrong-Password-1',
    });
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect(unknown.body).toEqual(wrong.body);
    const rows = await sql<{ reason: string }>(
      t.database.url,
      `select details->>'reason' as reason from audit_entry where action = 'auth.login.failed' order by seq`,
    );
    expect(rows.map((r) => r.reason)).toEqual(['unknown_user', 'wrong_password']);
  });

  it('locks an account after repeated failures with 429 and Retry-After, for the right password too', async () => {
    const officer = await officerFor(api, t.database.url, adminToken, '36');
    for (let i = 0; i < 5; i++) {
      const res = await api.post('/api/auth/login', {
        username: officer.username,
        password: `Wrong-${i}-password`,
      });
      expect(res.status).toBe(401);
    }
    const locked = await api.post('/api/auth/login', {
      username: officer.username,
      password: officer.password,
    });
    expect(locked.status).toBe(429);
    expect(locked.body.code).toBe('AUTH_LOCKED');
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('audits every attempt, the locked-out one too', async () => {
    const officer = await officerFor(api, t.database.url, adminToken, '36');
    const from = { 'x-forwarded-for': '198.51.100.21' };
    for (let i = 0; i < 5; i++) {
      await api.post(
        '/api/auth/login',
        { username: officer.username, password: `Wrong-${i}-pass` },
        undefined,
        from,
      );
    }
    const locked = await api.post(
      '/api/auth/login',
      { username: officer.username, password: officer.password },
      undefined,
      from,
    );
    expect(locked.status).toBe(429);
    const rows = await sql<{ reason: string; subject_id: string; ip: string }>(
      t.database.url,
      `select details->>'reason' as reason, subject_id, ip from audit_entry
        where action = 'auth.login.failed' and actor_username = $1 order by seq`,
      [officer.username],
    );
    expect(rows.map((r) => r.reason)).toEqual([...Array(5).fill('wrong_password'), 'locked']);
    expect(rows[5]).toEqual({ reason: 'locked', subject_id: officer.id, ip: '198.51.100.21' });
  });

  it('locks an IP that fails across many usernames, for a right password too, and only that IP', async () => {
    const from = { 'x-forwarded-for': '203.0.113.9' };
    // Sent together so that the growing delays overlap.
    const n = THROTTLE_LIMITS.ip.lockAfter;
    const failures = await Promise.all(
      Array.from({ length: n }, (_, i) =>
        api.post('/api/auth/login', { username: `guess${i}`, password: 'Guess-password-1' }, undefined, from),
      ),
    );
    expect(failures.map((r) => r.status)).toEqual(Array(n).fill(401));
    const locked = await api.post('/api/auth/login', BOOTSTRAP, undefined, from);
    expect(locked.status).toBe(429);
    expect(locked.body.code).toBe('AUTH_LOCKED');
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    const elsewhere = await api.post('/api/auth/login', BOOTSTRAP, undefined, {
      'x-forwarded-for': '203.0.113.10',
    });
    expect(elsewhere.status).toBe(200);
    const audited = await sql<{ reason: string; key: string }>(
      t.database.url,
      `select details->>'reason' as reason, details->>'lockedKey' as key from audit_entry
        where action = 'auth.login.failed' and ip = '203.0.113.9' and details->>'reason' = 'locked'`,
    );
    expect(audited).toEqual([{ reason: 'locked', key: 'ip' }]);
  });

  it('rotates refresh tokens and revokes the whole family when a rotated one is reused', async () => {
    const first = await api.post<{ refreshToken: string; accessToken: string }>('/api/auth/login', BOOTSTRAP);
    const second = await api.post<{ refreshToken: string }>('/api/auth/refresh', {
      refreshToken: first.body.refreshToken,
    });
    expect(second.status).toBe(200);
    expect(second.body.refreshToken).not.toBe(first.body.refreshToken);
    const reuse = await api.post('/api/auth/refresh', { refreshToken: first.body.refreshToken });
    expect(reuse.status).toBe(401);
    expect(reuse.body.code).toBe('AUTH_REFRESH_REUSED');
    // The legitimate newest token is revoked with its family.
    const newest = await api.post('/api/auth/refresh', { refreshToken: second.body.refreshToken });
    expect(newest.status).toBe(401);
  });

  it('makes a set-password link work once, and refuses an expired one', async () => {
    const res = await api.post<{ id: string }>(
      '/api/province-officers',
      { username: 'once.officer', fullName: 'นายวิชัย ทดลอง', email: 'once@example.go.th', provinceCode: '36' },
      adminToken,
    );
    expect(res.status).toBe(201);
    const token = await latestLinkTokenFor(t.database.url, 'once@example.go.th');
    const weak = await api.post('/api/auth/set-password', { token, newPassword: 'once.officer1' });
    expect(weak.status).toBe(400);
    expect(weak.body.code).toBe('AUTH_PASSWORD_WEAK');
    const common = await api.post('/api/auth/set-password', { token, newPassword: 'password123' });
    expect(common.body.code).toBe('AUTH_PASSWORD_WEAK');
    const ok = await api.post('/api/auth/set-password', { token, newPassword: 'Once-Good-Password-2569' });
    expect(ok.status).toBe(204);
    const again = await api.post('/api/auth/set-password', { token, newPassword: 'Another-Good-Password-1' });
    expect(again.status).toBe(400);
    expect(again.body.code).toBe('AUTH_LINK_INVALID');
    expect(await api.login('once.officer', 'Once-Good-Password-2569')).toEqual(expect.any(String));

    await api.post(
      '/api/province-officers',
      { username: 'late.officer', fullName: 'นายช้า มาก', email: 'late@example.go.th', provinceCode: '36' },
      adminToken,
    );
    const late = await latestLinkTokenFor(t.database.url, 'late@example.go.th');
    await sql(
      t.database.url,
      `update set_password_token set expires_at = now() - interval '1 minute' where used_at is null`,
    );
    const expired = await api.post('/api/auth/set-password', {
      token: late,
      newPassword: 'Late-Good-Password-2569',
    });
    expect(expired.body.code).toBe('AUTH_LINK_INVALID');
  });

  it('changes a password with the current one and stops older access tokens', async () => {
    const officer = await officerFor(api, t.database.url, adminToken, '20');
    const wrong = await api.post(
      '/api/auth/password',
      { currentPassword: 'nope-nope-nope', newPassword: 'New-Officer-Pass-1' },
      officer.token,
    );
    expect(wrong.body.code).toBe('AUTH_CURRENT_PASSWORD_WRONG');
    const ok = await api.post(
      '/api/auth/password',
      { currentPassword: officer.password, newPassword: 'New-Officer-Pass-1' },
      officer.token,
    );
    expect(ok.status).toBe(204);
    expect((await api.get('/api/me', officer.token)).body.code).toBe('AUTH_TOKEN_REVOKED');
    expect(await api.login(officer.username, 'New-Officer-Pass-1')).toEqual(expect.any(String));
  });

  it('refuses tokens signed with another algorithm or secret', async () => {
    const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    const payload = Buffer.from(JSON.stringify({ sub: 'x', tv: 0 })).toString('base64url');
    const res = await api.get('/api/me', `${header}.${payload}.`);
    expect(res.status).toBe(401);
  });

  it('refuses a token for the right account with a wrong issuer, audience, secret, algorithm or expiry', async () => {
    const { sub, tv, sid } = JSON.parse(Buffer.from(adminToken.split('.')[1], 'base64url').toString()) as {
      sub: string;
      tv: number;
      sid: string;
    };
    const { secret, issuer, audience } = t.config.jwt;
    const jwt = new JwtService();
    const inAMinute = Math.floor(Date.now() / 1000) + 60;
    const sign = (
      overrides: { secret?: string; issuer?: string; audience?: string; algorithm?: 'HS256' | 'HS512' },
      exp = inAMinute,
    ) => jwt.sign({ sub, tv, sid, exp }, { secret, issuer, audience, algorithm: 'HS256', ...overrides });
    // The control: the same claims signed the way the API signs them are accepted.
    expect((await api.get('/api/me', sign({}))).status).toBe(200);
    const forged: Record<string, string> = {
      issuer: sign({ issuer: 'https://evil.example' }),
      audience: sign({ audience: 'another-app' }),
      secret: sign({ secret: `${secret}-not` }),
      algorithm: sign({ algorithm: 'HS512' }),
      expired: sign({}, inAMinute - 120),
    };
    for (const [what, token] of Object.entries(forged)) {
      const res = await api.get('/api/me', token);
      expect({ what, status: res.status, code: res.body.code }).toEqual({
        what,
        status: 401,
        code: 'AUTH_TOKEN_INVALID',
      });
    }
  });
});

describe('temporary passwords for staff without working e-mail', () => {
  let t: TestApp;
  let api: ApiClient;
  beforeAll(async () => {
    t = await createTestApp();
    api = new ApiClient(t.baseUrl);
  });
  afterAll(() => t.close());

  it('lets the active LAO admin set one, forces a change at first sign-in and allows nothing else until then', async () => {
    await insertLao(t.database.url, '6360507', '36');
    const em = emOf(t);
    const admin = await createAccount(em, { role: 'lao_admin', laoCode: '6360507' });
    const officer = await createAccount(em, { role: 'province_officer', provinceCode: '36' });
    const staff = await createAccount(em, { role: 'lao_user', laoCode: '6360507' });
    const adminToken = await api.login(admin.username, admin.password);
    const staffToken = await api.login(staff.username, staff.password);
    // Officers mail links to LAO admins; temporary passwords are the LAO admin's tool for staff.
    const byOfficer = await api.post(
      `/api/accounts/${admin.id}/password-reset`,
      { temporaryPassword: 'Temp-Password-2569' },
      await api.login(officer.username, officer.password),
    );
    expect(byOfficer.status).toBe(403);
    const reset = await api.post(
      `/api/accounts/${staff.id}/password-reset`,
      { temporaryPassword: 'Temp-Password-2569' },
      adminToken,
    );
    expect(reset.status).toBe(204);
    expect((await api.get('/api/me', staffToken)).status).toBe(401);
    const login = await api.post<{ accessToken: string; mustChangePassword: boolean }>('/api/auth/login', {
      username: staff.username,
      password: 'Temp-Password-2569',
    });
    expect(login.body.mustChangePassword).toBe(true);
    const blocked = await api.get('/api/laos/6360507', login.body.accessToken);
    expect(blocked.status).toBe(403);
    expect(blocked.body.code).toBe('AUTH_PASSWORD_CHANGE_REQUIRED');
    const changed = await api.post(
      '/api/auth/password',
      { currentPassword: 'Temp-Password-2569', newPassword: 'My-Own-Password-2569' },
      login.body.accessToken,
    );
    expect(changed.status).toBe(204);
    const fresh = await api.login(staff.username, 'My-Own-Password-2569');
    expect((await api.get('/api/laos/6360507', fresh)).status).toBe(200);
  });
});
