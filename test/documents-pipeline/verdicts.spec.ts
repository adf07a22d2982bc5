import { createHash, randomUUID } from 'node:crypto';
import { AuditEntry } from '../../src/audit/entities/audit-entry.entity';
import { OrderDocument } from '../../src/documents/entities/order-document.entity';
import { QueueProducers } from '../../src/queue/queue-producers';
import { PDF_FIXTURES } from '../fixtures/pdf-factory';
import { waitForBody } from '../orders/support/story-helpers';
import { waitFor } from '../support/redis-keys';
import { startTestWorker, type TestWorker } from '../support/test-worker';
import { startHarness, type Harness, type OrderBody } from './support/harness';
import { backdateStored, flipStoredByte } from './support/s3rver-disk';

const fixture = (name: string): Promise<Buffer> => {
  const found = PDF_FIXTURES.find((f) => f.name === name);
  if (!found) throw new Error(`no fixture "${name}"`);
  return found.build();
};
const sha256 = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

interface IntegrityReport {
  items: { id: string; orderId: string; failure: { reason: string; actualSha256: string | null } }[];
  stored: number;
  checked: number;
}

/**
 * Verdicts end to end: API + in-process worker + s3rver (MinIO adapter). Rejections keep the order a draft
 * and tell the admin why; an accepted file is promoted by sha256 and leaves quarantine; downloads are
 * verified against the recorded sha256; the scheduled scrub and sweep run as BullMQ jobs.
 */
