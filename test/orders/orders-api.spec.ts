import { randomUUID } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { AppointmentOrder } from '../../src/orders/entities/appointment-order.entity';
import { OrderDocument } from '../../src/documents/entities/order-document.entity';
import { ApiClient } from '../support/http';
import { createTestApp, type TestApp } from '../support/test-app';
import { SHA_A } from '../workflow/support/workflow-harness';
import { createCast, type Cast } from './support/cast';
import { uploadPdf } from './support/story-helpers';

interface OrderBody {
  id: string;
  code?: string;
  state: string;
  version: number;
  orderNo: number;
  orderYear: number;
  grants: { id: string; state: string }[];
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile() && !e.parentPath.includes('.meta'))
    .map((e) => join(e.parentPath, e.name));
}

describe('orders API (no worker)', () => {
  let t: TestApp;
  let api: ApiClient;
  let c: Cast;

  beforeAll(async () => {
    t = await createTestApp();
    api = new ApiClient(t.baseUrl);
    c = await createCast(t, api);
  });
  afterAll(() => t.close());

  const create = (grantIds: string[], extra: Record<string, unknown> = {}, laoCode = c.lao.code) =>
    api.post<OrderBody>(
      `/api/laos/${laoCode}/orders`,
      {
        orderNo: 7,
        orderYear: 2568,
        subject: 'แต่งตั้งเจ้าหน้าที่',
        signedDate: '2025-11-01',
        effectiveDate: '2025-11-02',
        grantIds,
        ...extra,
      },
      c.admin.token,
    );

  it('creates with Arabic numbers; the same number of the LAO and year is 409 ORDER_NUMBER_TAKEN', async () => {
    const first = await create([(await c.draftGrant()).grantId!]);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ orderNo: 7, orderYear: 2568, state: 'draft', version: 1 });
    const again = await create([(await c.draftGrant()).grantId!], { orderNo: '๗' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('ORDER_NUMBER_TAKEN');
    const nextYear = await create([(await c.draftGrant()).grantId!], { orderYear: '๒๕๖๙' });
    expect(nextYear.status).toBe(201);
  });

  it.each([
    [{ orderYear: 2025 }, 'ORDER_YEAR_INVALID'],
    [{ orderNo: 0 }, 'ORDER_NUMBER_INVALID'],
    [{ orderNo: '1๒' }, 'VALIDATION_FAILED'],
    [{ effectiveDate: '2025-13-01' }, 'VALIDATION_FAILED'],
  ])('refuses invalid input %j with %s', async (extra, code) => {
    const res = await create([(await c.draftGrant()).grantId!], { orderNo: 99, ...extra });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe(code);
  });

  it('takes only draft grants of the same LAO that are on no other order', async () => {
    const foreign = await c.draftGrant(c.otherLao.code);
    expect((await create([foreign.grantId!], { orderNo: 101 })).status).toBe(404);
    const taken = await c.draftGrant();
    expect((await create([taken.grantId!], { orderNo: 102 })).status).toBe(201);
    const twice = await create([taken.grantId!], { orderNo: 103 });
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('GRANT_ON_OTHER_ORDER');
    const active = await c.order('active', 'active');
    const notDraft = await create(active.grantIds, { orderNo: 104 });
    expect(notDraft.status).toBe(409);
  });

  it('patches metadata while draft against the version, not once uploaded', async () => {
    const created = await create([(await c.draftGrant()).grantId!], { orderNo: 201 });
    const stale = await api.patch(
      `/api/orders/${created.body.id}`,
      { version: 9, subject: 'ใหม่' },
      c.admin.token,
    );
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('ORDER_VERSION_CONFLICT');
    const ok = await api.patch<OrderBody>(
      `/api/orders/${created.body.id}`,
      { version: 1, orderNo: '๒๐๒' },
      c.admin.token,
    );
    expect(ok.body).toMatchObject({ orderNo: 202, version: 2 });
    // While its PDF is being checked, the order keeps what the check compares against.
    await c.em.fork().insert(OrderDocument, {
      id: randomUUID(),
      order: created.body.id,
      state: 'processing',
      sha256: 'b'.repeat(64),
      size: 1000,
      filename: 'order.pdf',
      quarantineKey: `orders/${created.body.id}/processing.pdf`,
      uploadedBy: c.admin.id,
    });
    const busy = await api.patch(
      `/api/orders/${created.body.id}`,
      { version: 2, orderNo: 203 },
      c.admin.token,
    );
    expect(busy.status).toBe(409);
    expect(busy.body.code).toBe('ORDER_DOCUMENT_PROCESSING');
    expect(String(busy.body.message)).toMatch(/[ก-๙]/);
    const uploaded = await c.order('uploaded', 'uploaded');
    const locked = await api.patch(
      `/api/orders/${uploaded.orderId}`,
      { version: 1, subject: 'ใหม่' },
      c.admin.token,
    );
    expect(locked.status).toBe(409);
    expect(locked.body).toMatchObject({ code: 'ORDER_NOT_EDITABLE', details: { state: 'uploaded' } });
  });

  it('isolates provinces and LAOs: 404 on the order, its history and document; not in the queue', async () => {
    const { orderId } = await c.order('uploaded', 'uploaded');
    for (const path of [
      `/api/orders/${orderId}`,
      `/api/orders/${orderId}/history`,
      `/api/orders/${orderId}/document`,
    ]) {
      expect((await api.get(path, c.farOfficer.token)).status).toBe(404);
      expect((await api.get(path, c.otherAdmin.token)).status).toBe(404);
    }
    const queue = await api.get<{ items: { id: string }[] }>('/api/review-queue', c.farOfficer.token);
    expect(queue.body.items.map((i) => i.id)).not.toContain(orderId);
    const verify = await api.post(
      `/api/orders/${orderId}/verify`,
      { version: 1, documentSha256: SHA_A },
      c.farOfficer.token,
    );
    expect(verify.status).toBe(404);
    expect((await api.get(`/api/orders/${orderId}`, c.officer.token)).status).toBe(200);
  });

  it('two officers verifying at once: exactly one 200, the other 409, one history row', async () => {
    const { orderId, version } = await c.order('uploaded', 'uploaded');
    const body = { version, documentSha256: SHA_A };
    const answers = await Promise.all([
      api.post(`/api/orders/${orderId}/verify`, body, c.officer.token),
      api.post(`/api/orders/${orderId}/verify`, body, c.officer2.token),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    const history = await api.get<{ items: { event: string }[] }>(
      `/api/orders/${orderId}/history`,
      c.officer.token,
    );
    expect(history.body.items.filter((h) => h.event === 'verify')).toHaveLength(1);
  });

  it('returns with a Thai reason (REASON_REQUIRED otherwise); the admin withdraws an uploaded order', async () => {
    const { orderId, version } = await c.order('uploaded', 'uploaded');
    const blank = await api.post(`/api/orders/${orderId}/return`, { version, reason: '  ' }, c.officer.token);
    expect(blank.status).toBe(400);
    expect(blank.body.code).toBe('REASON_REQUIRED');
    const returned = await api.post<OrderBody>(
      `/api/orders/${orderId}/return`,
      { version, reason: 'ชื่อผู้ได้รับแต่งตั้งไม่ตรงกับเอกสาร' },
      c.officer.token,
    );
    expect(returned.body).toMatchObject({ state: 'returned', version: version + 1 });
    expect(returned.body.grants.map((g) => g.state)).toEqual(['draft']);
    const history = await api.get<{ items: { event: string; reason: string | null }[] }>(
      `/api/orders/${orderId}/history`,
      c.admin.token,
    );
    expect(history.body.items).toEqual([
      expect.objectContaining({ event: 'return', reason: 'ชื่อผู้ได้รับแต่งตั้งไม่ตรงกับเอกสาร' }),
    ]);
    const other = await c.order('uploaded', 'uploaded');
    const withdrawn = await api.post<OrderBody>(
      `/api/orders/${other.orderId}/withdraw`,
      { version: other.version },
      c.admin.token,
    );
    expect(withdrawn.body.state).toBe('draft');
    const again = await api.post(
      `/api/orders/${other.orderId}/withdraw`,
      { version: withdrawn.body.version },
      c.admin.token,
    );
    expect(again.body).toMatchObject({ code: 'ORDER_STATE_CONFLICT', details: { state: 'draft' } });
  });

  it('bulk verify answers per item; each item its own transaction', async () => {
    const a = await c.order('uploaded', 'uploaded');
    const b = await c.order('uploaded', 'uploaded', c.otherLao.code);
    const d = await c.order('uploaded', 'uploaded');
    const res = await api.post<{ items: { id: string; ok: boolean; code?: string }[] }>(
      '/api/review-queue/verify',
      {
        items: [
          { id: a.orderId, version: a.version, documentSha256: SHA_A },
          { id: b.orderId, version: b.version, documentSha256: SHA_A },
          { id: d.orderId, version: d.version + 3, documentSha256: SHA_A },
        ],
      },
      c.officer.token,
    );
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([
      { id: a.orderId, ok: true, version: a.version + 1 },
      { id: b.orderId, ok: true, version: b.version + 1 },
      expect.objectContaining({ id: d.orderId, ok: false, code: 'ORDER_VERSION_CONFLICT' }),
    ]);
    expect((await c.em.fork().findOneOrFail(AppointmentOrder, d.orderId)).state).toBe('uploaded');
  });

  it('revokes a staff grant directly with a reason; a LAO admin cannot revoke an admin grant', async () => {
    const { grantIds } = await c.order('active', 'active');
    const grant = await api.get<{ state: string; version: number }>(
      `/api/grants/${grantIds[0]}`,
      c.admin.token,
    );
    expect(grant.body.state).toBe('active');
    const revoked = await api.post<{ state: string }>(
      `/api/grants/${grantIds[0]}/revoke`,
      { version: grant.body.version, reason: 'ย้ายไปปฏิบัติงานที่อื่น' },
      c.admin.token,
    );
    expect(revoked.body.state).toBe('revoked');
    const own = await api.post(
      `/api/grants/${c.admin.grantId}/revoke`,
      { version: 1, reason: 'ทดสอบ' },
      c.admin.token,
    );
    expect(own.status).toBe(403);
    expect((await api.get(`/api/grants/${grantIds[0]}`, c.farOfficer.token)).status).toBe(404);
  });

  it('upload: non-PDF → 415 and nothing stored; a verified order → 409; over 20 MB → 413', async () => {
    const draft = await c.order('draft', 'draft');
    const html = await uploadPdf(api, c.admin.token, draft.orderId, Buffer.from('<!doctype html><p>x</p>'));
    expect(html.status).toBe(415);
    expect(html.body.code).toBe('DOCUMENT_NOT_PDF');
    expect(await c.em.fork().count(OrderDocument, { order: draft.orderId })).toBe(1);
    expect(await filesUnder(join(t.env.STORAGE_DIR, t.config.storage.bucketQuarantine))).toEqual([]);
    const verified = await c.order('verified', 'verified');
    const late = await uploadPdf(api, c.admin.token, verified.orderId, Buffer.from('%PDF-1.7\n'));
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ code: 'ORDER_STATE_CONFLICT', details: { state: 'verified' } });
    const big = await uploadPdf(
      api,
      c.admin.token,
      draft.orderId,
      Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(21 * 1024 * 1024)]),
    );
    expect(big.status).toBe(413);
    expect(big.body.code).toBe('DOCUMENT_TOO_LARGE');
  });
});
