import { AppointmentOrder } from '../../src/orders/entities/appointment-order.entity';
import { Notification } from '../../src/notifications/entities/notification.entity';
import { addDays, bangkokDate } from '../../src/workflow/bangkok-date';
import { ApiClient } from '../support/http';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink';
import { createTestApp, type TestApp } from '../support/test-app';
import { startTestWorker, type TestWorker } from '../support/test-worker';
import { SHA_A } from '../workflow/support/workflow-harness';
import { createCast, type Cast } from './support/cast';
import { uploadPdf, waitForBody } from './support/story-helpers';

interface OrderBody {
  id: string;
  state: string;
  version: number;
  history: { event: string; reason: string | null }[];
  latestUpload: { state: string; rejection?: { code: string; message: string } } | null;
}

describe('worker jobs: activation sweep, bulk summaries, rejected documents', () => {
  let sink: SmtpSink;
  let t: TestApp;
  let worker: TestWorker | undefined;
  let api: ApiClient;
  let c: Cast;

  beforeAll(async () => {
    sink = await startSmtpSink();
    t = await createTestApp({ env: { SMTP_URL: sink.url } });
    api = new ApiClient(t.baseUrl);
    c = await createCast(t, api);
    worker = await startTestWorker(t.env);
  });
  afterAll(async () => {
    await worker?.close();
    await t.close();
    await sink.close();
  });

  it('a verified order whose delayed activation was missed is activated by the sweep after a restart', async () => {
    const seeded = await c.order('uploaded', 'uploaded');
    await c.em
      .fork()
      .nativeUpdate(AppointmentOrder, seeded.orderId, { effectiveDate: addDays(bangkokDate(), 3) });
    const verified = await api.post<OrderBody>(
      `/api/orders/${seeded.orderId}/verify`,
      { version: seeded.version + 1, documentSha256: SHA_A },
      c.officer.token,
    );
    expect(verified.body.state).toBe('verified');
    await worker!.close();
    worker = undefined;
    // Time passes while no worker runs: the effective date is now behind us, the delayed job still ahead.
    await c.em
      .fork()
      .nativeUpdate(AppointmentOrder, seeded.orderId, { effectiveDate: addDays(bangkokDate(), -1) });
    worker = await startTestWorker(t.env);
    const order = await waitForBody<OrderBody>(
      api,
      c.admin.token,
      `/api/orders/${seeded.orderId}`,
      (o) => o.state === 'active',
    );
    expect(order.history.map((h) => h.event)).toEqual(['verify', 'activate']);
  });

  it('a bulk verify sends each LAO admin one summary, in-app and by mail', async () => {
    const a = await c.order('uploaded', 'uploaded');
    const b = await c.order('uploaded', 'uploaded');
    const since = new Date();
    const res = await api.post<{ items: { ok: boolean }[] }>(
      '/api/review-queue/verify',
      { items: [a, b].map((o) => ({ id: o.orderId, version: o.version, documentSha256: SHA_A })) },
      c.officer.token,
    );
    expect(res.body.items.every((i) => i.ok)).toBe(true);
    const adminMail = `${c.admin.username}@test.localhost`;
    const summary = await sink.waitFor(
      (m) => m.to.includes(adminMail) && m.subject.includes('ผ่านการตรวจสอบแล้ว 2 รายการ'),
    );
    expect(summary.text).toContain('ที่ ');
    const notes = await waitForBody<{ items: { kind: string; title: string }[] }>(
      api,
      c.admin.token,
      '/api/notifications',
      (n) => n.items.some((i) => i.kind === 'order.verified'),
    );
    expect(notes.items.find((n) => n.kind === 'order.verified')?.title).toContain('2 รายการ');
    const labels = (await c.em.fork().find(AppointmentOrder, { id: { $in: [a.orderId, b.orderId] } })).map(
      (o) => `ที่ ${o.orderNo}/${o.orderYear}`,
    );
    await sink.waitFor((m) => m.to.includes(adminMail) && labels.every((l) => m.text.includes(l)));
    const aboutThem = sink.messages.filter(
      (m) =>
        m.to.includes(adminMail) &&
        m.subject.includes('ผ่านการตรวจสอบ') &&
        labels.some((l) => m.text.includes(l)),
    );
    expect(aboutThem).toHaveLength(1);
    expect(
      await c.em
        .fork()
        .count(Notification, { account: c.admin.id, kind: 'order.verified', createdAt: { $gte: since } }),
    ).toBe(1);
    // Both were in effect at once: their activations (two jobs, two transactions) make one mail too.
    const inEffect = await sink.waitFor(
      (m) =>
        m.to.includes(adminMail) &&
        m.subject.includes('มีผลใช้งานแล้ว') &&
        labels.some((l) => m.text.includes(l)),
    );
    expect(inEffect.subject).toMatch(/มีผลใช้งานแล้ว \d+ รายการ/);
    expect(labels.every((l) => inEffect.text.includes(l))).toBe(true);
    // Once every event is dispatched, one in-app notice (written with its mail) names these orders.
    const conn = c.em.fork().getConnection();
    for (let i = 0; i < 100; i++) {
      const [{ n }] = await conn.execute<{ n: string }[]>(
        'select count(*) as n from notification_event where dispatched_at is null',
      );
      if (Number(n) === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const activated = await c.em
      .fork()
      .find(Notification, { account: c.admin.id, kind: 'order.activated', createdAt: { $gte: since } });
    expect(activated.filter((n) => labels.some((l) => n.body.includes(l)))).toHaveLength(1);
  });

  it('a returned order tells its LAO admin why, in-app and by mail', async () => {
    const seeded = await c.order('uploaded', 'uploaded');
    const reason = 'เลขที่คำสั่งในเอกสารไม่ตรงกับที่กรอก';
    const res = await api.post<OrderBody>(
      `/api/orders/${seeded.orderId}/return`,
      { version: seeded.version, reason },
      c.officer.token,
    );
    expect(res.body.state).toBe('returned');
    const adminMail = `${c.admin.username}@test.localhost`;
    const mail = await sink.waitFor((m) => m.to.includes(adminMail) && m.subject.includes('ส่งกลับให้แก้ไข'));
    expect(mail.text).toContain(`เหตุผล: ${reason}`);
    const notes = await waitForBody<{ items: { kind: string; body: string; link: string }[] }>(
      api,
      c.admin.token,
      '/api/notifications',
      (n) => n.items.some((i) => i.kind === 'order.returned'),
    );
    const note = notes.items.find((i) => i.kind === 'order.returned');
    expect(note?.body).toContain(reason);
    expect(note?.link).toContain(`/orders/${seeded.orderId}`);
  });

  it('a broken PDF is rejected by the worker: reasons recorded, order stays draft, the admin is told', async () => {
    const draft = await c.order('draft', 'draft');
    const res = await uploadPdf(
      api,
      c.admin.token,
      draft.orderId,
      Buffer.from('%PDF-1.7\nthis is not really a pdf\n%%EOF\n'),
    );
    expect(res.status).toBe(202);
    const order = await waitForBody<OrderBody>(
      api,
      c.admin.token,
      `/api/orders/${draft.orderId}`,
      (o) => o.latestUpload?.state === 'rejected',
    );
    expect(order.state).toBe('draft');
    expect(order.latestUpload?.rejection?.code).toMatch(/^DOCUMENT_/);
    expect(order.history.map((h) => h.event)).toEqual(['upload', 'document.rejected']);
    expect(order.history[1].reason).toBe(order.latestUpload?.rejection?.message);
    await sink.waitFor(
      (m) => m.to.includes(`${c.admin.username}@test.localhost`) && m.subject.includes('ไม่ผ่านการตรวจสอบ'),
    );
  });
});
