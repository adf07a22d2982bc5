// CI smoke test: the built worker boots on a migrated database, says "worker ready",
// and exits 0 on SIGTERM. Uses its own database and queue prefix.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';

const suffix = randomBytes(3).toString('hex');
const db = `dla_smoke_${suffix}`;
const env = {
  ...process.env,
  DATABASE_URL: `postgresql://postgres@127.0.0.1:5432/${db}`,
  QUEUE_PREFIX: `smoke-${suffix}`,
  LOG_LEVEL: 'info',
};
let worker;
const fail = (message) => {
  console.error(`worker smoke: FAILED: ${message}`);
  // A worker that never said "ready" must not outlive the script (CI would keep it running).
  if (worker && worker.exitCode === null) worker.kill('SIGKILL');
  cleanup();
  process.exit(1);
};
const cleanup = () => spawnSync('dropdb', ['-h', '127.0.0.1', '-U', 'postgres', '--if-exists', db]);

if (spawnSync('node', ['dist/src/database/cli/migrate.js'], { env, stdio: 'inherit' }).status !== 0)
  fail('migrate');
const started = Date.now();
worker = spawn('node', ['dist/workers/main.js'], { env, stdio: ['ignore', 'pipe', 'inherit'] });
let ready = false;
worker.stdout.on('data', (chunk) => {
  process.stdout.write(chunk);
  if (!ready && /worker ready/.test(String(chunk))) {
    ready = true;
    console.log(`worker smoke: ready after ${Date.now() - started} ms; sending SIGTERM`);
    worker.kill('SIGTERM');
  }
});
const bootTimer = setTimeout(() => fail('no "worker ready" within 30 s'), 30_000);
worker.on('exit', (code, signal) => {
  clearTimeout(bootTimer);
  if (!ready) fail(`exited before ready (${signal ?? code})`);
  if (code !== 0) fail(`exit ${signal ?? code} after SIGTERM`);
  console.log('worker smoke: stopped cleanly (exit 0)');
  cleanup();
});
