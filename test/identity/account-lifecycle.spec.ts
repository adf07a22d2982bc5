import { EntityManager } from '@mikro-orm/postgresql';
import { AppointmentOrder } from '../../src/orders/entities/appointment-order.entity';
import { resolveRecipients } from '../../src/notifications/notice-recipients';
import { TransitionService } from '../../src/workflow/transition.service';
import { createAccount, emOf } from '../support/factories';
import { ApiClient } from '../support/http';
import { BOOTSTRAP, createTestApp, type TestApp } from '../support/test-app';
import { seedOrder } from '../workflow/support/workflow-harness';
import { insertLao, latestLinkTokenFor, officerFor, sql } from './identity-helpers';

interface AccountBody {
  id: string;
  username: string;
  status: string;
  lastSignInAt: string | null;
  invitation: { state: string; sentAt: string | null; expiresAt: string | null };
  grant?: { id: string; state: string } | null;
}

const PERSON = { title: 'นาย', firstName: 'สมชาย', lastName: 'ใจดี', position: 'ปลัด อบต.' };

/** Issue 9: invitations, enable/disable, DLA's team and helpdesk, handover, e-mail changes. */
describe('accounts through their whole life', () => {
  let t: TestApp;
  let api: ApiClient;
  let dlaToken: string;
  let officer: Awaited<ReturnType<typeof officerFor>>;
  beforeAll(async () => {
    t = await createTestApp();
    api = new ApiClient(t.baseUrl);
    await insertLao(t.database.url, '6360507', '36', 'องค์การบริหารส่วนตำบลคูเมือง');
    await insertLao(t.database.url, '5360201', '36', 'เทศบาลตำบลตลาดแร้ง');
    await insertLao(t.database.url, '6400101', '40', 'องค์การบริหารส่วนตำบลบ้านไกล');
    dlaToken = await api.login(BOOTSTRAP.username, BOOTSTRAP.password);
    officer = await officerFor(api, t.database.url, dlaToken, '36');
  });
  afterAll(() => t.close());

  const mailsTo = (to: string) =>
    sql<{ subject: string; text: string; sealed_secret: string | null }>(
      t.database.url,
      'select subject, text, sealed_secret from mail_message where "to" = $1 order by created_at',
      [to],
    );

  it('shows an invitation pending, expired, resent and used, with the last sign-in', async () => {
    const email = 'invite.state@example.go.th';
    const created = await api.post<AccountBody>(
      '/api/laos/6360507/admins',
      { ...PERSON, email },
      officer.token,
    );
    expect(created.status).toBe(201);
    const id = created.body.id;
    const get = async () => (await api.get<AccountBody>(`/api/accounts/${id}`, officer.token)).body;
    expect((await get()).invitation).toMatchObject({ state: 'pending' });
    expect((await get()).lastSignInAt).toBeNull();

    const firstLink = await latestLinkTokenFor(t.database.url, email);
    await sql(
      t.database.url,
      `update set_password_token set expires_at = now() - interval '1 minute' where account_id = $1`,
      [id],
    );
    expect((await get()).invitation.state).toBe('expired');
    const list = await api.get<{ items: AccountBody[] }>('/api/laos/6360507/accounts', officer.token);
    expect(list.body.items.find((a) => a.id === id)?.invitation.state).toBe('expired');

    // Resend: a fresh invitation (never signed in), the old link stops working.
    expect((await api.post(`/api/accounts/${id}/password-reset`, {}, officer.token)).status).toBe(204);
    const again = await get();
    expect(again.invitation.state).toBe('pending');
    expect((await mailsTo(email)).map((m) => m.subject)).toEqual([
      expect.stringContaining('เชิญ'),
      expect.stringContaining('เชิญ'),
    ]);
    const old = await api.post('/api/auth/set-password', {
      token: firstLink,
      newPassword: 'Old-Link-Password-2569',
    });
    expect(old.status).toBe(400);
    const newLink = await latestLinkTokenFor(t.database.url, email);
    expect(
      (await api.post('/api/auth/set-password', { token: newLink, newPassword: 'New-Link-Password-2569' }))
        .status,
    ).toBe(204);
    expect((await get()).invitation.state).toBe('used');
    await api.login(created.body.username, 'New-Link-Password-2569');
    expect((await get()).lastSignInAt).not.toBeNull();

    // A mail that could not be delivered is shown as such.
    await sql(
      t.database.url,
      `update mail_message set status = 'failed' where id = (select mail_id from set_password_token where account_id = $1 order by created_at desc limit 1)`,
      [id],
    );
    await sql(t.database.url, `update set_password_token set used_at = null where account_id = $1`, [id]);
    expect((await get()).invitation.state).toBe('failed');
  });

  it('corrects a mistyped e-mail: the old address is told, the change is audited, the resend goes to the new one', async () => {
    const created = await api.post<AccountBody>(
      '/api/laos/5360201/admins',
      { ...PERSON, email: 'typo@exampel.go.th' },
      officer.token,
    );
    const patched = await api.patch<{ email: string }>(
      `/api/accounts/${created.body.id}`,
      { email: 'right@example.go.th' },
      officer.token,
    );
    expect(patched.status).toBe(200);
    const told = await mailsTo('typo@exampel.go.th');
    expect(told.map((m) => m.subject)).toContain('อีเมลของบัญชี Digital DLA ของท่านถูกเปลี่ยน');
    expect(told.at(-1)?.text).toContain('r****@example.go.th');
    const [audit] = await sql<{ details: { emailChanged?: boolean } }>(
      t.database.url,
      `select details from audit_entry where action = 'account.updated' and subject_id = $1`,
      [created.body.id],
    );
    expect(audit.details.emailChanged).toBe(true);
    expect(
      (await api.post(`/api/accounts/${created.body.id}/password-reset`, {}, officer.token)).status,
    ).toBe(204);
    expect(await mailsTo('right@example.go.th')).toHaveLength(1);
  });

  it('disables and enables an LAO admin; refuses a link for a disabled account and enabling an enabled one', async () => {
    const admin = await createAccount(emOf(t), {
      role: 'lao_admin',
      laoCode: '6360507',
      grant: { state: 'active' },
    });
    const disabled = await api.post<AccountBody>(`/api/accounts/${admin.id}/disable`, {}, officer.token);
    expect(disabled.body.status).toBe('disabled');
    const reset = await api.post(`/api/accounts/${admin.id}/password-reset`, {}, officer.token);
    expect([reset.status, reset.body.code]).toEqual([409, 'ACCOUNT_IS_DISABLED']);
    const enabled = await api.post<AccountBody>(`/api/accounts/${admin.id}/enable`, {}, officer.token);
    expect([enabled.status, enabled.body.status]).toEqual([201, 'active']);
    const twice = await api.post(`/api/accounts/${admin.id}/enable`, {}, officer.token);
    expect([twice.status, twice.body.code]).toEqual([409, 'ACCOUNT_NOT_DISABLED']);
    await api.login(admin.username, admin.password);
    const farOfficer = await officerFor(api, t.database.url, dlaToken, '40');
    expect((await api.post(`/api/accounts/${admin.id}/disable`, {}, farOfficer.token)).status).toBe(404);
  });

  it('lets DLA create its own team and never disable its last active dla_admin', async () => {
    const [bootstrap] = await sql<{ id: string }>(
      t.database.url,
      `select id from account where role = 'dla_admin'`,
    );
    const alone = await api.post(`/api/accounts/${bootstrap.id}/disable`, {}, dlaToken);
    expect([alone.status, alone.body.code]).toEqual([409, 'LAST_DLA_ADMIN']);
    const second = await api.post<AccountBody>(
      '/api/dla-accounts',
      {
        role: 'dla_admin',
        username: 'dla.second',
        fullName: 'นางสาวสมใจ ส่วนกลาง',
        email: 'second@dla.go.th',
      },
      dlaToken,
    );
    expect(second.status).toBe(201);
    expect(second.body.invitation ?? { state: 'pending' }).toMatchObject({ state: 'pending' });
    const link = await latestLinkTokenFor(t.database.url, 'second@dla.go.th');
    await api.post('/api/auth/set-password', { token: link, newPassword: 'Second-Dla-Admin-2569' });
    const secondToken = await api.login('dla.second', 'Second-Dla-Admin-2569');
    const list = await api.get<{ items: AccountBody[] }>('/api/dla-accounts', secondToken);
    expect(list.body.items.map((a) => a.username).sort()).toEqual([BOOTSTRAP.username, 'dla.second'].sort());
    // With a second active dla_admin the first may go; then the second is the last one.
    expect((await api.post(`/api/accounts/${bootstrap.id}/disable`, {}, secondToken)).status).toBe(201);
    const last = await api.post(`/api/accounts/${second.body.id}/disable`, {}, secondToken);
    expect(last.body.code).toBe('LAST_DLA_ADMIN');
    expect((await api.post(`/api/accounts/${bootstrap.id}/enable`, {}, secondToken)).status).toBe(201);
    dlaToken = await api.login(BOOTSTRAP.username, BOOTSTRAP.password);
    // An officer cannot make DLA accounts.
    const byOfficer = await api.post(
      '/api/dla-accounts',
      { role: 'dla_helpdesk', username: 'x.helpdesk', fullName: 'นาย ก ข', email: 'x@dla.go.th' },
      officer.token,
    );
    expect(byOfficer.status).toBe(403);
  });

  it('gives the helpdesk national reads and links, and nothing else (refusals audited)', async () => {
    await api.post(
      '/api/dla-accounts',
      { role: 'dla_helpdesk', username: 'dla.helpdesk1', fullName: 'นายช่วย เหลือดี', email: 'help1@dla.go.th' },
      dlaToken,
    );
    await api.post('/api/auth/set-password', {
      token: await latestLinkTokenFor(t.database.url, 'help1@dla.go.th'),
      newPassword: 'Helpdesk-Password-2569',
    });
    const help = await api.login('dla.helpdesk1', 'Helpdesk-Password-2569');
    const far = await createAccount(emOf(t), { role: 'lao_admin', laoCode: '6400101' });
    // Finds the LAO by name, then its admin, anywhere in the country.
    const laos = await api.get<{ items: { code: string }[] }>(
      `/api/laos?q=${encodeURIComponent('บ้านไกล')}`,
      help,
    );
    expect(laos.body.items.map((l) => l.code)).toEqual(['6400101']);
    const accounts = await api.get<{ items: AccountBody[] }>('/api/laos/6400101/accounts', help);
    expect(accounts.body.items.map((a) => a.id)).toContain(far.id);
    expect((await api.post(`/api/accounts/${far.id}/password-reset`, {}, help)).status).toBe(204);
    const [read] = await sql<{ n: string }>(
      t.database.url,
      `select count(*) as n from audit_entry where action = 'read.accounts' and actor_username = 'dla.helpdesk1'`,
    );
    expect(Number(read.n)).toBe(1);
    // Nothing else: no temporary passwords, no disabling, no grants, no registry, no officers.
    const refusals = [
      await api.post(
        `/api/accounts/${far.id}/password-reset`,
        { temporaryPassword: 'Temp-Password-2569' },
        help,
      ),
      await api.post(`/api/accounts/${far.id}/disable`, {}, help),
      await api.patch(`/api/accounts/${far.id}`, { email: 'evil@example.com' }, help),
      await api.post(`/api/grants/${far.grantId}/revoke`, { reason: 'ไม่ควรทำได้', version: 1 }, help),
      await api.post('/api/laos/6400101/admins', { ...PERSON, email: 'h@example.go.th' }, help),
      await api.post(
        '/api/province-officers',
        { username: 'h.officer', fullName: 'นาย ก ข', email: 'h2@example.go.th', provinceCode: '36' },
        help,
      ),
      await api.patch('/api/laos/6400101', { phone: '000' }, help),
      await api.get('/api/review-queue', help),
    ];
    expect(refusals.map((r) => r.status)).toEqual([403, 403, 403, 403, 403, 403, 403, 403]);
    const [denied] = await sql<{ n: string }>(
      t.database.url,
      `select count(*) as n from audit_entry where action like 'access.denied%' and actor_username = 'dla.helpdesk1'`,
    );
    expect(Number(denied.n)).toBeGreaterThan(0);
  });

  it('hands an LAO over: admin02 waits, takes effect, admin01 loses its powers, both and the officer are told', async () => {
    const em = emOf(t);
    await insertLao(t.database.url, '6360599', '36', 'องค์การบริหารส่วนตำบลส่งต่อ');
    const admin01 = await createAccount(em, {
      role: 'lao_admin',
      laoCode: '6360599',
      username: '6360599admin01',
    });
    const token01 = await api.login(admin01.username, admin01.password);
    const created = await api.post<AccountBody>(
      '/api/laos/6360599/admins',
      { ...PERSON, firstName: 'สมหญิง', email: 'next.admin@example.go.th' },
      officer.token,
    );
    expect(created.status).toBe(201);
    expect(created.body.username).toBe('6360599admin02');
    expect(created.body.grant?.state).toBe('draft');
    const concurrent = await api.post(
      '/api/laos/6360599/admins',
      { ...PERSON, email: 'third@example.go.th' },
      officer.token,
    );
    expect([concurrent.status, concurrent.body.code]).toEqual([409, 'LAO_ADMIN_HANDOVER_PENDING']);
    // admin01 still acts while the order is on its way.
    expect((await api.get('/api/laos/6360599/accounts', token01)).status).toBe(200);

    const seeded = await seedOrder(em, {
      laoCode: '6360599',
      provinceCode: '36',
      createdById: admin01.id,
      holderIds: [],
      state: 'verified',
      grantState: 'verified',
    });
    await sql(t.database.url, `update account_grant set order_id = $1, state = 'verified' where id = $2`, [
      seeded.orderId,
      created.body.grant!.id,
    ]);
    const fork = t.app.get(EntityManager).fork();
    await fork.transactional(async (tx) => {
      const order = await tx.findOneOrFail(AppointmentOrder, seeded.orderId, { populate: ['lao'] });
      await t.app.get(TransitionService).applyOrder(tx, order, 'activate', { actor: 'scheduler' });
    });

    const [old] = await sql<{ state: string }>(
      t.database.url,
      'select state from account_grant where id = $1',
      [admin01.grantId],
    );
    expect(old.state).toBe('superseded');
    // Powerless now: the session ended, and a fresh one reads nothing of the LAO.
    expect((await api.get('/api/me', token01)).status).toBe(401);
    const again = await api.login(admin01.username, admin01.password);
    expect((await api.get('/api/laos/6360599/accounts', again)).status).toBe(404);
    expect((await api.get('/api/me', again)).status).toBe(200);

    const [event] = await sql<{ kind: string; reason: string }>(
      t.database.url,
      `select kind, reason from notification_event where kind = 'admin.handover' and order_ids ? $1`,
      [seeded.orderId],
    );
    expect(event.reason).toContain('6360599admin02');
    const recipients = await resolveRecipients(fork, 'admin.handover', [
      await fork.findOneOrFail(AppointmentOrder, seeded.orderId, { populate: ['lao'] }),
    ]);
    expect(recipients.map((r) => r.account.username).sort()).toEqual(
      ['6360599admin01', '6360599admin02', officer.username].sort(),
    );
  });
});
