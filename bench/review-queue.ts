/**
 * Review-queue benchmark (prints figures, asserts nothing):
 *   npm run build && node dist/bench/review-queue.js [--orders 10000] [--seconds 30] [--concurrency 50]
 *     [--verify-share 0.2] [--think-ms 0] [--keep]
 * Seeds a database of its own with bulk SQL, starts the API in this process, runs simulated officers,
 * and compares the list endpoint's p50 with the p50 of the same SQL query run directly.
 */
import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { EntityManager } from '@mikro-orm/postgresql';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Client } from 'pg';
import { AppModule } from '../src/app.module';
import { PasswordHasher } from '../src/auth/password-hasher';
import { configureApp } from '../src/http/configure-app';
import { openBenchSandbox } from './bench-sandbox';
import { buildReviewQueueQuery } from '../src/orders/review-queue/review-queue.query';
import type { LoadWorkerInput, LoadWorkerOutput } from './review-queue/load-worker';
import { LAO_COUNT, SEARCH_WORDS, seed } from './review-queue/seed';
import {
  mainThreadCpuMs,
  percentile,
  postgresCpuMs,
  postgresCpuSince,
  printTable,
  Recorder,
  summarize,
} from './review-queue/stats';

const PASSWORD = 'Bench-Officer-Pass-2569';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

async function timeSql(em: EntityManager, sql: string, runs: number): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    await em.getConnection().execute(sql);
    times.push(performance.now() - started);
  }
  return percentile(
    times.sort((a, b) => a - b),
    50,
  );
}

async function main(): Promise<void> {
  const orders = arg('orders', 10_000);
  const seconds = arg('seconds', 30);
  const concurrency = arg('concurrency', 50);
  const thinkMs = arg('think-ms', 0);
  const sandbox = await openBenchSandbox('dla-bench-');
  const { dbName, dbUrl, queuePrefix, storageDir, admin } = sandbox;
  let app: NestExpressApplication | undefined;
  try {
    execFileSync(process.execPath, [join(__dirname, '../src/database/cli/migrate.js')], {
      env: { ...process.env, DATABASE_URL: dbUrl },
      stdio: 'pipe',
    });
    const pg = new Client({ connectionString: dbUrl });
    await pg.connect();
    let started = performance.now();
    const { officers } = await seed(pg, orders, await new PasswordHasher().hash(PASSWORD));
    await pg.end();
    console.log(
      `seeded ${orders} uploaded orders, ${LAO_COUNT} LAOs, ${officers.length} provinces in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );

    Object.assign(process.env, {
      NODE_ENV: 'development',
      DATABASE_URL: dbUrl,
      QUEUE_PREFIX: queuePrefix,
      STORAGE_DIR: storageDir,
      LOG_LEVEL: 'silent',
    });
    app = await NestFactory.create<NestExpressApplication>(AppModule, { bodyParser: false, logger: false });
    configureApp(app);
    await app.listen(0, '127.0.0.1');
    const baseUrl = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    const tokens: string[] = [];
    for (const username of officers) {
      const res = await fetch(`${baseUrl}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password: PASSWORD }),
      });
      tokens.push(((await res.json()) as { accessToken: string }).accessToken);
    }

    // Quiet baseline: one officer, sequential: the endpoint vs its own SQL.
    const em = app.get(EntityManager).fork();
    const province = officers[0].replace('bench.officer', '');
    const sql = buildReviewQueueQuery(em, {
      allowed: { provinceCode: province },
      limit: 51,
    }).getFormattedQuery();
    const rawQuiet = await timeSql(em, sql, 200);
    const quiet = new Recorder();
    // GET /api/me is the cheapest signed-in request: the floor every endpoint pays (guard, principal, CASL).
    for (const [label, path] of [
      ['GET /review-queue (sequential)', '/api/review-queue?limit=50'],
      ['GET /me (sequential, floor)', '/api/me'],
    ]) {
      for (let i = 0; i < 200; i += 1) {
        started = performance.now();
        const res = await fetch(`${baseUrl}${path}`, { headers: { authorization: `Bearer ${tokens[0]}` } });
        await res.text();
        quiet.add(label, performance.now() - started, res.status);
      }
    }

    // Figures from a shared machine are only comparable with its load: print it with them.
    const load = (): string =>
      loadavg()
        .map((l) => l.toFixed(1))
        .join(' ');
    console.log(
      `\n${concurrency} officers for ${seconds} s against ${orders} orders, ${thinkMs > 0 ? `${thinkMs} ms mean think time` : 'closed loop (no think time)'} (${cpus().length} CPUs, load ${load()}) ...`,
    );
    const input: LoadWorkerInput = {
      baseUrl,
      tokens,
      concurrency,
      seconds,
      searchWords: SEARCH_WORDS,
      verifyShare: arg('verify-share', 0.2),
      thinkMs,
      databaseUrl: dbUrl,
      sql,
    };
    const apiElu = performance.eventLoopUtilization();
    const apiCpu = mainThreadCpuMs();
    const pgStart = await postgresCpuMs(admin, dbName);
    const output = await new Promise<LoadWorkerOutput>((resolve, reject) => {
      const worker = new Worker(join(__dirname, 'review-queue/load-worker.js'), { workerData: input });
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    const apiBusy = performance.eventLoopUtilization(apiElu);
    const apiCpuMs = mainThreadCpuMs() - apiCpu;
    const pgCpuMs = postgresCpuSince(pgStart, await postgresCpuMs(admin, dbName));
    const recorder = new Recorder();
    for (const [endpoint, samples] of output.samples) recorder.samples.set(endpoint, samples);
    const rawUnderLoad = output.rawUnderLoadP50;

    const rows = summarize(recorder, seconds);
    printTable([...summarize(quiet, 1).map((r) => ({ ...r, rps: NaN })), ...rows]);
    const total = rows.reduce((n, r) => n + r.count, 0);
    const list = rows.find((r) => r.endpoint === 'GET /review-queue');
    const quietList = summarize(quiet, 1).find((r) => r.endpoint.startsWith('GET /review-queue'))!;
    console.log(`\nload average after the run: ${load()}`);
    console.log(
      `\ntotal ${total} requests, ${(total / seconds).toFixed(0)} req/s, errors ${rows.reduce((n, r) => n + r.errors, 0)}`,
    );
    // Is the API's event loop the bottleneck (near 100%), or the client thread, or neither (waiting)?
    console.log(
      `API thread: event loop busy ${(apiBusy.utilization * 100).toFixed(0)}%, CPU ${(apiCpuMs / total).toFixed(2)} ms per request (${((apiCpuMs / (seconds * 1000)) * 100).toFixed(0)}% of a core); load-generator thread busy ${(output.clientElu * 100).toFixed(0)}%; PostgreSQL CPU ${(pgCpuMs / total).toFixed(2)} ms per request (${((pgCpuMs / (seconds * 1000)) * 100).toFixed(0)}% of a core)`,
    );
    console.log(`raw SQL p50: ${rawQuiet.toFixed(2)} ms quiet, ${rawUnderLoad.toFixed(2)} ms under load`);
    console.log(
      `list endpoint p50 / raw SQL p50 (quiet, sequential): ${(quietList.p50 / rawQuiet).toFixed(1)}x`,
    );
    if (list) {
      console.log(
        `list endpoint p50 under load / raw SQL p50 quiet: ${(list.p50 / rawQuiet).toFixed(1)}x; / raw SQL p50 under load: ${(list.p50 / rawUnderLoad).toFixed(1)}x`,
      );
    }
  } finally {
    await app?.close();
    await sandbox.dispose();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
