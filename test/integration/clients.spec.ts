import { createAccount, emOf } from '../support/factories';
import { ApiClient } from '../support/http';
import { BOOTSTRAP, createTestApp, type TestApp } from '../support/test-app';
import { clientToken, registerClient } from './support';

type Row = Record<string, unknown>;

/** Issue 14, item 1: integration clients and OAuth 2.0 client credentials. */
describe('integration clients and client credentials', () => {
  let t: TestApp;
  let api: ApiClient;
  let admin: string;

  beforeAll(async () => {
    t = await createTestApp();
    api = new ApiClient(t.baseUrl);
    admin = await api.login(BOOTSTRAP.username, BOOTSTRAP.password);
  });
  afterAll(() => t.close());

  const sql = (query: string, params: unknown[] = []) =>
    emOf(t).getConnection().execute<Row[]>(query, params);

  it('registers a client for dla_admin only, shows the secret once and stores only its hash', async () => {
    const client = await registerClient(api, admin, ['authz:check']);
    expect(client.clientId).toMatch(/^dla-/);
    expect(client.clientSecret).toMatch(/^dlacs_/);
    const [row] = await sql('select secret_hash, scopes from integration_client where id = ?', [client.id]);
    expect(row.secret_hash).toHaveLength(64);
    expect(JSON.stringify(row)).not.toContain(client.clientSecret);
    expect(row.scopes).toEqual(['authz:check']);

    const list = await api.get<{ items: Row[] }>('/api/integration-clients', admin);
    expect(list.status).toBe(200);
    const listed = list.body.items.find((c) => c.id === client.id)!;
    expect(listed.clientId).toBe(client.clientId);
    expect(JSON.stringify(list.body)).not.toContain('dlacs_');

    const officer = await createAccount(emOf(t), { role: 'province_officer', provinceCode: '36' });
    const officerToken = await api.login(officer.username, officer.password);
    const refused = await api.post(
      '/api/integration-clients',
      { name: 'x', scopes: ['authz:check'] },
      officerToken,
    );
    expect(refused.status).toBe(403);
    const bad = await api.post('/api/integration-clients', { name: 'x', scopes: ['admin'] }, admin);
    expect(bad.status).toBe(400);
  });

  it('issues short-lived tokens with their own audience: JSON body, form body, HTTP Basic', async () => {
    const client = await registerClient(api, admin);
    const json = await api.post<Row>('/api/oauth/token', {
      grant_type: 'client_credentials',
      client_id: client.clientId,
      client_secret: client.clientSecret,
    });
    expect(json.status).toBe(200);
    expect(json.body).toMatchObject({
      token_type: 'Bearer',
      expires_in: 300,
      scope: 'authz:check events:read',
    });
    expect(json.headers.get('cache-control')).toBe('no-store');
    const payload = JSON.parse(
      Buffer.from(String(json.body.access_token).split('.')[1], 'base64url').toString(),
    );
    expect(payload.aud).toBe('digital-dla-integration');
    expect(payload.sub).toBe(client.id);

    const form = await api.request<Row>('POST', '/api/oauth/token', {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      raw: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: client.clientId,
        client_secret: client.clientSecret,
        scope: 'authz:check',
      }).toString(),
    });
    expect(form.status).toBe(200);
    expect(form.body.scope).toBe('authz:check');

    const basic = Buffer.from(`${client.clientId}:${client.clientSecret}`).toString('base64');
    const viaBasic = await api.request<Row>('POST', '/api/oauth/token', {
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${basic}` },
      raw: 'grant_type=client_credentials',
    });
    expect(viaBasic.status).toBe(200);

    const wrongGrant = await api.post<Row>('/api/oauth/token', {
      grant_type: 'password',
      client_id: client.clientId,
      client_secret: client.clientSecret,
    });
    expect(wrongGrant.status).toBe(400);
    expect(wrongGrant.body.code).toBe('OAUTH_UNSUPPORTED_GRANT_TYPE');
    const tooMuch = await api.post<Row>('/api/oauth/token', {
      grant_type: 'client_credentials',
      client_id: client.clientId,
      client_secret: client.clientSecret,
      scope: 'authz:check admin',
    });
    expect(tooMuch.body.code).toBe('OAUTH_INVALID_SCOPE');
  });

  it('refuses a wrong secret (401, audited) and throttles repeated guesses (429)', async () => {
    const client = await registerClient(api, admin);
    const guess = () =>
      api.post<Row>('/api/oauth/token', {
        grant_type: 'client_credentials',
        client_id: client.clientId,
        client_secret: 'dlacs_wrong',
      });
    const first = await guess();
    expect(first.status).toBe(401);
    expect(first.body.code).toBe('OAUTH_INVALID_CLIENT');
    expect(first.body.message).toBe('รหัสระบบเชื่อมต่อหรือรหัสลับไม่ถูกต้อง');
    const audited = await sql(
      `select details from audit_entry where action = 'auth.client.failed' and subject_id = ?`,
      [client.id],
    );
    expect(audited).toHaveLength(1);
    expect(audited[0].details).toEqual({ reason: 'wrong_secret' });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i += 1) statuses.push((await guess()).status);
    expect(statuses).toContain(429);
    // Locked: even the right secret waits (from this address).
    const locked = await api.post<Row>('/api/oauth/token', {
      grant_type: 'client_credentials',
      client_id: client.clientId,
      client_secret: client.clientSecret,
    });
    expect(locked.status).toBe(429);
    expect(locked.body.code).toBe('OAUTH_CLIENT_LOCKED');
  }, 30_000);

  it('keeps client tokens and people apart: each refused on the other routes (403)', async () => {
    const client = await registerClient(api, admin);
    const token = await clientToken(api, client);
    for (const path of ['/api/me', '/api/laos', '/api/integration-clients', '/api/notifications']) {
      const res = await api.get(path, token);
      expect([path, res.status]).toEqual([path, 403]);
    }
    const asClient = await api.post(
      '/api/integration-clients',
      { name: 'x', scopes: ['authz:check'] },
      token,
    );
    expect(asClient.status).toBe(403);
    const check = { username: 'nobody', laoCode: '6360507', serviceKey: 'waste-fee', action: 'view' };
    expect((await api.post('/api/authz/check', check, token)).status).toBe(200);
    const asPerson = await api.post('/api/authz/check', check, admin);
    expect(asPerson.status).toBe(403);
    const denied = await sql(
      `select details from audit_entry where action = 'access.denied' and actor_username = ?`,
      [`client:${client.clientId}`],
    );
    expect(denied.length).toBeGreaterThanOrEqual(4);
    // A token whose scope lacks authz:check.
    const eventsOnly = await registerClient(api, admin, ['events:read']);
    const eventsToken = await clientToken(api, eventsOnly);
    expect((await api.post('/api/authz/check', check, eventsToken)).status).toBe(403);
  });

  it('rotates: the new secret works, the old one until its grace period ends', async () => {
    const client = await registerClient(api, admin);
    const rotated = await api.post<{ clientSecret: string; previousSecretExpiresAt: string }>(
      `/api/integration-clients/${client.id}/rotate`,
      {},
      admin,
    );
    expect(rotated.status).toBe(200);
    expect(rotated.body.clientSecret).not.toBe(client.clientSecret);
    const graceHours = (Date.parse(rotated.body.previousSecretExpiresAt) - Date.now()) / 3_600_000;
    expect(graceHours).toBeGreaterThan(23.9);
    await clientToken(api, { clientId: client.clientId, clientSecret: rotated.body.clientSecret });
    await clientToken(api, client);
    await sql(
      `update integration_client set previous_secret_expires_at = now() - interval '1 second' where id = ?`,
      [client.id],
    );
    const expired = await api.post<Row>('/api/oauth/token', {
      grant_type: 'client_credentials',
      client_id: client.clientId,
      client_secret: client.clientSecret,
    });
    expect(expired.status).toBe(401);
  });

  it('revokes: no new tokens, and a token already issued is refused on its next call', async () => {
    const client = await registerClient(api, admin);
    const token = await clientToken(api, client);
    const check = { username: 'nobody', laoCode: '6360507', serviceKey: 'waste-fee', action: 'view' };
    expect((await api.post('/api/authz/check', check, token)).status).toBe(200);
    const revoked = await api.post<Row>(`/api/integration-clients/${client.id}/revoke`, {}, admin);
    expect(revoked.status).toBe(200);
    expect(revoked.body.revokedAt).toEqual(expect.any(String));
    expect((await api.post('/api/authz/check', check, token)).status).toBe(401);
    const again = await api.post<Row>('/api/oauth/token', {
      grant_type: 'client_credentials',
      client_id: client.clientId,
      client_secret: client.clientSecret,
    });
    expect(again.status).toBe(401);
    const twice = await api.post<Row>(`/api/integration-clients/${client.id}/revoke`, {}, admin);
    expect(twice.body.code).toBe('INTEGRATION_CLIENT_REVOKED');
  });
});
