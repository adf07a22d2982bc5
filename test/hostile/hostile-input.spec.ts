import { ApiClient, type ApiResponse } from '../support/http';
import { BOOTSTRAP, createTestApp, type TestApp } from '../support/test-app';
import { createCast, type Cast } from '../orders/support/cast';
import { encodeCursor } from '../../src/common/pagination/keyset-cursor';

/** Issue 10, finding 6: input that used to reach PostgreSQL (and answer 500) is a 400 with a code. */
describe('hostile input is a 400 with a code, never a 500', () => {
  let t: TestApp;
  let api: ApiClient;
  let c: Cast;
  let dla: string;

  beforeAll(async () => {
    t = await createTestApp();
    api = new ApiClient(t.baseUrl);
    c = await createCast(t, api);
    dla = await api.login(BOOTSTRAP.username, BOOTSTRAP.password);
  });
  afterAll(() => t.close());

  function expect400(res: ApiResponse, constraint?: string): void {
    expect({ status: res.status, code: res.body.code }).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
    expect(typeof res.body.message).toBe('string');
    expect(res.body.message).toMatch(/[\u0E00-\u0E7F]/);
    if (constraint) expect(JSON.stringify(res.body.details)).toContain(constraint);
  }

  describe('control characters', () => {
    it.each([
      ['NUL in a search', '/api/laos?q=ก่อน%00หลัง'],
      ['NUL in the review queue search', '/api/review-queue?q=a%00b'],
      ['a C0 control in a search', '/api/laos?q=%1B%5B31m'],
      ['NUL in a path parameter', '/api/laos/636%00001'],
    ])('%s', async (_name, path) => {
      const token = path.includes('review-queue') ? c.officer.token : dla;
      expect400(await api.get(path.replace('{lao}', c.lao.code), token), 'noControlCharacters');
    });

    it('NUL in a path parameter of a PUT', async () => {
      const res = await api.put(
        `/api/laos/${c.lao.code}/services/waste%00fee`,
        { enabled: true },
        c.admin.token,
      );
      expect400(res, 'noControlCharacters');
    });

    it('NUL in a JSON body, a lone surrogate and a control character in a key', async () => {
      const order = await c.order('draft', 'draft');
      const nul = await api.request('PATCH', `/api/orders/${order.orderId}`, {
        raw: `{"version":${order.version},"subject":"คำสั่ง\\u0000แต่งตั้ง"}`,
        headers: { 'content-type': 'application/json' },
        token: c.admin.token,
      });
      expect400(nul, 'subject');
      const surrogate = await api.patch(
        `/api/orders/${order.orderId}`,
        { version: order.version, subject: 'a\ud800b' },
        c.admin.token,
      );
      expect(surrogate.status).toBe(400);
      const key = await api.put(
        `/api/laos/${c.lao.code}/services/waste-fee`,
        { 'a\u0007': 1 },
        c.admin.token,
      );
      expect400(key, 'noControlCharacters');
    });

    it('keeps tab, newline and Thai combining marks', async () => {
      const res = await api.put(
        `/api/laos/${c.lao.code}/services/waste-fee`,
        { note: 'บรรทัดแรก\n\tบรรทัดที่สอง ปั้น' },
        c.admin.token,
      );
      expect(res.status).toBe(200);
    });

    it('deep nesting is refused before it feeds any recursion', async () => {
      const deep = '['.repeat(50_000) + ']'.repeat(50_000);
      const res = await api.request('PATCH', `/api/laos/${c.lao.code}`, {
        raw: `{"address":${deep}}`,
        headers: { 'content-type': 'application/json' },
        token: c.admin.token,
      });
      expect400(res, 'maxDepth');
    });

    it('deep nesting with an Idempotency-Key (hashed before any pipe runs)', async () => {
      const deep = '['.repeat(5_000) + ']'.repeat(5_000);
      const res = await api.request('POST', '/api/province-officers', {
        raw: `{"fullName":${deep}}`,
        headers: { 'content-type': 'application/json', 'idempotency-key': 'deep-nesting-0001' },
        token: dla,
      });
      expect400(res, 'maxDepth');
    });

    it('a URL past what Node parses is refused in the error shape, not a bare status line', async () => {
      const res = await api.get(`/api/laos?q=${encodeURIComponent('ก'.repeat(5000))}`, dla);
      expect(res.status).toBe(431);
      expect(res.body).toMatchObject({ statusCode: 431, code: 'REQUEST_HEADERS_TOO_LARGE', details: {} });
      expect(res.body.message).toMatch(/[\u0E00-\u0E7F]/);
    });
  });

  describe('malformed cursors', () => {
    const uuid = '00000000-0000-4000-8000-000000000000';
    const cursors: [string, string][] = [
      ['a date that is not one', encodeCursor(['yesterday', uuid])],
      ['a date PostgreSQL refuses', encodeCursor(['2026-02-30T00:00:00.000Z', uuid])],
      ['an id that is not a uuid', encodeCursor(['2026-01-01T00:00:00.000Z', 'not-a-uuid'])],
      ['an id with a quote', encodeCursor(['2026-01-01T00:00:00.000Z', "x' or 1=1 --"])],
      ['the wrong arity', encodeCursor(['2026-01-01T00:00:00.000Z'])],
      ['not base64 JSON', '%%%'],
    ];
    const lists: [string, (c: Cast) => string, (c: Cast) => string][] = [
      ['notifications', () => '/api/notifications', (x) => x.admin.token],
      ['orders of an LAO', (x) => `/api/laos/${x.lao.code}/orders`, (x) => x.admin.token],
      ['review queue', () => '/api/review-queue', (x) => x.officer.token],
      ['stuck documents', () => '/api/documents/stuck', () => dla],
      ['integrity report', () => '/api/documents/integrity-report', () => dla],
    ];
    it.each(
      lists.flatMap(([list, path, who]) => cursors.map(([what, cursor]) => [list, what, path, who, cursor])),
    )('%s: %s', async (_list, _what, path, who, cursor) => {
      const pathOf = path as (x: Cast) => string;
      const tokenOf = who as (x: Cast) => string;
      const res = await api.get(`${pathOf(c)}?cursor=${encodeURIComponent(cursor as string)}`, tokenOf(c));
      expect400(res, 'invalidCursor');
    });

    it('a cursor the list itself wrote still works (microseconds in the review queue)', async () => {
      await c.order('uploaded', 'uploaded');
      await c.order('uploaded', 'uploaded');
      const first = await api.get<{ items: unknown[]; nextCursor: string }>(
        '/api/review-queue?limit=1',
        c.officer.token,
      );
      expect(first.body.nextCursor).toEqual(expect.any(String));
      const next = await api.get(
        `/api/review-queue?limit=1&cursor=${first.body.nextCursor}`,
        c.officer.token,
      );
      expect(next.status).toBe(200);
    });
  });

  describe('null where it means nothing', () => {
    it('PUT /api/laos/:code/services/:key {"slaDays": null}', async () => {
      const res = await api.put(
        `/api/laos/${c.lao.code}/services/waste-fee`,
        { slaDays: null },
        c.admin.token,
      );
      expect400(res, 'notNull');
    });

    it('PATCH /api/orders/:id {"subject": null}', async () => {
      const order = await c.order('draft', 'draft');
      const res = await api.patch(
        `/api/orders/${order.orderId}`,
        { version: order.version, subject: null },
        c.admin.token,
      );
      expect400(res, 'notNull');
    });

    it('null still clears what may be cleared (a fee, a note)', async () => {
      const res = await api.put(
        `/api/laos/${c.lao.code}/services/waste-fee`,
        { fee: null, note: null },
        c.admin.token,
      );
      expect(res.status).toBe(200);
    });
  });
});
