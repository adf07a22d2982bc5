import { AppointmentOrder } from '../../src/orders/entities/appointment-order.entity';
import { OrderDocument } from '../../src/documents/entities/order-document.entity';
import { filePartHead, filler, rawPdfUpload, rawUpload, sendAllThenRead } from './support/raw-upload';
import { startHarness, type Harness } from './support/harness';

const MB = 1024 * 1024;
const THAI = /[\u0e00-\u0e7f]/;

/**
 * Refused uploads: every part and the whole request are capped, and the refusal is readable. A client that
 * sends its whole body before reading (browsers, fetch) gets the 413 with its Thai message instead of EPIPE:
 * the server drains up to a bound (32 MB in all), then closes.
 */
describe('refused uploads', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h?.close());

  async function expectNothingStored(orderId: string): Promise<void> {
    expect(await h.keys(h.buckets.quarantine)).toEqual([]);
    expect(await h.em.fork().count(OrderDocument, { order: orderId })).toBe(0);
    expect(await h.spoolFiles()).toEqual([]);
  }
  const url = (orderId: string): string => `${h.t.baseUrl}/api/orders/${orderId}/document`;
  /** What the console does: fetch with a FormData body (Content-Length known), then read the answer. */
  const fetchUpload = (orderId: string, bytes: Buffer): Promise<Response> => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(bytes)], { type: 'application/pdf' }), 'big.pdf');
    return fetch(url(orderId), {
      method: 'PUT',
      headers: { authorization: `Bearer ${h.admin.token}` },
      body: form,
    });
  };

  it('answers a 25 MB upload sent with fetch a readable 413 with the Thai message', async () => {
    const order = await h.newOrder();
    const big = Buffer.alloc(25 * MB, 0x41);
    big.write('%PDF-1.7\n');
    const res = await fetchUpload(order.id, big);
    expect(res.status).toBe(413);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ statusCode: 413, code: 'DOCUMENT_TOO_LARGE', message: 'ไฟล์มีขนาดเกิน 20 MB' });
    expect(String(body.message)).toMatch(THAI);
    await expectNothingStored(order.id);
  });

  it('answers a client that reads only once its 25 MB are sent (a browser form) the 413, not EPIPE', async () => {
    const order = await h.newOrder();
    const boundary = 'browserBoundary25';
    const parts = [
      filePartHead(boundary),
      Buffer.from('%PDF-1.7\n'),
      ...filler(25 * MB),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ];
    const length = parts.reduce((n, p) => n + p.length, 0);
    const type = `multipart/form-data; boundary=${boundary}`;
    const res = await sendAllThenRead(url(order.id), h.admin.token, type, parts, length);
    expect(res).toMatchObject({ writeError: null, status: 413 });
    expect(res.body).toMatchObject({ code: 'DOCUMENT_TOO_LARGE', message: 'ไฟล์มีขนาดเกิน 20 MB' });
    await expectNothingStored(order.id);
  });

  it('answers a 25 MB chunked upload (no Content-Length) a readable 413 too', async () => {
    const order = await h.newOrder();
    const boundary = 'chunkedBoundary25';
    const chunks = [
      filePartHead(boundary),
      Buffer.from('%PDF-1.7\n'),
      ...filler(25 * MB),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ];
    const res = await fetch(url(order.id), {
      method: 'PUT',
      headers: {
        authorization: `Bearer ${h.admin.token}`,
        'content-type': `multipart/form-data; boundary=${boundary}`,
      },
      body: new ReadableStream<Uint8Array>({
        pull(controller) {
          const next = chunks.shift();
          if (next) controller.enqueue(new Uint8Array(next));
          else controller.close();
        },
      }),
      duplex: 'half',
    } as RequestInit & { duplex: 'half' });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ code: 'DOCUMENT_TOO_LARGE', message: 'ไฟล์มีขนาดเกิน 20 MB' });
    await expectNothingStored(order.id);
  });

  it('closes at once on a declared 200 MB, and cuts a 64 MB chunked upload past the bound', async () => {
    const order = await h.newOrder();
    const declared = await rawPdfUpload(url(order.id), h.admin.token, 200 * MB, { declareLength: true });
    expect(declared.status).toBe(413);
    expect(declared.bytesWritten).toBeLessThan(40 * MB);
    // Past the 32 MB bound the answer closes the connection (the client may see the 413 or only EPIPE).
    const chunked = await rawPdfUpload(url(order.id), h.admin.token, 64 * MB, { declareLength: false });
    // 32 MB read in all, plus what the loopback socket buffers hold; far from the 64 MB sent.
    expect(chunked.bytesWritten).toBeLessThan(48 * MB);
    await expectNothingStored(order.id);
  });

  it('caps the whole request: 21 MB before the first part of a chunked body is a 413', async () => {
    const order = await h.newOrder();
    const boundary = 'preambleBoundary';
    const res = await rawUpload(url(order.id), h.admin.token, boundary, [
      filler(21 * MB),
      [Buffer.from('\r\n'), filePartHead(boundary), Buffer.from(`%PDF-1.7\n\r\n--${boundary}--\r\n`)],
    ]);
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ code: 'DOCUMENT_TOO_LARGE' });
    await expectNothingStored(order.id);
  });

  it('refuses a second file part at once instead of reading it uncapped', async () => {
    const order = await h.newOrder();
    const pdf = await h.pdfFor(order);
    const boundary = 'extraPartBoundary';
    const res = await rawUpload(url(order.id), h.admin.token, boundary, [
      [filePartHead(boundary), pdf, Buffer.from('\r\n'), filePartHead(boundary, 'junk')],
      filler(30 * MB),
      [Buffer.from(`\r\n--${boundary}--\r\n`)],
    ]);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { reason: 'more than one file part' },
    });
    expect(res.bytesWritten).toBeLessThan(48 * MB);
    await expectNothingStored(order.id);
  });

  it('refuses a field longer than its cap instead of truncating it', async () => {
    const order = await h.newOrder();
    const pdf = await h.pdfFor(order);
    const boundary = 'longFieldBoundary';
    const field = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="version"\r\n\r\n${'1'.repeat(4096)}\r\n`,
    );
    const res = await rawUpload(url(order.id), h.admin.token, boundary, [
      [field, filePartHead(boundary), pdf, Buffer.from(`\r\n--${boundary}--\r\n`)],
    ]);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED' });
    await expectNothingStored(order.id);
  });

  it('lets a fetch uploader read a 409 for an order that takes no document', async () => {
    const order = await h.newOrder();
    await h.em.fork().nativeUpdate(AppointmentOrder, order.id, { state: 'verified' });
    const res = await fetchUpload(order.id, Buffer.alloc(8 * MB, 0x41));
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ code: 'ORDER_STATE_CONFLICT' });
  });
});
