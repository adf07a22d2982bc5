import { Client } from 'pg';
import { AppointmentOrder } from '../../src/orders/entities/appointment-order.entity';
import { TransitionService } from '../../src/workflow/transition.service';
import { createAccount, emOf } from '../support/factories';
import { ApiClient } from '../support/http';
import { BOOTSTRAP, createTestApp, type TestApp } from '../support/test-app';
import { seedOrder } from '../workflow/support/workflow-harness';
import { clientToken, registerClient, staffPlace } from './support';

interface FeedItem {
  id: string;
  type: string;
  occurredAt: string;
  data: Record<string, unknown>;
}
interface Page {
  items: FeedItem[];
  nextCursor: string;
}

/** Issue 14, item 3 (pull): events written with their change, read in order and without gaps. */
describe('change feed', () => {
  let t: TestApp;
  let api: ApiClient;
  let token: string;
  let cursor: string | undefined;

  beforeAll(async () => {
    t = await createTestApp();
    api = new ApiClient(t.baseUrl);
    const admin = await api.login(BOOTSTRAP.username, BOOTSTRAP.password);
    token = await clientToken(api, await registerClient(api, admin, ['events:read']));
  });
  afterAll(() => t.close());

  /** Everything new since the last call, following the cursor page by page. */
  async function drain(limit = 2): Promise<FeedItem[]> {
    const seen: FeedItem[] = [];
    for (;;) {
      const q = new URLSearchParams({ limit: String(limit), ...(cursor ? { after: cursor } : {}) });
      const res = await api.get<Page>(`/api/events?${q}`, token);
      expect(res.status).toBe(200);
      seen.push(...res.body.items);
      cursor = res.body.nextCursor;
      if (res.body.items.length < limit) return seen;
    }
  }

  it('records activation, supersede, revocation, disable/enable and service open/close, in order', async () => {
    const place = await staffPlace(emOf(t), '36', false);
    await drain();
    const adminToken = await api.login(place.adminUsername, place.adminPassword);

    // A newer order for the same staff member becomes active: its grant is activated, the old one superseded.
    const order = await seedOrder(emOf(t), {
      laoCode: place.laoCode,
      provinceCode: '36',
      createdById: place.adminId,
      holderIds: [place.staffId],
      state: 'verified',
      grantState: 'verified',
    });
    await emOf(t).transactional(async (tx) => {
      const o = await tx.findOneOrFail(AppointmentOrder, order.orderId);
      await t.app
        .get(TransitionService)
        .applyOrder(tx, o, 'activate', { actor: 'scheduler', version: o.version });
    });
    const grant = await api.get<{ version: number }>(`/api/grants/${order.grantIds[0]}`, adminToken);
    const revoke = await api.post(
      `/api/grants/${order.grantIds[0]}/revoke`,
      { version: grant.body.version, reason: 'ลาออก' },
      adminToken,
    );
    expect(revoke.status).toBe(200);
    expect((await api.post(`/api/accounts/${place.staffId}/disable`, {}, adminToken)).status).toBe(201);
    expect((await api.post(`/api/accounts/${place.staffId}/enable`, {}, adminToken)).status).toBe(201);
    const put = (open: boolean) =>
      api.put(`/api/laos/${place.laoCode}/services/waste-fee`, { enabled: true, open }, adminToken);
    expect((await put(true)).status).toBe(200);
    expect((await put(true)).status).toBe(200); // no change, no event
    expect((await put(false)).status).toBe(200);

    const items = await drain();
    expect(items.map((i) => i.type)).toEqual([
      'grant.activated',
      'grant.superseded',
      'grant.revoked',
      'account.disabled',
      'account.enabled',
      'lao_service.opened',
      'lao_service.closed',
    ]);
    expect(items[0].data).toMatchObject({
      grantId: order.grantIds[0],
      accountId: place.staffId,
      laoCode: place.laoCode,
      orderId: order.orderId,
    });
    expect(items[1].data).toMatchObject({ grantId: place.grantId });
    expect(items[3].data).toMatchObject({ accountId: place.staffId, status: 'disabled' });
    expect(items[5].data).toEqual({ laoCode: place.laoCode, serviceKey: 'waste-fee' });
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
    expect(await drain()).toEqual([]);
  });

  it('writes nothing when the change rolls back', async () => {
    await drain();
    const staff = await createAccount(emOf(t), { role: 'dla_admin' });
    const bootstrap = await api.login(BOOTSTRAP.username, BOOTSTRAP.password);
    // Disabling refused (already disabled the second time): no event for the refused one.
    expect((await api.post(`/api/accounts/${staff.id}/disable`, {}, bootstrap)).status).toBe(201);
    expect((await api.post(`/api/accounts/${staff.id}/disable`, {}, bootstrap)).status).toBe(409);
    expect((await drain()).map((i) => i.type)).toEqual(['account.disabled']);
  });

  it('never lets a reader skip an event committed late by a transaction that started first', async () => {
    await drain();
    const early = new Client({ connectionString: t.database.url });
    const late = new Client({ connectionString: t.database.url });
    await early.connect();
    await late.connect();
    const insert = (c: Client, type: string) =>
      c.query(`insert into change_event (id, type, data) values (gen_random_uuid(), $1, '{}')`, [type]);
    try {
      await early.query('begin');
      await insert(early, 'account.disabled'); // in flight: holds back everything after it
      await insert(late, 'account.enabled'); // commits at once (autocommit), after `early` began
      expect(await drain()).toEqual([]);
      await early.query('commit');
      expect((await drain()).map((i) => i.type)).toEqual(['account.disabled', 'account.enabled']);
    } finally {
      await early.end();
      await late.end();
    }
  });

  it('answers 400 for a forged cursor and 403 for a person or a client without events:read', async () => {
    expect((await api.get<{ code: string }>('/api/events?after=bm9wZQ', token)).body.code).toBe(
      'EVENTS_CURSOR_INVALID',
    );
    const admin = await api.login(BOOTSTRAP.username, BOOTSTRAP.password);
    expect((await api.get('/api/events', admin)).status).toBe(403);
    const checker = await clientToken(api, await registerClient(api, admin, ['authz:check']));
    expect((await api.get('/api/events', checker)).status).toBe(403);
  });
});
