import { createAccount, emOf } from '../support/factories';
import { ApiClient } from '../support/http';
import { createTestApp, type TestApp } from '../support/test-app';
import { insertLao, latestLinkTokenFor, sql } from './identity-helpers';

/** Issue 9 item 2: forgot password without enumeration, without mail to the wrong person. */
describe('forgot password', () => {
  let t: TestApp;
  let api: ApiClient;
  beforeAll(async () => {
    t = await createTestApp();
    api = new ApiClient(t.baseUrl);
    await insertLao(t.database.url, '6360507', '36');
  });
  afterAll(() => t.close());

  const ask = (login: string, ip = '192.0.2.10') =>
    api.post('/api/auth/forgot-password', { login }, undefined, { 'x-forwarded-for': ip });
  const mailsTo = (to: string) =>
    sql<{ subject: string; text: string }>(
      t.database.url,
      'select subject, text from mail_message where "to" = $1',
      [to],
    );
  const outcomes = () =>
    sql<{ outcome: string }>(
      t.database.url,
      `select details->>'outcome' as outcome from audit_entry where action = 'auth.password.forgot' order by seq`,
    );

  it('answers the same 202 for an unknown login and a known one, and mails only the known one a link', async () => {
    const staff = await createAccount(emOf(t), { role: 'lao_user', laoCode: '6360507' });
    const started = Date.now();
    const unknown = await ask('nobody.at.all');
    const unknownMs = Date.now() - started;
    const known = await ask(staff.username.toUpperCase());
    expect([unknown.status, known.status]).toEqual([202, 202]);
    expect(unknown.body).toEqual(known.body);
    // Both padded to the same floor: no quick "unknown" answer to time.
    expect(unknownMs).toBeGreaterThanOrEqual(400);
    const mails = await mailsTo(`${staff.username}@test.localhost`);
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toContain('ร้องขอ');
    // The link works, and the old password keeps working until it is used (a stranger's request signs nobody out).
    const session = await api.login(staff.username, staff.password);
    const token = await latestLinkTokenFor(t.database.url, `${staff.username}@test.localhost`);
    expect((await api.get('/api/me', session)).status).toBe(200);
    expect(
      (await api.post('/api/auth/set-password', { token, newPassword: 'Forgot-Then-Set-2569' })).status,
    ).toBe(204);
    expect((await api.get('/api/me', session)).status).toBe(401);
    await api.login(staff.username, 'Forgot-Then-Set-2569');
  });

  it('finds an account by e-mail, sends nothing to a disabled one, and no link to an address two accounts share', async () => {
    const em = emOf(t);
    const byMail = await createAccount(em, { role: 'lao_user', laoCode: '6360507' });
    expect((await ask(`  ${byMail.username.toUpperCase()}@TEST.localhost `)).status).toBe(202);
    expect(await mailsTo(`${byMail.username}@test.localhost`)).toHaveLength(1);

    const gone = await createAccount(em, { role: 'lao_user', laoCode: '6360507', status: 'disabled' });
    expect((await ask(gone.username)).status).toBe(202);
    expect(await mailsTo(`${gone.username}@test.localhost`)).toHaveLength(0);

    const a = await createAccount(em, { role: 'lao_user', laoCode: '6360507' });
    const b = await createAccount(em, { role: 'lao_user', laoCode: '6360507' });
    await sql(t.database.url, `update account set email = 'shared@example.go.th' where id in ($1, $2)`, [
      a.id,
      b.id,
    ]);
    expect((await ask('shared@example.go.th')).status).toBe(202);
    const shared = await mailsTo('shared@example.go.th');
    expect(shared).toHaveLength(1);
    expect(shared[0].text).not.toContain('set-password');
    expect(shared[0].text).toContain('ชื่อผู้ใช้');
    // Audited, a disabled account like an unknown one (nothing about it is revealed or sent).
    expect((await outcomes()).map((o) => o.outcome)).toEqual([
      'unknown',
      'sent',
      'sent',
      'unknown',
      'shared_email',
    ]);
  });

  it('mails one account at most 3 links an hour (silently), and answers 429 to an address asking too often', async () => {
    const staff = await createAccount(emOf(t), { role: 'lao_user', laoCode: '6360507' });
    for (let i = 0; i < 5; i++) expect((await ask(staff.username, `198.51.100.${i + 1}`)).status).toBe(202);
    expect(await mailsTo(`${staff.username}@test.localhost`)).toHaveLength(3);
    const answers = await Promise.all(Array.from({ length: 21 }, () => ask('someone.else', '203.0.113.77')));
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 202)).toHaveLength(20);
    const refused = answers.find((a) => a.status === 429);
    expect(refused?.body).toMatchObject({ code: 'AUTH_FORGOT_TOO_MANY' });
  });
});
