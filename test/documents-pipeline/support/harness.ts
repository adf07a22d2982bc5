import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EntityManager } from '@mikro-orm/postgresql';
import { ObjectStorage } from '../../../src/storage/object-storage';
import { orderLines, orderPdf } from '../../fixtures/order-pdf';
import { createAccount, type CreatedAccount } from '../../support/factories';
import { ApiClient } from '../../support/http';
import { BOOTSTRAP, createTestApp, type TestApp } from '../../support/test-app';
import { createLao } from '../../support/workflow-factories';
import { uploadPdf, waitForBody } from '../../orders/support/story-helpers';
import { startRestartableS3rver, type RestartableS3rver } from './restartable-s3rver';

export interface DocumentBody {
  id: string;
  state: string;
  sha256: string;
  filename: string;
  findings: { code: string; severity: string; found?: string }[];
  rejection?: { code: string; message: string };
}
export interface OrderBody {
  id: string;
  state: string;
  version: number;
  orderLabel: string;
  document: DocumentBody | null;
  latestUpload?: DocumentBody | null;
  history: { event: string; from: string; to: string }[];
}
export interface TestOrder {
  id: string;
  orderNo: number;
  laoCode: string;
  laoName: string;
}
type Lao = { code: string; nameTh: string };
type SignedIn = CreatedAccount & { token: string };

/** A test's API over a real s3rver (MinIO adapter), with an LAO, its admin, an officer and the dla_admin. */
export interface Harness {
  t: TestApp;
  api: ApiClient;
  em: EntityManager;
  s3: RestartableS3rver;
  storage: ObjectStorage;
  spoolDir: string;
  lao: Lao;
  otherLao: Lao;
  admin: SignedIn;
  otherAdmin: SignedIn;
  officer: SignedIn;
  root: string;
  buckets: { quarantine: string; documents: string };
  newOrder(lao?: Lao): Promise<TestOrder>;
  /** A one-page Thai order that matches `order` (number, LAO, appointee): validates with no findings. */
  pdfFor(order: TestOrder, extraPages?: number): Promise<Buffer>;
  upload(order: TestOrder, pdf: Buffer, filename?: string, token?: string): Promise<DocumentBody>;
  /**
   * Polls the order until upload `documentId` has a verdict: current document (accepted) or a rejected
   * latest upload. A valid latest upload that is not current yet is a read between the order row and the
   * upload row of GET /orders/:id (two statements): keep polling.
   */
  verdict(order: TestOrder, documentId: string, timeoutMs?: number): Promise<OrderBody>;
  keys(bucket: string): Promise<string[]>;
  spoolFiles(): Promise<string[]>;
  close(): Promise<void>;
}

let orderNo = 100;

export async function startHarness(env: Record<string, string> = {}): Promise<Harness> {
  const s3 = await startRestartableS3rver();
  const spoolDir = await mkdtemp(join(tmpdir(), 'dla-spool-'));
  const t = await createTestApp({ env: { ...s3.env, UPLOAD_SPOOL_DIR: spoolDir, ...env } });
  const api = new ApiClient(t.baseUrl);
  const em = t.app.get(EntityManager).fork();
  const lao = await createLao(em, { provinceCode: '36', nameTh: 'องค์การบริหารส่วนตำบลคูเมือง' });
  const otherLao = await createLao(em, { provinceCode: '36', nameTh: 'เทศบาลตำบลตลาดแร้ง' });
  const signIn = async (a: CreatedAccount): Promise<SignedIn> => ({
    ...a,
    token: await api.login(a.username, a.password),
  });
  const admin = await signIn(await createAccount(em, { role: 'lao_admin', laoCode: lao.code }));
  const otherAdmin = await signIn(await createAccount(em, { role: 'lao_admin', laoCode: otherLao.code }));
  const officer = await signIn(await createAccount(em, { role: 'province_officer', provinceCode: '36' }));
  const root = await api.login(BOOTSTRAP.username, BOOTSTRAP.password);
  const buckets = {
    quarantine: t.config.storage.bucketQuarantine,
    documents: t.config.storage.bucketDocuments,
  };
  const storage = t.app.get(ObjectStorage);
  const tokenOf = (l: Lao): string => (l.code === otherLao.code ? otherAdmin.token : admin.token);

  const harness: Harness = {
    t,
    api,
    em,
    s3,
    storage,
    spoolDir,
    lao,
    otherLao,
    admin,
    otherAdmin,
    officer,
    root,
    buckets,
    async newOrder(target = lao) {
      const holder = await createAccount(em, {
        role: 'lao_user',
        laoCode: target.code,
        grant: { state: 'draft' },
        status: 'invited',
      });
      orderNo += 1;
      const res = await api.post<{ id: string }>(
        `/api/laos/${target.code}/orders`,
        {
          orderNo,
          orderYear: 2568,
          subject: 'แต่งตั้งเจ้าหน้าที่ผู้ปฏิบัติงาน',
          signedDate: '2025-10-01',
          effectiveDate: '2025-10-01',
          grantIds: [holder.grantId],
        },
        tokenOf(target),
      );
      if (res.status !== 201) throw new Error(`create order: ${res.status} ${JSON.stringify(res.body)}`);
      return { id: res.body.id, orderNo, laoCode: target.code, laoName: target.nameTh };
    },
    pdfFor(order, extraPages = 0) {
      const appointee = {
        title: 'นาย',
        firstName: 'ทดสอบ',
        lastName: 'ระบบ',
        position: 'เจ้าพนักงานธุรการ',
        role: 'เจ้าหน้าที่ผู้ปฏิบัติงาน',
      };
      const lines = orderLines({
        laoName: order.laoName,
        orderNo: order.orderNo,
        orderYear: 2568,
        appointees: [appointee],
        digits: 'arabic',
      });
      return orderPdf(lines, { extraPages });
    },
    async upload(order, pdf, filename = 'คำสั่งแต่งตั้ง.pdf', token) {
      const laoToken = token ?? (order.laoCode === otherLao.code ? otherAdmin.token : admin.token);
      const res = await uploadPdf(api, laoToken, order.id, pdf, filename);
      if (res.status !== 202) throw new Error(`upload: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body as unknown as DocumentBody;
    },
    verdict(order, documentId, timeoutMs = 30_000) {
      return waitForBody<OrderBody>(
        api,
        root,
        `/api/orders/${order.id}`,
        (o) =>
          o.document?.id === documentId ||
          (o.latestUpload?.id === documentId && o.latestUpload.state === 'rejected'),
        timeoutMs,
      );
    },
    async keys(bucket) {
      const out: string[] = [];
      for await (const object of storage.list(bucket)) out.push(object.key);
      return out;
    },
    async spoolFiles() {
      return (await readdir(spoolDir)).filter((name) => name.startsWith('dla-upload-'));
    },
    async close() {
      await t.close();
      await s3.dispose();
      await rm(spoolDir, { recursive: true, force: true });
    },
  };
  return harness;
}
