/**
 * Document pipeline benchmark (prints figures, asserts nothing):
 *   npm run bench:pipeline -- [--docs 500] [--concurrency 20] [--worker-concurrency 4] [--keep]
 * A database of its own with one LAO per client and `docs` draft orders; realistic 1-3 page Thai orders
 * uploaded through the API (in this process) by `concurrency` admins at once, validated by the worker as its
 * own process (`node dist/workers/main.js`), embedded local-folder storage. Prints upload → `uploaded`
 * latency, end-to-end documents/s, the worker's peak RSS, and that throughput against raw validation of the
 * same files measured in the same run; OCR pages/s separately on a few scanned pages.
 */
import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Client } from 'pg';
import { AppModule } from '../src/app.module';
import { PasswordHasher } from '../src/auth/password-hasher';
import { closeValidationPools, validationThreads } from '../src/documents/inspection/sandboxed-validate';
import { configureApp } from '../src/http/configure-app';
import { openBenchSandbox } from './bench-sandbox';
import { Worker } from 'node:worker_threads';
import type { UploadJob, UploadResult } from './pipeline/clients';
import type { UploadWorkerInput } from './pipeline/upload-worker';
import { benchOrderPdf } from './pipeline/order-pdf';
import { ocrPagesPerSec, rawThroughput } from './pipeline/raw';
import { seedPipeline, type SeededOrder } from './pipeline/seed';
import { startWorkerProcess, type WorkerProcess } from './pipeline/worker-process';
import {
  commandCpuMs,
  mainThreadCpuMs,
  percentile,
  postgresCpuMs,
  postgresCpuSince,
  processCpuMs,
} from './review-queue/stats';

const PASSWORD = 'Bench-Admin-Pass-2569';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}
const secs = (ms: number): string => (ms / 1000).toFixed(1);
const load = (): string =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');

interface Outcome {
  order_id: string;
  at: Date;
  event: string;
}

/** The `document.accepted`/`document.rejected` history rows of the bench orders: when each order moved. */
async function outcomes(pg: Client): Promise<Outcome[]> {
  const { rows } = await pg.query<Outcome>(
    `select h.item_id as order_id, h.at, h.event from workflow_history h
      where h.item_type = 'order' and h.event in ('document.accepted', 'document.rejected')`,
  );
  return rows;
}

async function generate(orders: SeededOrder[]): Promise<Buffer[]> {
  const pdfs: Buffer[] = [];
  for (const [i, o] of orders.entries()) {
    const pages = ((i % 3) + 1) as 1 | 2 | 3;
    pdfs.push(
      await benchOrderPdf({
        laoName: o.laoName,
        orderNo: o.orderNo,
        orderYear: 2568,
        people: o.people,
        pages,
      }),
    );
  }
  return pdfs;
}

