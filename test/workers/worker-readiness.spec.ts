import { setTimeout as sleep } from 'node:timers/promises';
import { startChildWorker, type ChildWorker } from '../documents-pipeline/support/child-worker';
import { ApiClient } from '../support/http';
import { createTestApp, type TestApp } from '../support/test-app';

interface Report {
  status: string;
  failing: string[];
  checks: Record<string, { status: string; error?: string }>;
}

/**
 * The worker side of /health/ready: built workers (as production runs them) report whether their OCR tools run;
 * the API's readiness fails, naming the packages, when a running worker lacks them.
 */
describe('/health/ready: the workers part', () => {
  let t: TestApp;
  let api: ApiClient;
  const workers: ChildWorker[] = [];

  const readyUntil = async (predicate: (r: { status: number; body: Report }) => boolean) => {
    let last: { status: number; body: Report } | undefined;
    for (let i = 0; i < 40; i++) {
      last = await api.get<Report>('/health/ready');
      if (predicate(last)) return last;
      await sleep(250);
    }
    return last!;
  };

  beforeAll(async () => {
    t = await createTestApp();
    api = new ApiClient(t.baseUrl);
  });
  afterAll(async () => {
    await Promise.all(workers.map((w) => w.stop()));
    await t.close();
  });

  it('is unknown, and not failing, while no worker has reported', async () => {
    const res = await api.get<Report>('/health/ready');
    expect(res.status).toBe(200);
    expect(res.body.failing).toEqual([]);
    // States only in this public answer: the reason is in the API's log.
    expect(res.body.checks.workers).toEqual({ status: 'unknown' });
  });

  it('is up once a worker with the OCR tools reports', async () => {
    workers.push(await startChildWorker(t.env));
    const res = await readyUntil((r) => r.body.checks.workers.status === 'up');
    expect(res.status).toBe(200);
    expect(res.body.checks.workers).toEqual({ status: 'up' });
  });

  it('fails naming the packages while a worker without them runs, and recovers when it stops', async () => {
    // A PATH without pdftoppm and tesseract: the machine the issue describes, where nobody installed them.
    const bare = await startChildWorker({ ...t.env, PATH: '/nonexistent' });
    workers.push(bare);
    expect(bare.output()).toMatch(
      /cannot OCR scanned orders .*apt-get install -y poppler-utils tesseract-ocr tesseract-ocr-tha/,
    );
    const down = await readyUntil((r) => r.status === 503);
    expect(down.status).toBe(503);
    expect(down.body.failing).toEqual(['workers']);
    // The public answer names the failing part only; the worker's own log names the packages (above).
    expect(down.body.checks.workers).toEqual({ status: 'down' });
    await bare.stop();
    const up = await readyUntil((r) => r.status === 200);
    expect(up.body.checks.workers).toEqual({ status: 'up' });
  });
});
