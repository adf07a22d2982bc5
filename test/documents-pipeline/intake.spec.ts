import { AppointmentOrder } from '../../src/orders/entities/appointment-order.entity';
import { OrderDocument } from '../../src/documents/entities/order-document.entity';
import { sanitizeFilename } from '../../src/orders/documents/filename';
import { PDF_FIXTURES } from '../fixtures/pdf-factory';
import { uploadPdf } from '../orders/support/story-helpers';
import { startHarness, type Harness } from './support/harness';

const fixture = (name: string): Promise<Buffer> => {
  const found = PDF_FIXTURES.find((f) => f.name === name);
  if (!found) throw new Error(`no fixture "${name}"`);
  return found.build();
};

/** Upload intake over HTTP (no worker needed): content sniffing, names, refused states (limits: refusals.spec). */
describe('document intake', () => {
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

  it.each([
    ['HTML named .pdf', 'HTML named .pdf', 'application/pdf'],
    ['PNG named .pdf', 'PNG named .pdf', 'application/pdf'],
    ['HTML before the PDF header', 'HTML before the header', 'application/pdf'],
  ])('judges by content only: %s → 415 DOCUMENT_NOT_PDF', async (_label, name, type) => {
    const order = await h.newOrder();
    const res = await uploadPdf(h.api, h.admin.token, order.id, await fixture(name), 'คำสั่ง.pdf', type);
    expect(res.status).toBe(415);
    expect(res.body).toMatchObject({ code: 'DOCUMENT_NOT_PDF' });
    expect(String(res.body.message)).toMatch(/[\u0e00-\u0e7f]/);
    await expectNothingStored(order.id);
  });

  it('takes a PDF whatever its declared type and name; the key comes from ids, the name is cleaned', async () => {
    const order = await h.newOrder();
    const pdf = await h.pdfFor(order);
    const evil = '../../etc/\u202Egnp.\u200Bคำสั่ง\u2066x\u2069.exe';
    const res = await uploadPdf(h.api, h.admin.token, order.id, pdf, evil, 'image/png');
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ state: 'processing', filename: 'gnp.คำสั่งx.exe.pdf' });
    const doc = await h.em.fork().findOneOrFail(OrderDocument, String(res.body.id));
    expect(doc.quarantineKey).toBe(`orders/${order.id}/${doc.id}.pdf`);
    expect(await h.keys(h.buckets.quarantine)).toEqual([doc.quarantineKey]);
    const stored = await h.storage.stat(h.buckets.quarantine, doc.quarantineKey);
    expect(stored).toMatchObject({ size: pdf.length, sha256: doc.sha256 });
    expect(await h.spoolFiles()).toEqual([]);
  });

  it.each(['verified', 'active'] as const)(
    'answers 409 for an upload to a %s order, before storing',
    async (state) => {
      const order = await h.newOrder();
      await h.em.fork().nativeUpdate(AppointmentOrder, order.id, { state });
      const res = await uploadPdf(h.api, h.admin.token, order.id, await h.pdfFor(order));
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({ code: 'ORDER_STATE_CONFLICT' });
      expect(await h.em.fork().count(OrderDocument, { order: order.id })).toBe(0);
      expect(await h.spoolFiles()).toEqual([]);
    },
  );

  it('answers 404 to the admin of another LAO and 403 to an officer', async () => {
    const order = await h.newOrder();
    const pdf = await h.pdfFor(order);
    expect((await uploadPdf(h.api, h.otherAdmin.token, order.id, pdf)).status).toBe(404);
    expect((await uploadPdf(h.api, h.officer.token, order.id, pdf)).status).toBe(403);
  });
});

describe('sanitizeFilename', () => {
  it.each([
    ['../../x\u0000.pdf', 'x.pdf'],
    ['C:\\Users\\a\\order.PDF', 'order.PDF'],
    ['invoice\u202Efdp.exe', 'invoicefdp.exe.pdf'],
    ['a\u2066b\u2067c\u2068d\u2069e\u202A\u202B\u202C\u202D', 'abcde.pdf'],
    ['ค\u200Bำ\u200Cสั่ง\u200D\uFEFF\u2060.pdf', 'คำสั่ง.pdf'],
    ['\u200B\u202E', 'document.pdf'],
    ['..', 'document.pdf'],
    ['คำสั่ง "ที่ 1-2568"?.pdf', 'คำสั่ง ที่ 1-2568.pdf'],
  ])('%j → %j', (input, expected) => {
    expect(sanitizeFilename(input)).toBe(expected);
  });

  it('keeps Thai names in NFC and at most 200 characters', () => {
    expect(sanitizeFilename('คำสั่ง'.normalize('NFD'))).toBe('คำสั่ง.pdf');
    expect([...sanitizeFilename('ก'.repeat(500))].length).toBeLessThanOrEqual(200);
  });
});
