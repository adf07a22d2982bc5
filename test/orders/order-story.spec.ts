import { EntityManager } from '@mikro-orm/postgresql';
import { bangkokDate } from '../../src/workflow/bangkok-date';
import { ApiClient } from '../support/http';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink';
import { startS3rver, type RunningS3rver } from '../support/s3rver';
import { BOOTSTRAP, createTestApp, type TestApp } from '../support/test-app';
import { startTestWorker, type TestWorker } from '../support/test-worker';
import { createLao } from '../support/workflow-factories';
import { setPasswordFromMail, uploadPdf, waitForBody } from './support/story-helpers';
import { orderTextLines, thaiOrderPdf } from './support/thai-pdf';

interface GrantBody {
  id: string;
  state: string;
  version: number;
  services: { serviceKey: string; actions: string[] }[];
}
interface AccountBody {
  id: string;
  username: string;
  grant: GrantBody;
}
interface OrderBody {
  id: string;
  state: string;
  version: number;
  orderNo: number;
  orderYear: number;
  orderLabel: string;
  grants: (GrantBody & { appointee: { firstName: string } })[];
  document: { id: string; state: string; sha256: string; pages: number; findings: unknown[] } | null;
  history: { event: string; from: string; to: string }[];
}

const PASSWORD = 'Str0ng-Pass-for-DLA-2569';
const SERVICES = ['waste-fee', 'building-permit'];

/**
 * The whole story over HTTP with the worker running in-process, documents in s3rver (MinIO adapter): officer → LAO admin (mailed link) →
 * staff with services → order → Thai PDF → review queue → verify → active → staff sign in.
 */
