import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OrderDocument } from '../../src/documents/entities/order-document.entity';
import { OutboxMessage } from '../../src/outbox/outbox-message.entity';
import { waitFor } from '../support/redis-keys';
import { startChildWorker, type ChildWorker } from './support/child-worker';
import { startHarness, type Harness, type TestOrder } from './support/harness';
import { scannedPdf } from './support/scanned-pdf';

interface StuckPage {
  items: { id: string; orderId: string; orderLabel: string; minutesWaiting: number }[];
  stuckAfterMinutes: number;
}
interface RetryAnswer {
  requeued: boolean;
  document: { id: string; state: string };
}

/**
 * Faults around `documents.validate` with the worker as its own process (`node dist/workers/main.js`):
 * a lost job found and re-queued by the dla_admin, a worker SIGKILLed mid-validation, and the object store
 * going away between validation and promotion. Each ends with the order in exactly one state and one
 * history row for the document's transition.
 */
describe('document pipeline faults (API + worker process + s3rver)', () => {
  let h: Harness;
  let worker: ChildWorker | undefined;
  const tmpDirs: string[] = [];

  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await worker?.stop();
    await h?.close();
    await Promise.all(tmpDirs.map((d) => rm(d, { recursive: true, force: true })));
  });

  /** Each worker gets its own TMPDIR, where the sandbox makes a `dla-validate-*` folder per validation. */
  async function startWorker(): Promise<{ worker: ChildWorker; tmp: string }> {
    const tmp = await mkdtemp(join(tmpdir(), 'dla-worker-tmp-'));
    tmpDirs.push(tmp);
    return { worker: await startChildWorker({ ...h.t.env, TMPDIR: tmp }), tmp };
  }
  const validations = async (tmp: string): Promise<string[]> =>
    (await readdir(tmp)).filter((n) => n.startsWith('dla-validate-'));
  async function slowUpload(order: TestOrder): Promise<string> {
    return (await h.upload(order, await scannedPdf(await h.pdfFor(order), 3))).id;
  }
  const events = async (order: TestOrder): Promise<string[]> =>
    (
      await h.verdict(order, (await h.em.fork().findOneOrFail(OrderDocument, { order: order.id })).id)
    ).history.map((e) => e.event);

  it('lists a document whose job was lost as stuck for the dla_admin, and a retry (idempotent) finishes it', async () => {
    const order = await h.newOrder();
    const docId = (await h.upload(order, await h.pdfFor(order))).id;
    const em = h.em.fork();
    // The job is lost: its outbox row counts as sent but never reached a queue (no worker runs yet).
    await em.nativeUpdate(
      OutboxMessage,
      { name: 'documents.validate', payload: { documentId: docId } },
      {
        sentAt: new Date(),
      },
    );
    expect((await h.api.get<StuckPage>('/api/documents/stuck', h.root)).body.items).toEqual([]);
    await em.nativeUpdate(OrderDocument, docId, { queuedAt: new Date(Date.now() - 11 * 60_000) });

    const stuck = await h.api.get<StuckPage>('/api/documents/stuck', h.root);
    expect(stuck.status).toBe(200);
    expect(stuck.body.stuckAfterMinutes).toBe(10);
    expect(stuck.body.items).toEqual([
      expect.objectContaining({
        id: docId,
        orderId: order.id,
        orderLabel: `ที่ ${order.orderNo}/2568`,
        minutesWaiting: 11,
      }),
    ]);
    expect((await h.api.get('/api/documents/stuck', h.admin.token)).status).toBe(403);
    expect((await h.api.post(`/api/documents/${docId}/retry`, {}, h.officer.token)).status).toBe(403);

    const first = await h.api.post<RetryAnswer>(`/api/documents/${docId}/retry`, {}, h.root);
    expect(first.status).toBe(202);
    expect(first.body).toMatchObject({ requeued: true, document: { id: docId, state: 'processing' } });
    const again = await h.api.post<RetryAnswer>(`/api/documents/${docId}/retry`, {}, h.root);
    expect(again.body.requeued).toBe(false);
    expect(
      await em.count(OutboxMessage, { name: 'documents.validate', payload: { documentId: docId } }),
    ).toBe(2);
    expect((await h.api.get<StuckPage>('/api/documents/stuck', h.root)).body.items).toEqual([]);

    ({ worker } = await startWorker());
    const seen = await h.verdict(order, docId);
    expect(seen.state).toBe('uploaded');
    expect(seen.history.map((e) => e.event)).toEqual(['upload', 'document.accepted']);
    const done = await h.api.post<RetryAnswer>(`/api/documents/${docId}/retry`, {}, h.root);
    expect(done.body).toMatchObject({ requeued: false, document: { state: 'valid' } });
  });

  it('a worker SIGKILLed during validation: the job runs again and the order moves exactly once', async () => {
    await worker?.stop();
    const first = await startWorker();
    worker = first.worker;
    const order = await h.newOrder();
    const docId = await slowUpload(order);
    await waitFor(async () => (await validations(first.tmp)).length > 0, 'the validation to start', 30_000);
    await first.worker.kill9();
    expect((await h.em.fork().findOneOrFail(OrderDocument, docId)).state).toBe('processing');

    const restartedAt = new Date();
    ({ worker } = await startWorker());
    // BullMQ finds the job stalled once the dead worker's lock expires (≤ 30 s), and runs it again.
    const seen = await h.verdict(order, docId, 120_000);
    expect(seen.state).toBe('uploaded');
    expect(seen.document).toMatchObject({ id: docId, state: 'valid' });
    expect(seen.history.map((e) => e.event)).toEqual(['upload', 'document.accepted']);
    const doc = await h.em.fork().findOneOrFail(OrderDocument, docId);
    expect(doc.ocr).toBe(true);
    expect(doc.processedAt!.getTime()).toBeGreaterThan(restartedAt.getTime());
    expect(await events(order)).toEqual(['upload', 'document.accepted']);
  }, 180_000);

  it('the object store stops between validation and promotion: the job is retried and completes after restart', async () => {
    await worker?.stop();
    const running = await startWorker();
    worker = running.worker;
    const order = await h.newOrder();
    const docId = await slowUpload(order);
    // The quarantine copy has been read once the sandbox's folder exists: stop the store under the validation.
    await waitFor(async () => (await validations(running.tmp)).length > 0, 'the validation to start', 30_000);
    await h.s3.stop();
    await waitFor(
      () => running.worker.output().includes(`document ${docId}: promote failed, the job will be retried`),
      'the promotion to fail',
      60_000,
    ).catch((e: Error) => {
      throw new Error(`${e.message}\n${running.worker.output().slice(-6000)}`);
    });
    expect((await h.em.fork().findOneOrFail(OrderDocument, docId)).state).toBe('processing');
    await h.s3.start();

    const seen = await h.verdict(order, docId, 90_000);
    expect(seen.state).toBe('uploaded');
    expect(seen.history.map((e) => e.event)).toEqual(['upload', 'document.accepted']);
    const doc = await h.em.fork().findOneOrFail(OrderDocument, docId);
    expect(await h.keys(h.buckets.documents)).toContain(doc.storageKey);
    expect(await h.keys(h.buckets.quarantine)).not.toContain(doc.quarantineKey);
  }, 180_000);
});
