import { createAccount, emOf } from '../support/factories';
import { ApiClient } from '../support/http';
import { BOOTSTRAP, createTestApp, type TestApp } from '../support/test-app';
import { createLao, enableServicesInDb } from '../support/workflow-factories';
import { insertLao, laoAdminFor, officerFor, sql } from './identity-helpers';

describe('who creates whom, and isolation between provinces and LAOs', () => {
  let t: TestApp;
  let api: ApiClient;
  let adminToken: string;
  let officer36: Awaited<ReturnType<typeof officerFor>>;
  let officer20: Awaited<ReturnType<typeof officerFor>>;

  beforeAll(async () => {
    t = await createTestApp();
    api = new ApiClient(t.baseUrl);
    await insertLao(t.database.url, '6360507', '36', 'องค์การบริหารส่วนตำบลคูเมือง');
    await insertLao(t.database.url, '5360201', '36', 'เทศบาลตำบลตลาดแร้ง');
    await insertLao(t.database.url, '6200101', '20', 'อบต.ชลบุรีทดสอบ');
    adminToken = await api.login(BOOTSTRAP.username, BOOTSTRAP.password);
    officer36 = await officerFor(api, t.database.url, adminToken, '36');
    officer20 = await officerFor(api, t.database.url, adminToken, '20');
  });
  afterAll(() => t.close());

  /** Creates an LAO admin and disables it at once: the next one is then not a second handover. */
  async function postAdmin<T = Record<string, unknown>>(
    path: string,
    body: Record<string, unknown>,
    token: string,
  ) {
    const res = await api.post<T & { id: string }>(path, body, token);
    if (res.status === 201) await api.post(`/api/accounts/${res.body.id}/disable`, {}, token);
    return res;
  }

  it('lets an officer create the LAO admin of its province with a generated username and a draft grant', async () => {
    const body2 = () => ({ title: 'นาง', firstName: 'สมศรี', lastName: 'ใจงาม', position: 'รองปลัด' });
    const res = await api.post<{
      id: string;
      username: string;
      role: string;
      status: string;
      grant: { state: string; role: string };
    }>(
      '/api/laos/6360507/admins',
      {
        title: 'นาย',
        firstName: 'สมชาย',
        lastName: 'ใจดี',
        position: 'ปลัด อบต.',
        email: 'somchai@example.go.th',
      },
      officer36.token,
    );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ username: '6360507admin01', role: 'lao_admin', status: 'invited' });
    expect(res.body.grant).toMatchObject({ state: 'draft', role: 'lao_admin' });
    // One admin waiting for its order at a time: a second is refused until the first is disabled.
    const second = await api.post(
      '/api/laos/6360507/admins',
      { ...body2(), email: 'x@example.go.th' },
      officer36.token,
    );
    expect(second.status).toBe(409);
    expect(second.body.code).toBe('LAO_ADMIN_HANDOVER_PENDING');
    expect((await api.post(`/api/accounts/${res.body.id}/disable`, {}, officer36.token)).status).toBe(201);
    const next = await api.post<{ username: string }>(
      '/api/laos/6360507/admins',
      {
        title: 'นาง',
        firstName: 'สมศรี',
        lastName: 'ใจงาม',
        position: 'รองปลัด',
        email: 'somsri@example.go.th',
      },
      officer36.token,
    );
    expect(next.body.username).toBe('6360507admin02');
    const mails = await sql<{ subject: string; text: string }>(
      t.database.url,
      `select subject, text from mail_message where "to" = 'somchai@example.go.th'`,
    );
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toContain('ตั้งรหัสผ่าน');
    expect(mails[0].text).toContain('6360507admin01');
    // The stored row holds the link with an empty slot: the token itself is sealed beside it.
    expect(mails[0].text).toContain('/set-password#token={{secret}}');
    expect(mails[0].text).not.toMatch(/^(รหัสผ่าน|Password)\s*:/im);
  });

  it("lists the provincial officers to DLA, by province; an officer sees only its own province's; a bad filter is a 400", async () => {
    type Officers = { items: { username: string; provinceCode: string; role: string; status: string }[] };
    const all = await api.get<Officers>('/api/province-officers', adminToken);
    expect(all.status).toBe(200);
    expect(all.body.items.map((o) => [o.username, o.provinceCode])).toEqual([
      [officer20.username, '20'],
      [officer36.username, '36'],
    ]);
    expect(all.body.items.every((o) => o.role === 'province_officer' && o.status === 'active')).toBe(true);
    const only36 = await api.get<Officers>('/api/province-officers?province=36', adminToken);
    expect(only36.body.items.map((o) => o.username)).toEqual([officer36.username]);
    const self = await api.get<Officers>('/api/province-officers', officer36.token);
    expect(self.body.items.map((o) => o.username)).toEqual([officer36.username]);
    const bad = await api.get<{ code: string }>('/api/province-officers?province=Chaiyaphum', adminToken);
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
  });

  it('answers 404 (not 403) to an officer for an LAO of another province, and creates nothing', async () => {
    const before = await sql(t.database.url, 'select count(*)::int as n from account');
    const res = await api.post(
      '/api/laos/6200101/admins',
      { title: 'นาย', firstName: 'ก', lastName: 'ข', position: 'ปลัด', email: 'x@example.go.th' },
      officer36.token,
    );
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('LAO_NOT_FOUND');
    expect(await sql(t.database.url, 'select count(*)::int as n from account')).toEqual(before);
    const list = await api.get('/api/laos/6200101/accounts', officer36.token);
    expect(list.status).toBe(404);
  });

  it('refuses escalation fields in a body with 400', async () => {
    for (const field of ['role', 'provinceCode', 'grantState']) {
      const res = await api.post(
        '/api/laos/6360507/admins',
        {
          title: 'นาย',
          firstName: 'ก',
          lastName: 'ข',
          position: 'ปลัด',
          email: 'y@example.go.th',
          [field]: 'dla_admin',
        },
        officer36.token,
      );
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
    }
  });

  it('treats usernames case-insensitively after NFC normalisation and trimming', async () => {
    const body = { title: 'นาย', firstName: 'ก', lastName: 'ข', position: 'ปลัด', email: 'z@example.go.th' };
    const first = await postAdmin(
      '/api/laos/5360201/admins',
      { ...body, username: 'Talaeng.Admin' },
      officer36.token,
    );
    expect(first.status).toBe(201);
    const clash = await postAdmin(
      '/api/laos/5360201/admins',
      { ...body, username: '  talaeng.admin ' },
      officer36.token,
    );
    expect(clash.status).toBe(409);
    expect(clash.body.code).toBe('USERNAME_TAKEN');
    // A Latin decomposed accent composes under NFC: é as e + U+0301.
    const composed = await postAdmin(
      '/api/laos/5360201/admins',
      { ...body, username: 'jos\u00e9.admin' },
      officer36.token,
    );
    expect(composed.status).toBe(201);
    const decomposed = await postAdmin(
      '/api/laos/5360201/admins',
      { ...body, username: 'JOSE\u0301.admin' },
      officer36.token,
    );
    expect(decomposed.status).toBe(409);
  });

  it('treats a Thai username typed with a split SARA AM or a zero-width space as the composed one', async () => {
    const body = { title: 'นาย', firstName: 'ก', lastName: 'ข', position: 'ปลัด', email: 'n@example.go.th' };
    // น้ำใส: SARA AM (U+0E33) after MAI THO; NFC cannot compose NIKHAHIT + SARA AA (U+0E4D U+0E32).
    const composed = await postAdmin(
      '/api/laos/5360201/admins',
      { ...body, username: 'น้ำใส.admin' },
      officer36.token,
    );
    expect(composed.status).toBe(201);
    for (const username of [
      'น\u0E4D\u0E49\u0E32ใส.admin',
      'น\u0E49\u0E4D\u0E32ใส.admin',
      'น้ำ\u200Bใส.admin',
    ]) {
      const clash = await postAdmin('/api/laos/5360201/admins', { ...body, username }, officer36.token);
      expect({ username, status: clash.status, code: clash.body.code }).toEqual({
        username,
        status: 409,
        code: 'USERNAME_TAKEN',
      });
    }
    // Typed split, it is stored composed.
    const split = await postAdmin<{ username: string }>(
      '/api/laos/5360201/admins',
      { ...body, username: 'ท\u0E4D\u0E32ดี.admin' },
      officer36.token,
    );
    expect(split.body.username).toBe('ทำดี.admin');
  });

  it('stores Thai names typed with a split SARA AM or zero-width characters in their composed form', async () => {
    const res = await postAdmin<{ firstName: string; lastName: string; position: string }>(
      '/api/laos/5360201/admins',
      {
        title: 'นาย',
        firstName: 'สม\u200Bชาย',
        lastName: 'ค\u0E4D\u0E32มา',
        position: 'ปลัด  อบต.',
        email: 'kamma@example.go.th',
      },
      officer36.token,
    );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ firstName: 'สมชาย', lastName: 'คำมา', position: 'ปลัด อบต.' });
  });

  it('lets a LAO admin see only its own LAO and not create admins', async () => {
    const admin = await laoAdminFor(api, t.database.url, officer36.token, '5360201');
    expect((await api.get('/api/laos/5360201/accounts', admin.token)).status).toBe(200);
    expect((await api.get('/api/laos/6360507/accounts', admin.token)).status).toBe(404);
    const res = await postAdmin(
      '/api/laos/5360201/admins',
      { title: 'นาย', firstName: 'ก', lastName: 'ข', position: 'ปลัด', email: 'w@example.go.th' },
      admin.token,
    );
    expect(res.status).toBe(403);
  });

  it('refuses a disabled account on its very next request, even with a valid token', async () => {
    const admin = await laoAdminFor(api, t.database.url, officer20.token, '6200101');
    expect((await api.get('/api/me', admin.token)).status).toBe(200);
    const disabled = await api.post(`/api/accounts/${admin.id}/disable`, {}, officer20.token);
    expect(disabled.status).toBe(201);
    const after = await api.get('/api/me', admin.token);
    expect(after.status).toBe(401);
    expect(after.body.code).toBe('AUTH_ACCOUNT_DISABLED');
    // Officers of another province cannot even see it.
    expect((await api.post(`/api/accounts/${admin.id}/disable`, {}, officer36.token)).status).toBe(404);
  });

  it('logs a read of someone else’s record in the audit log', async () => {
    await insertLao(t.database.url, '6360508', '36', 'องค์การบริหารส่วนตำบลอ่านดี');
    const admin = await laoAdminFor(api, t.database.url, officer36.token, '6360508');
    const res = await api.get(`/api/accounts/${admin.id}`, officer36.token);
    expect(res.status).toBe(200);
    const rows = await sql(
      t.database.url,
      `select actor_id from audit_entry where action = 'read.account' and subject_id = $1`,
      [admin.id],
    );
    expect(rows).toEqual([{ actor_id: officer36.id }]);
    // A list of the LAO's people is a read of personal data too: one row for the list.
    const list = await api.get('/api/laos/6360508/accounts', officer36.token);
    expect(list.status).toBe(200);
    const listed = await sql<{ actor_id: string; details: { laoCode: string; count: number } }>(
      t.database.url,
      `select actor_id, details from audit_entry where action = 'read.accounts' and details->>'laoCode' = '6360508'`,
    );
    expect(listed).toEqual([
      { actor_id: officer36.id, details: expect.objectContaining({ laoCode: '6360508' }) },
    ]);
    expect(listed[0].details.count).toBeGreaterThanOrEqual(1);
  });

  describe('bad input on staff creation gets a clear error and creates nothing', () => {
    let own: { code: string; divisionIds: string[] };
    let foreign: { code: string; divisionIds: string[] };
    let adminToken36: string;
    const staff = () => ({
      title: 'นางสาว',
      firstName: 'มาลี',
      lastName: 'ขยันดี',
      position: 'เจ้าพนักงานธุรการ',
      email: 'malee@example.go.th',
      divisionId: own.divisionIds[0],
      services: [{ serviceKey: 'waste-fee', actions: ['view'] }],
    });
    const counts = async () =>
      sql(
        t.database.url,
        'select (select count(*)::int from account) as accounts, (select count(*)::int from account_grant) as grants',
      );

    beforeAll(async () => {
      own = await createLao(emOf(t), { provinceCode: '36', code: '6360901' });
      foreign = await createLao(emOf(t), { provinceCode: '20', code: '6200902' });
      await enableServicesInDb(emOf(t), own.code, ['waste-fee']);
      await enableServicesInDb(emOf(t), foreign.code, ['building-permit']);
      const admin = await createAccount(emOf(t), { role: 'lao_admin', laoCode: own.code });
      adminToken36 = await api.login(admin.username, admin.password);
    });

    it.each([
      ['an over-long firstName', { firstName: 'ก'.repeat(101) }, 400, 'VALIDATION_FAILED', 'firstName'],
      ['an invalid e-mail', { email: 'malee-at-example' }, 400, 'VALIDATION_FAILED', 'email'],
      [
        'a lastName of zero-width spaces only',
        { lastName: '\u200B\u200B' },
        400,
        'VALIDATION_FAILED',
        'lastName',
      ],
      [
        'an unknown permission',
        { services: [{ serviceKey: 'waste-fee', actions: ['grant'] }] },
        400,
        'VALIDATION_FAILED',
        'services.0.actions',
      ],
    ])('answers %s with 400 naming the field', async (_, change, status, code, field) => {
      const before = await counts();
      const res = await api.post<{ code: string; message: string; details: { fields: { field: string }[] } }>(
        `/api/laos/${own.code}/accounts`,
        { ...staff(), ...change },
        adminToken36,
      );
      expect({ status: res.status, code: res.body.code }).toEqual({ status, code });
      expect(res.body.details.fields.map((f) => f.field)).toEqual([field]);
      expect(res.body.message).toContain(field);
      expect(await counts()).toEqual(before);
    });

    it('answers 404 for a division of another LAO and for a service this LAO has not enabled', async () => {
      const before = await counts();
      const otherDivision = await api.post(
        `/api/laos/${own.code}/accounts`,
        { ...staff(), divisionId: foreign.divisionIds[0] },
        adminToken36,
      );
      expect({ status: otherDivision.status, code: otherDivision.body.code }).toEqual({
        status: 404,
        code: 'DIVISION_NOT_FOUND',
      });
      // building-permit is enabled in the other LAO only; unknown-service is in no catalog.
      for (const serviceKey of ['building-permit', 'unknown-service']) {
        const res = await api.post(
          `/api/laos/${own.code}/accounts`,
          { ...staff(), services: [{ serviceKey, actions: ['view'] }] },
          adminToken36,
        );
        expect({ serviceKey, status: res.status, code: res.body.code }).toEqual({
          serviceKey,
          status: 404,
          code: 'SERVICE_NOT_ENABLED',
        });
      }
      const noLao = await api.post('/api/laos/6369999/accounts', staff(), adminToken36);
      expect({ status: noLao.status, code: noLao.body.code }).toEqual({ status: 404, code: 'LAO_NOT_FOUND' });
      expect(await counts()).toEqual(before);
      // The same body with its own division and an enabled service is accepted: the refusals above were the input.
      expect((await api.post(`/api/laos/${own.code}/accounts`, staff(), adminToken36)).status).toBe(201);
    });
  });
});