describe('appointment order story (API + worker + S3 + SMTP)', () => {
  let sink: SmtpSink;
  let s3: RunningS3rver;
  let t: TestApp;
  let worker: TestWorker;
  let api: ApiClient;
  let lao: { code: string; nameTh: string; divisionIds: string[] };
  let officer: string;
  let admin: string;
  let adminAccount: AccountBody;
  const staff: AccountBody[] = [];
  let order: OrderBody;

  beforeAll(async () => {
    sink = await startSmtpSink();
    s3 = await startS3rver();
    t = await createTestApp({
      env: { SMTP_URL: sink.url, ...s3.env },
    });
    worker = await startTestWorker(t.env);
    api = new ApiClient(t.baseUrl);
    lao = await createLao(t.app.get(EntityManager), {
      provinceCode: '36',
      nameTh: 'องค์การบริหารส่วนตำบลคูเมือง',
    });
  });
  afterAll(async () => {
    await worker?.close();
    await t?.close();
    await sink?.close();
    await s3?.stop();
  });

  it('a provincial officer is invited by DLA and sets the password from the e-mailed link', async () => {
    const root = await api.login(BOOTSTRAP.username, BOOTSTRAP.password);
    const res = await api.post(
      '/api/province-officers',
      {
        username: 'cpm.officer01',
        fullName: 'นางสาวสุดา ตรวจดี',
        email: 'suda@cpm.example',
        provinceCode: '36',
      },
      root,
    );
    expect(res.status).toBe(201);
    const invite = await sink.waitFor((m) => m.to.includes('suda@cpm.example'));
    // Invited as what she is: the province's officer, not an LAO admin.
    expect(invite.text).toContain('สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดชัยภูมิ');
    expect(invite.text).not.toContain('ผู้ดูแลระบบ');
    await setPasswordFromMail(api, invite, PASSWORD);
    officer = await api.login('cpm.officer01', PASSWORD);
  });

  it('the officer creates the LAO admin, who sets the password from the mailed link', async () => {
    const res = await api.post<AccountBody>(
      `/api/laos/${lao.code}/admins`,
      {
        title: 'นาย',
        firstName: 'สมชาย',
        lastName: 'ใจดี',
        position: 'นักวิชาการคอมพิวเตอร์',
        email: 'somchai@khumuang.example',
      },
      officer,
    );
    expect(res.status).toBe(201);
    adminAccount = res.body;
    const mail = await sink.waitFor((m) => m.to.includes('somchai@khumuang.example'));
    expect(mail.subject).toContain('ตั้งรหัสผ่าน');
    expect(mail.text).toContain(`ผู้ดูแลระบบ ของ${lao.nameTh}`);
    await setPasswordFromMail(api, mail, PASSWORD);
    admin = await api.login(adminAccount.username, PASSWORD);
  });

  it('the admin enables two services and adds two staff with them', async () => {
    for (const key of SERVICES) {
      const res = await api.put(`/api/laos/${lao.code}/services/${key}`, { enabled: true }, admin);
      expect(res.status).toBe(200);
    }
    const people = [
      {
        title: 'นาง',
        firstName: 'มาลี',
        lastName: 'ศรีสุข',
        email: 'malee@khumuang.example',
        services: [{ serviceKey: 'waste-fee', actions: ['view', 'process'] }],
      },
      {
        title: 'นาย',
        firstName: 'ประยุทธ',
        lastName: 'ขยันดี',
        email: 'prayut@khumuang.example',
        services: [{ serviceKey: 'building-permit', actions: ['view'] }],
      },
    ];
    for (const p of people) {
      const res = await api.post<AccountBody>(
        `/api/laos/${lao.code}/accounts`,
        { ...p, position: 'เจ้าพนักงานธุรการ', divisionId: lao.divisionIds[0] },
        admin,
      );
      expect(res.status).toBe(201);
      staff.push(res.body);
    }
  });

  it('creates the order with Thai digits, idempotently', async () => {
    const body = {
      orderNo: '๑๒',
      orderYear: '๒๕๖๘',
      subject: 'แต่งตั้งผู้ดูแลระบบและเจ้าหน้าที่ผู้ปฏิบัติงาน',
      signedDate: bangkokDate(),
      effectiveDate: bangkokDate(),
      grantIds: [adminAccount.grant.id, ...staff.map((s) => s.grant.id)],
    };
    const headers = { 'idempotency-key': 'create-order-0001' };
    const first = await api.post<OrderBody>(`/api/laos/${lao.code}/orders`, body, admin, headers);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      orderNo: 12,
      orderYear: 2568,
      orderLabel: 'ที่ 12/2568',
      state: 'draft',
    });
    const replay = await api.post<OrderBody>(`/api/laos/${lao.code}/orders`, body, admin, headers);
    expect(replay.status).toBe(201);
    expect(replay.body).toEqual(first.body);
    const changed = await api.post(
      `/api/laos/${lao.code}/orders`,
      { ...body, subject: 'อื่น' },
      admin,
      headers,
    );
    expect(changed.status).toBe(409);
    expect(changed.body.code).toBe('IDEMPOTENCY_CONFLICT');
    const list = await api.get<{ items: OrderBody[] }>(`/api/laos/${lao.code}/orders`, admin);
    expect(list.body.items.map((o) => o.id)).toEqual([first.body.id]);
    order = first.body;
  });

  it('refuses a non-PDF upload with 415 and stores nothing', async () => {
    const res = await uploadPdf(api, admin, order.id, Buffer.from('<html>not a pdf</html>'), 'order.pdf');
    expect(res.status).toBe(415);
    expect(res.body.code).toBe('DOCUMENT_NOT_PDF');
    const fresh = await api.get<OrderBody & { latestUpload: unknown }>(`/api/orders/${order.id}`, admin);
    expect(fresh.body).toMatchObject({
      state: 'draft',
      version: order.version,
      document: null,
      latestUpload: null,
    });
  });

  it('uploads the Thai PDF; the worker validates it and the order becomes uploaded', async () => {
    const names = ['นายสมชาย ใจดี', 'นางมาลี ศรีสุข', 'นายประยุทธ ขยันดี'];
    const pdf = await thaiOrderPdf(
      orderTextLines({ laoName: lao.nameTh, orderNo: 12, orderYear: 2568, names }),
    );
    const res = await uploadPdf(api, admin, order.id, pdf);
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ state: 'processing' });
    order = await waitForBody<OrderBody>(
      api,
      admin,
      `/api/orders/${order.id}`,
      (o) => o.state === 'uploaded',
    );
    expect(order.document).toMatchObject({
      state: expect.stringMatching(/^(valid|needs_manual_check)$/),
      pages: 1,
    });
    expect(order.grants.map((g) => g.state)).toEqual(['uploaded', 'uploaded', 'uploaded']);
    expect(order.history.map((h) => h.event)).toEqual(['upload', 'document.accepted']);
    await sink.waitFor((m) => m.to.includes('suda@cpm.example') && m.subject.includes('รอการตรวจสอบ'));
  });

  it('the officer finds it in the review queue (with findings) and by an appointee name', async () => {
    const queue = await api.get<{ items: { id: string; document: { findings: unknown[] } }[] }>(
      '/api/review-queue',
      officer,
    );
    expect(queue.status).toBe(200);
    expect(queue.body.items.map((i) => i.id)).toEqual([order.id]);
    expect(Array.isArray(queue.body.items[0].document.findings)).toBe(true);
    const byName = await api.get<{ items: { id: string }[] }>(
      `/api/review-queue?q=${encodeURIComponent('มาลี')}`,
      officer,
    );
    expect(byName.body.items.map((i) => i.id)).toEqual([order.id]);
    const none = await api.get<{ items: unknown[] }>(
      `/api/review-queue?q=${encodeURIComponent('ไม่มีชื่อนี้')}`,
      officer,
    );
    expect(none.body.items).toEqual([]);
  });

  it('the officer downloads the PDF (access logged) and verifies; the order and grants become active', async () => {
    const pdf = await fetch(`${t.baseUrl}/api/orders/${order.id}/document`, {
      headers: { authorization: `Bearer ${officer}` },
    });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('x-content-type-options')).toBe('nosniff');
    expect(pdf.headers.get('content-disposition')).toMatch(/^attachment; filename=".*"; filename\*=UTF-8''/);
    expect((await pdf.arrayBuffer()).byteLength).toBeGreaterThan(500);
    const logged = await t.app
      .get(EntityManager)
      .fork()
      .getConnection()
      .execute<{ n: string }[]>(
        `select count(*) as n from audit_entry where action = 'read.document' and details->>'orderId' = ?`,
        [order.id],
      );
    expect(Number(logged[0].n)).toBe(1);

    const res = await api.post<OrderBody>(
      `/api/orders/${order.id}/verify`,
      { version: order.version, documentSha256: order.document!.sha256 },
      officer,
    );
    expect(res.status).toBe(200);
    expect(res.body.state).toBe('verified');
    order = await waitForBody<OrderBody>(api, admin, `/api/orders/${order.id}`, (o) => o.state === 'active');
    expect(order.grants.map((g) => g.state)).toEqual(['active', 'active', 'active']);
    expect(order.history.map((h) => h.event)).toEqual(['upload', 'document.accepted', 'verify', 'activate']);
  });

  it('staff sign in with their activation links and see their services in /api/me', async () => {
    for (const [i, person] of staff.entries()) {
      const email = i === 0 ? 'malee@khumuang.example' : 'prayut@khumuang.example';
      const mail = await sink.waitFor((m) => m.to.includes(email) && m.text.includes('set-password'));
      await setPasswordFromMail(api, mail, PASSWORD);
      const token = await api.login(person.username, PASSWORD);
      const me = await api.get<{ role: string; grant: GrantBody }>('/api/me', token);
      expect(me.body.role).toBe('lao_user');
      expect(me.body.grant).toMatchObject({ state: 'active', services: person.grant.services });
      // Only the granted service, and nothing an admin does.
      const services = await api.get<{ items: { serviceKey: string }[] }>(
        `/api/laos/${lao.code}/services`,
        token,
      );
      expect(services.body.items.map((x) => x.serviceKey)).toEqual([SERVICES[i]]);
      // Of the LAO's accounts a staff member sees only its own.
      const accounts = await api.get<{ items: { id: string }[] }>(`/api/laos/${lao.code}/accounts`, token);
      expect(accounts.body.items.map((a) => a.id)).toEqual([person.id]);
      const selfGrant = await api.post(
        `/api/laos/${lao.code}/accounts`,
        { title: 'นาย', firstName: 'แอบ', lastName: 'เพิ่ม', position: 'x', email: 'sneak@khumuang.example' },
        token,
      );
      expect(selfGrant.status).toBe(403);
    }
  });

  it('the admin was notified in-app and by mail, and can mark a notification read', async () => {
    await sink.waitFor(
      (m) => m.to.includes('somchai@khumuang.example') && m.subject.includes('ผ่านการตรวจสอบ'),
    );
    const list = await waitForBody<{ items: { id: string; kind: string }[] }>(
      api,
      admin,
      '/api/notifications?unread=true',
      (b) => b.items.some((n) => n.kind === 'order.activated'),
    );
    expect(list.items.map((n) => n.kind)).toEqual(
      expect.arrayContaining(['order.verified', 'order.activated']),
    );
    const read = await api.post(`/api/notifications/${list.items[0].id}/read`, {}, admin);
    expect(read.status).toBe(200);
    const someoneElse = await api.post(`/api/notifications/${list.items[1].id}/read`, {}, officer);
    expect(someoneElse.status).toBe(404);
    const unread = await api.get<{ items: { id: string }[] }>('/api/notifications?unread=true', admin);
    expect(unread.body.items.map((n) => n.id)).not.toContain(list.items[0].id);
  });

  it("a staff member's permissions change only through a new verified order", async () => {
    const person = staff[1]; // building-permit: view
    const wanted = [
      { serviceKey: 'building-permit', actions: ['process', 'view'] },
      { serviceKey: 'waste-fee', actions: ['view'] },
    ];
    const proposed = await api.post<GrantBody>(
      `/api/accounts/${person.id}/grants`,
      { services: wanted },
      admin,
    );
    expect(proposed.status).toBe(201);
    expect(proposed.body).toMatchObject({ state: 'draft', services: wanted });
    const again = await api.post(`/api/accounts/${person.id}/grants`, { services: wanted }, admin);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('GRANT_CHANGE_PENDING');
    const forAdmin = await api.post(`/api/accounts/${adminAccount.id}/grants`, { services: wanted }, admin);
    expect(forAdmin.body.code).toBe('GRANT_ONLY_FOR_STAFF');
    const listed = await api.get<{ items: (AccountBody & { pendingGrant: GrantBody | null })[] }>(
      `/api/laos/${lao.code}/accounts`,
      admin,
    );
    const row = listed.body.items.find((a) => a.id === person.id);
    expect(row?.grant.state).toBe('active');
    expect(row?.pendingGrant).toMatchObject({ id: proposed.body.id, state: 'draft' });

    // Until an order makes it active, the old permissions are the ones in force.
    const token = await api.login(person.username, PASSWORD);
    const before = await api.get<{ grant: GrantBody }>('/api/me', token);
    expect(before.body.grant.services).toEqual(person.grant.services);

    const created = await api.post<OrderBody>(
      `/api/laos/${lao.code}/orders`,
      {
        orderNo: '13',
        orderYear: '2568',
        subject: 'แต่งตั้งเจ้าหน้าที่ผู้ปฏิบัติงาน (เปลี่ยนแปลงสิทธิ์)',
        signedDate: bangkokDate(),
        effectiveDate: bangkokDate(),
        grantIds: [proposed.body.id],
      },
      admin,
    );
    expect(created.status).toBe(201);
    const pdf = await thaiOrderPdf(
      orderTextLines({ laoName: lao.nameTh, orderNo: 13, orderYear: 2568, names: ['นายประยุทธ ขยันดี'] }),
    );
    expect((await uploadPdf(api, admin, created.body.id, pdf)).status).toBe(202);
    const uploaded = await waitForBody<OrderBody>(
      api,
      admin,
      `/api/orders/${created.body.id}`,
      (o) => o.state === 'uploaded',
    );
    const verified = await api.post<OrderBody>(
      `/api/orders/${uploaded.id}/verify`,
      { version: uploaded.version, documentSha256: uploaded.document!.sha256 },
      officer,
    );
    expect(verified.status).toBe(200);
    await waitForBody<OrderBody>(api, admin, `/api/orders/${uploaded.id}`, (o) => o.state === 'active');

    const after = await api.get<{ grant: GrantBody }>('/api/me', token);
    expect(after.body.grant).toMatchObject({ id: proposed.body.id, state: 'active', services: wanted });
    const old = await api.get<GrantBody>(`/api/grants/${person.grant.id}`, admin);
    expect(old.body.state).toBe('superseded');
  });

  it('mails leave with a Message-ID derived from the mail id', () => {
    expect(sink.messages.every((m) => /^<[0-9a-f-]{36}@/.test(m.messageId ?? ''))).toBe(true);
  });
});