describe('document verdicts, storage and integrity (API + worker + s3rver)', () => {
  let h: Harness;
  let worker: TestWorker;
  beforeAll(async () => {
    h = await startHarness();
    worker = await startTestWorker(h.t.env);
  });
  afterAll(async () => {
    await worker?.close();
    await h?.close();
  });
  const runJob = (name: 'documents.integrity-scrub' | 'documents.quarantine-sweep'): Promise<void> =>
    worker.module.get(QueueProducers).add(name, {});

  it.each([
    ['user-password encryption', 'DOCUMENT_ENCRYPTED'],
    ['JavaScript OpenAction in an object stream', 'DOCUMENT_ACTIVE_CONTENT'],
  ])('%s: rejected with %s, the order stays a draft and the admin sees why', async (name, code) => {
    const order = await h.newOrder();
    const upload = await h.upload(order, await fixture(name));
    const seen = await h.verdict(order, upload.id);
    expect(seen.state).toBe('draft');
    expect(seen.document).toBeNull();
    const asAdmin = (await h.api.get<OrderBody>(`/api/orders/${order.id}`, h.admin.token)).body;
    expect(asAdmin.latestUpload).toMatchObject({ id: upload.id, state: 'rejected', rejection: { code } });
    expect(asAdmin.latestUpload?.rejection?.message).toMatch(/[\u0e00-\u0e7f]/);
    expect(asAdmin.history.map((e) => e.event)).toEqual(['upload', 'document.rejected']);
    // Kept in quarantine for the retention period, never promoted.
    const doc = await h.em.fork().findOneOrFail(OrderDocument, upload.id);
    expect(await h.keys(h.buckets.quarantine)).toContain(doc.quarantineKey);
    expect((await h.keys(h.buckets.documents)).filter((k) => k.includes(order.id))).toEqual([]);
  });

  it('promotes an accepted PDF to <LAO>/orders/<order>/<sha256>.pdf with its sha256 and empties quarantine', async () => {
    const order = await h.newOrder();
    const pdf = await h.pdfFor(order);
    const upload = await h.upload(order, pdf);
    const seen = await h.verdict(order, upload.id);
    expect(seen.state).toBe('uploaded');
    expect(seen.document).toMatchObject({ id: upload.id, state: 'valid', sha256: sha256(pdf), findings: [] });
    expect(seen.history.map((e) => e.event)).toEqual(['upload', 'document.accepted']);
    const key = `${order.laoCode}/orders/${order.id}/${sha256(pdf)}.pdf`;
    expect(await h.keys(h.buckets.documents)).toContain(key);
    expect(await h.storage.stat(h.buckets.documents, key)).toMatchObject({
      size: pdf.length,
      sha256: sha256(pdf),
      contentType: 'application/pdf',
    });
    const doc = await h.em.fork().findOneOrFail(OrderDocument, upload.id);
    expect(doc.storageKey).toBe(key);
    expect(doc.quarantineRemovedAt).toBeInstanceOf(Date);
    expect(await h.keys(h.buckets.quarantine)).not.toContain(doc.quarantineKey);
  });

  it('warns DUPLICATE_DOCUMENT with the other order when the same file is on another order of the LAO', async () => {
    const first = await h.newOrder();
    const pdf = await h.pdfFor(first);
    await h.verdict(first, (await h.upload(first, pdf)).id);
    const second = await h.newOrder();
    const seen = await h.verdict(second, (await h.upload(second, pdf)).id);
    expect(seen.state).toBe('uploaded');
    expect(seen.document?.state).toBe('valid');
    expect(seen.document?.findings).toContainEqual({
      code: 'DUPLICATE_DOCUMENT',
      severity: 'warn',
      found: `ที่ ${first.orderNo}/2568`,
    });
    // Another LAO's order with the same bytes is not a duplicate of this LAO's.
    const elsewhere = await h.newOrder(h.otherLao);
    const other = await h.verdict(elsewhere, (await h.upload(elsewhere, pdf)).id);
    expect(other.document?.findings.map((f) => f.code)).not.toContain('DUPLICATE_DOCUMENT');
  });

  it('sends the verified bytes as an attachment (RFC 6266 name, nosniff) and logs the read', async () => {
    const order = await h.newOrder();
    const pdf = await h.pdfFor(order);
    await h.verdict(order, (await h.upload(order, pdf, 'คำสั่ง ที่ 1.pdf')).id);
    const res = await fetch(`${h.t.baseUrl}/api/orders/${order.id}/document`, {
      headers: { authorization: `Bearer ${h.officer.token}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="______ ___ 1.pdf"; filename*=UTF-8''${encodeURIComponent('คำสั่ง ที่ 1.pdf')}`,
    );
    expect(Buffer.from(await res.arrayBuffer()).equals(pdf)).toBe(true);
    const reads = await h.em.fork().find(AuditEntry, { action: 'read.document', actorId: h.officer.id });
    expect(reads.map((r) => r.details.orderId)).toContain(order.id);
  });

  it('refuses to send an altered stored object (DOCUMENT_INTEGRITY_ERROR) and the scrub reports it', async () => {
    const order = await h.newOrder();
    const pdf = await h.pdfFor(order);
    const docId = (await h.upload(order, pdf)).id;
    await h.verdict(order, docId);
    const key = `${order.laoCode}/orders/${order.id}/${sha256(pdf)}.pdf`;
    await flipStoredByte(h.s3.directory, h.buckets.documents, key);

    const res = await h.api.get(`/api/orders/${order.id}/document`, h.admin.token);
    expect(res.status).toBe(500);
    expect(res.body).toMatchObject({ code: 'DOCUMENT_INTEGRITY_ERROR' });
    expect(String(res.body.message)).toMatch(/[\u0e00-\u0e7f]/);
    const alarms = await h.em
      .fork()
      .find(AuditEntry, { action: 'document.integrity_mismatch', subjectId: docId });
    expect(alarms).toHaveLength(1);
    expect(alarms[0].actorId).toBe(h.admin.id);

    // A second stored document simply vanishes: the scrub names that too.
    const gone = await h.newOrder();
    const gonePdf = await h.pdfFor(gone);
    const goneId = (await h.upload(gone, gonePdf)).id;
    await h.verdict(gone, goneId);
    await h.storage.remove(h.buckets.documents, `${gone.laoCode}/orders/${gone.id}/${sha256(gonePdf)}.pdf`);

    await runJob('documents.integrity-scrub');
    // The scrub records document by document: wait until this run has been through all of them.
    const report = await waitForBody<IntegrityReport>(
      h.api,
      h.root,
      '/api/documents/integrity-report',
      (r) => r.items.some((i) => i.id === goneId) && r.checked === r.stored,
    );
    expect(report.items.find((i) => i.id === docId)).toMatchObject({
      orderId: order.id,
      failure: { reason: 'mismatch', actualSha256: expect.stringMatching(/^[0-9a-f]{64}$/) },
    });
    expect(report.items.find((i) => i.id === goneId)?.failure.reason).toBe('missing');
    // Healthy documents are not in the report; the scrub audits each incident once.
    expect(report.items).toHaveLength(2);
    expect(
      await h.em.fork().count(AuditEntry, { action: 'document.integrity_mismatch', subjectId: docId }),
    ).toBe(1);
    expect((await h.api.get('/api/documents/integrity-report', h.admin.token)).status).toBe(403);
  });

  it('the retention sweep empties quarantine of rejected files past QUARANTINE_RETENTION_HOURS and of orphans', async () => {
    const oldOrder = await h.newOrder();
    const oldId = (await h.upload(oldOrder, await fixture('embedded file'))).id;
    await h.verdict(oldOrder, oldId);
    const freshOrder = await h.newOrder();
    const freshId = (await h.upload(freshOrder, await fixture('embedded file'))).id;
    await h.verdict(freshOrder, freshId);
    const em = h.em.fork();
    await em.nativeUpdate(OrderDocument, oldId, { processedAt: new Date(Date.now() - 73 * 3_600_000) });
    const [old, fresh] = await Promise.all([
      em.findOneOrFail(OrderDocument, oldId),
      em.findOneOrFail(OrderDocument, freshId),
    ]);
    // Left by an API that died between the quarantine put and its commit (a known order, no row), and one of
    // an order this database does not know (another environment's, say): only the first is ours to remove.
    const orphan = `orders/${oldOrder.id}/${randomUUID()}.pdf`;
    const foreign = `orders/${randomUUID()}/${randomUUID()}.pdf`;
    const junk = Buffer.from('%PDF-1.7 junk');
    for (const key of [orphan, foreign]) {
      await h.storage.put({
        bucket: h.buckets.quarantine,
        key,
        body: junk,
        size: junk.length,
        sha256: sha256(junk),
      });
      await backdateStored(h.s3.directory, h.buckets.quarantine, key, new Date(Date.now() - 4 * 86_400_000));
    }

    await runJob('documents.quarantine-sweep');
    await waitFor(async () => !(await h.keys(h.buckets.quarantine)).includes(orphan), 'the sweep');
    const left = await h.keys(h.buckets.quarantine);
    expect(left).not.toContain(old.quarantineKey);
    expect(left).toContain(fresh.quarantineKey);
    expect(left).toContain(foreign);
    const swept = await h.em.fork().findOneOrFail(OrderDocument, oldId);
    expect(swept.quarantineRemovedAt).toBeInstanceOf(Date);
    expect(swept.state).toBe('rejected');
  });
});
