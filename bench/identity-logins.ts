/**
 * `npm run bench:identity` (part 1): sign-ins per second with argon2id (19 MiB, t=2, p=1), through
 * the real HTTP endpoint, against the raw hash verification measured in the same run.
 */
import 'reflect-metadata';
import { availableParallelism } from 'node:os';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import autocannon from 'autocannon';
import { Client } from 'pg';
import { AppModule } from '../src/app.module';
import { PasswordHasher } from '../src/auth/password-hasher';
import { configureApp } from '../src/http/configure-app';
import { ensureDatabaseExists } from '../src/database/ensure-database';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const DB_NAME = `dla_bench_login_${process.pid}`;
const DB = `postgresql://postgres@127.0.0.1:5432/${DB_NAME}`;
const USER = 'bench.admin';
const PASSWORD = 'Bench-Admin-Password-2569';

async function rawVerifyRate(): Promise<number> {
  const hasher = new PasswordHasher();
  const hash = await hasher.hash(PASSWORD);
  const started = Date.now();
  let n = 0;
  const cores = availableParallelism();
  while (Date.now() - started < SECONDS * 1000) {
    await Promise.all(Array.from({ length: cores }, () => hasher.verify(hash, PASSWORD)));
    n += cores;
  }
  return n / ((Date.now() - started) / 1000);
}

async function main(): Promise<void> {
  await ensureDatabaseExists(DB);
  const env = {
    ...process.env,
    DATABASE_URL: DB,
    BOOTSTRAP_ADMIN_USERNAME: USER,
    BOOTSTRAP_ADMIN_PASSWORD: PASSWORD,
    LOG_LEVEL: 'silent',
  };
  execFileSync(process.execPath, [join(__dirname, '../src/database/cli/migrate.js')], {
    env,
    stdio: 'ignore',
  });
  Object.assign(process.env, env);
  const app = await NestFactory.create<NestExpressApplication>(AppModule, {
    bodyParser: false,
    logger: false,
  });
  configureApp(app);
  await app.listen(0, '127.0.0.1');
  const url = `${(await app.getUrl()).replace('[::1]', '127.0.0.1')}/api/auth/login`;

  const raw = await rawVerifyRate();
  const result = await autocannon({
    url,
    method: 'POST',
    connections: 8,
    duration: SECONDS,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: USER, password: PASSWORD }),
  });
  const cores = availableParallelism();
  console.log(
    `argon2id raw verify: ${raw.toFixed(1)}/s on ${cores} cores (${(raw / cores).toFixed(1)} per core)`,
  );
  console.log(
    `HTTP logins: ${result.requests.average.toFixed(1)}/s (${(result.requests.average / cores).toFixed(1)} per core), p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, non-2xx ${result.non2xx}`,
  );
  console.log(`ratio HTTP logins / raw verify: ${(result.requests.average / raw).toFixed(2)}`);
  await app.close();
  const admin = new Client({ connectionString: 'postgresql://postgres@127.0.0.1:5432/postgres' });
  await admin.connect();
  await admin.query(`drop database if exists "${DB_NAME}" with (force)`);
  await admin.end();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
