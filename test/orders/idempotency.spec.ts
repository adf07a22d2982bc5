import { ApiClient } from '../support/http';
import { BOOTSTRAP, createTestApp, type TestApp } from '../support/test-app';
import { SHA_A } from '../workflow/support/workflow-harness';
import { createCast, type Cast } from './support/cast';

/** A double-clicked submit (the same POST twice with one `Idempotency-Key`) acts once, on any signed-in POST. */
describe('Idempotency-Key on POSTs', () => {
  let t: TestApp;
  let api: ApiClient;
  let c: Cast;

  beforeAll(async () => {
    t = await createTestApp();
    api = new ApiClient(t.baseUrl);
    c = await createCast(t, api);
  });
  afterAll(() => t.close());

  it('creates one provincial officer for two identical requests, and refuses the key for another body', async () => {
    const root = await api.login(BOOTSTRAP.username, BOOTSTRAP.password);
    const body = {
      username: 'kkn.officer07',
      fullName: 'นายสมปอง ตรวจงาน',
      email: 'sompong@kkn.example',
      provinceCode: '40',
    };
    const headers = { 'idempotency-key': 'officer-form-0001' };
    const first = await api.post<{ id: string }>('/api/province-officers', body, root, headers);
    const again = await api.post<{ id: string }>('/api/province-officers', body, root, headers);
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body.id).toBe(first.body.id);
    const officers = await api.get<{ items: { username: string }[] }>(
      '/api/province-officers?province=40',
      root,
    );
    expect(officers.body.items.filter((o) => o.username === body.username)).toHaveLength(1);
    const other = await api.post(
      '/api/province-officers',
      { ...body, username: 'kkn.officer08' },
      root,
      headers,
    );
    expect(other.status).toBe(409);
    expect(other.body.code).toBe('IDEMPOTENCY_CONFLICT');
  });

  it('replays a bulk verify with its per-item results instead of answering 409 for the second click', async () => {
    const order = await c.order('uploaded', 'uploaded');
    const body = { items: [{ id: order.orderId, version: order.version, documentSha256: SHA_A }] };
    const headers = { 'idempotency-key': 'bulk-verify-0001' };
    const first = await api.post<{ items: { ok: boolean }[] }>(
      '/api/review-queue/verify',
      body,
      c.officer.token,
      headers,
    );
    const again = await api.post<{ items: { ok: boolean }[] }>(
      '/api/review-queue/verify',
      body,
      c.officer.token,
      headers,
    );
    expect(first.body.items.map((i) => i.ok)).toEqual([true]);
    expect(again.status).toBe(first.status);
    expect(again.body).toEqual(first.body);
    const history = await c.em
      .fork()
      .getConnection()
      .execute<{ n: string }[]>(
        `select count(*) as n from workflow_history where item_id = ? and event = 'verify'`,
        [order.orderId],
      );
    expect(Number(history[0].n)).toBe(1);
  });

  it("keys are the caller's own: another officer's request with the same key runs as its own", async () => {
    const order = await c.order('uploaded', 'uploaded');
    const headers = { 'idempotency-key': 'shared-key-0001' };
    const mine = await api.post(
      `/api/orders/${order.orderId}/return`,
      { version: order.version, reason: 'ไม่ชัด' },
      c.officer.token,
      headers,
    );
    expect(mine.status).toBe(200);
    const theirs = await api.post(
      `/api/orders/${order.orderId}/return`,
      { version: order.version, reason: 'ไม่ชัด' },
      c.officer2.token,
      headers,
    );
    expect(theirs.status).toBe(409); // a real second attempt: the order is no longer uploaded
  });
});