async function main(): Promise<void> {
  const docs = arg('docs', 500);
  const concurrency = arg('concurrency', 20);
  const workerConcurrency = arg('worker-concurrency', 4);
  const sandbox = await openBenchSandbox('dla-bench-pipeline-');
  const { dbName, dbUrl, queuePrefix, storageDir, admin } = sandbox;
  const pg = new Client({ connectionString: dbUrl });
  let app: NestExpressApplication | undefined;
  let worker: WorkerProcess | undefined;
  try {
    execFileSync(process.execPath, [join(__dirname, '../src/database/cli/migrate.js')], {
      env: { ...process.env, DATABASE_URL: dbUrl },
      stdio: 'pipe',
    });
    await pg.connect();
    const seeded = await seedPipeline(pg, docs, concurrency, await new PasswordHasher().hash(PASSWORD));
    const started = performance.now();
    const pdfs = await generate(seeded.orders);
    const mb = pdfs.reduce((n, p) => n + p.length, 0) / 1024 / 1024;
    console.log(
      `${docs} orders (1-3 pages, ${mb.toFixed(1)} MB) generated in ${secs(performance.now() - started)} s`,
    );
    console.log(`${cpus().length} CPUs, load ${load()}; worker concurrency ${workerConcurrency}\n`);

    const expected = seeded.orders.map((o) => ({
      laoName: o.laoName,
      orderNo: o.orderNo,
      orderYear: 2568,
      appointees: o.people,
    }));
    const raw = await rawThroughput(
      pdfs.map((pdf, i) => ({ pdf, expected: expected[i] })),
      workerConcurrency,
    );
    await closeValidationPools(); // this process's threads; the worker process has its own
    const ocr = await ocrPagesPerSec(pdfs.slice(0, 3));

    const env: Record<string, string> = {
      NODE_ENV: 'development',
      DATABASE_URL: dbUrl,
      QUEUE_PREFIX: queuePrefix,
      STORAGE_DIR: storageDir,
      S3_ENDPOINT: '',
      LOG_LEVEL: 'silent',
      WORKER_CONCURRENCY: String(workerConcurrency),
    };
    Object.assign(process.env, env);
    app = await NestFactory.create<NestExpressApplication>(AppModule, { bodyParser: false, logger: false });
    configureApp(app);
    await app.listen(0, '127.0.0.1');
    const baseUrl = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    worker = await startWorkerProcess({ ...env, LOG_LEVEL: 'warn' });
    const tokens: string[] = [];
    for (const username of seeded.admins) {
      const res = await fetch(`${baseUrl}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password: PASSWORD }),
      });
      tokens.push(((await res.json()) as { accessToken: string }).accessToken);
    }

    const jobs: UploadJob[] = seeded.orders.map((o, i) => ({
      orderId: o.id,
      token: tokens[o.admin],
      pdf: pdfs[i],
      filename: `คำสั่ง ที่ ${o.orderNo}-2568.pdf`,
    }));
    console.log(`${concurrency} clients upload ${docs} documents ...`);
    const workerPid = worker.child.pid ?? 0;
    const cpu0 = {
      api: mainThreadCpuMs(),
      worker: processCpuMs(workerPid),
      pg: await postgresCpuMs(admin, dbName),
      redis: commandCpuMs('redis-server'),
    };
    const t0 = performance.timeOrigin + performance.now();
    const uploads = await new Promise<UploadResult[]>((resolve, reject) => {
      const input: UploadWorkerInput = { baseUrl, jobs, concurrency };
      const thread = new Worker(join(__dirname, 'pipeline/upload-worker.js'), { workerData: input });
      thread.once('message', resolve);
      thread.once('error', reject);
    });
    const uploadedAll = performance.timeOrigin + performance.now();
    let done = await outcomes(pg);
    while (done.length < uploads.filter((u) => u.status === 202).length) {
      await sleep(100);
      done = await outcomes(pg);
    }
    const cpu = {
      api: mainThreadCpuMs() - cpu0.api,
      worker: processCpuMs(workerPid) - cpu0.worker,
      pg: postgresCpuSince(cpu0.pg, await postgresCpuMs(admin, dbName)),
      redis: commandCpuMs('redis-server') - cpu0.redis,
    };
    const end = Math.max(...done.map((d) => d.at.getTime()));
    const startOf = new Map(uploads.map((u) => [u.orderId, u.startedAt]));
    const latencies = done
      .map((d) => d.at.getTime() - (startOf.get(d.order_id) ?? d.at.getTime()))
      .sort((a, b) => a - b);
    const requestMs = uploads.map((u) => u.requestMs).sort((a, b) => a - b);
    const e2e = done.length / ((end - t0) / 1000);
    const rss = worker.peakRssMb();

    console.log(
      `\nuploads: ${uploads.length} (${uploads.filter((u) => u.status !== 202).length} not 202) in ${secs(uploadedAll - t0)} s`,
    );
    console.log(
      `  PUT /document answered (202): p50 ${percentile(requestMs, 50).toFixed(0)} ms, p99 ${percentile(requestMs, 99).toFixed(0)} ms`,
    );
    console.log(
      `upload → uploaded: p50 ${percentile(latencies, 50).toFixed(0)} ms, p99 ${percentile(latencies, 99).toFixed(0)} ms (max ${latencies[latencies.length - 1]} ms)`,
    );
    console.log(
      `  accepted ${done.filter((d) => d.event === 'document.accepted').length}, rejected ${done.filter((d) => d.event === 'document.rejected').length}`,
    );
    console.log(`end to end: ${e2e.toFixed(1)} documents/s (${done.length} in ${secs(end - t0)} s)`);
    const perDoc = (ms: number): string => (ms / done.length).toFixed(1);
    const cpuPerDoc = (cpu.api + cpu.worker + cpu.pg + cpu.redis) / done.length;
    console.log(
      `CPU per document: API thread ${perDoc(cpu.api)} ms, worker process ${perDoc(cpu.worker)} ms (validation threads included), PostgreSQL ${perDoc(cpu.pg)} ms, Redis ${perDoc(cpu.redis)} ms; ${cpuPerDoc.toFixed(1)} ms in all, so at most ${((cpus().length * 1000) / cpuPerDoc).toFixed(0)} documents/s on ${cpus().length} idle cores`,
    );
    console.log(`worker peak RSS: ${rss.hwm.toFixed(0)} MB (VmHWM), ${rss.sampled.toFixed(0)} MB sampled`);
    console.log(
      `\nraw pdf-parse of the same files (page count + text, 1 thread): ${raw.pdfParseDocsPerSec.toFixed(1)} docs/s`,
    );
    console.log(
      `raw validation of the same files: ${raw.inlineDocsPerSec.toFixed(1)} docs/s inline (validateDocument: structure scan, pdf-parse, cross-check; 1 thread)`,
    );
    console.log(
      `  ${raw.sandboxDocsPerSec.toFixed(1)} docs/s sandboxed (warm pool of ${validationThreads()} threads, ${workerConcurrency} at a time); ${raw.rejected} rejected`,
    );
    console.log(`  raw inline costs ${(1000 / raw.inlineDocsPerSec).toFixed(1)} ms of CPU per document`);
    console.log(
      `ratio end-to-end / raw pdf-parse: ${(e2e / raw.pdfParseDocsPerSec).toFixed(2)} (target ≥ 0.5); / raw inline validation: ${(e2e / raw.inlineDocsPerSec).toFixed(2)}; / raw sandboxed: ${(e2e / raw.sandboxDocsPerSec).toFixed(2)}`,
    );
    console.log(
      ocr
        ? `\nOCR (pdftoppm + tesseract tha+eng, 150 dpi scans): ${ocr.pagesPerSec.toFixed(2)} pages/s over ${ocr.pages} pages`
        : '\nOCR: unavailable (tesseract-ocr-tha / poppler-utils missing)',
    );
    console.log(`load average after the run: ${load()}`);
  } finally {
    await worker?.stop();
    await app?.close();
    await pg.end().catch(() => undefined);
    await sandbox.dispose();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
