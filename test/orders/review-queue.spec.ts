import { ApiClient } from '../support/http';
import { createTestApp, type TestApp } from '../support/test-app';
import { createCast, type Cast } from './support/cast';

interface QueueItem {
  id: string;
  laoCode: string;
  overdue: boolean;
  submittedAt: string;
  document: { findings: { code: string }[] } | null;
}
interface QueuePage {
  items: QueueItem[];
  nextCursor: string | null;
}

describe('review queue', () => {
  let t: TestApp;
  let api: ApiClient;
  let c: Cast;
  /** Oldest first: [0] submitted 30 days ago ... [4] now. */
  const ids: string[] = [];
  let farId: string;

  beforeAll(async () => {
    t = await createTestApp();
    api = new ApiClient(t.baseUrl);
    c = await createCast(t, api);
    const conn = c.em.getConnection();
    const ages = [30, 20, 1, 0.5, 0];
    for (const [i, days] of ages.entries()) {
      const seeded = await c.order('uploaded', 'uploaded', i === 3 ? c.otherLao.code : c.lao.code);
      // Microseconds on purpose: the keyset cursor must not lose them.
      await conn.execute(
        `update appointment_order set submitted_at = now() - make_interval(secs => ?) + interval '123 microseconds' where id = ?`,
        [days * 86_400 + 60, seeded.orderId],
      );
      ids.push(seeded.orderId);
    }
    await conn.execute(
      `update order_document set findings = '[{"code":"LAO_NAME_NOT_FOUND","severity":"warn","expected":"x","found":"ไม่พบ"}]'
        where order_id = ?`,
      [ids[1]],
    );
    await conn.execute(
      `update order_document set findings = '[{"code":"TEXT_FROM_OCR","severity":"info","expected":"","found":""}]'
        where order_id = ?`,
      [ids[2]],
    );
    await conn.execute(`update appointment_order set search_text = 'สมหญิง รักงาน' where id = ?`, [ids[2]]);
    farId = (await c.order('uploaded', 'uploaded', c.farLao.code)).orderId;
    await c.order('draft', 'draft');
  });
  afterAll(() => t.close());

  const page = (query: string, token = c.officer.token) =>
    api.get<QueuePage>(`/api/review-queue${query}`, token);

  it("lists the province's uploaded orders oldest first, with keyset pages", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { status: number; body: QueuePage } = await page(
        `?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...res.body.items.map((i) => i.id));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(ids);
    expect(seen).not.toContain(farId);
  });

  it('filters by LAO, province, search text, findings and overdue', async () => {
    expect((await page(`?lao=${c.otherLao.code}`)).body.items.map((i) => i.id)).toEqual([ids[3]]);
    expect((await page('?province=40')).body.items).toEqual([]);
    expect((await page(`?q=${encodeURIComponent('สมหญิง')}`)).body.items.map((i) => i.id)).toEqual([ids[2]]);
    // Information-only findings (ids[2]: OCR was used) are not findings to check.
    const withFindings = (await page('?findings=true')).body.items;
    expect(withFindings.map((i) => i.id)).toEqual([ids[1]]);
    expect(withFindings[0].document?.findings[0].code).toBe('LAO_NAME_NOT_FOUND');
    // SLA 5 business days: 30 and 20 days ago are overdue, yesterday is not.
    const overdue = (await page('?overdue=true')).body.items;
    expect(overdue.map((i) => i.id)).toEqual([ids[0], ids[1]]);
    expect(overdue.every((i) => i.overdue)).toBe(true);
  });

  it("shows the other province's officer only its own orders; a LAO admin gets 403", async () => {
    expect((await page('', c.farOfficer.token)).body.items.map((i) => i.id)).toEqual([farId]);
    expect((await page('', c.admin.token)).status).toBe(403);
  });

  it('finds an order by an appointee’s new name after the LAO admin renames them', async () => {
    const seeded = await c.order('uploaded', 'uploaded');
    const [{ account_id: accountId }] = await c.em
      .getConnection()
      .execute<{ account_id: string }[]>('select account_id from account_grant where id = ?', [
        seeded.grantIds[0],
      ]);
    const before = await api.get<{ position: string; email: string }>(
      `/api/accounts/${accountId}`,
      c.admin.token,
    );
    expect(before.body.position).toBeTruthy();
    const renamed = await api.patch(
      `/api/accounts/${accountId}`,
      { title: 'นางสาว', firstName: 'ประภาพร', lastName: 'สุขสวัสดิ์' },
      c.admin.token,
    );
    expect(renamed.status).toBe(200); // a partial PATCH: position and e-mail stay as they were
    expect(renamed.body).toMatchObject({
      title: 'นางสาว',
      firstName: 'ประภาพร',
      position: before.body.position,
      email: before.body.email,
    });
    const found = await page(`?q=${encodeURIComponent('ประภาพร สุขสวัสดิ์')}`);
    expect(found.body.items.map((i) => i.id)).toEqual([seeded.orderId]);
    // The officer's copy of the order is still current: a rename is no change of the order.
    const order = await api.get<{ version: number }>(`/api/orders/${seeded.orderId}`, c.officer.token);
    expect(order.body.version).toBe(seeded.version);
  });

  it('finds orders by the LAO’s current name after a registry correction renames it', async () => {
    await c.em
      .getConnection()
      .execute(`update lao set name_th = 'องค์การบริหารส่วนตำบลโนนแดงใหม่' where code = ?`, [c.lao.code]);
    const found = await page(`?q=${encodeURIComponent('โนนแดงใหม่')}`);
    expect(found.body.items.length).toBeGreaterThan(0);
    expect(found.body.items.every((i) => i.laoCode === c.lao.code)).toBe(true);
  });

  it('refuses a forged cursor with 400', async () => {
    expect((await page('?cursor=bm90LWEtY3Vyc29y')).status).toBe(400);
  });
});
