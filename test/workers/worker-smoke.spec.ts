import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { startPrivateRedis } from '../support/redis-server';
import { TEST_REDIS_URL } from '../support/test-env';
import { deleteKeysWithPrefix, uniquePrefix, waitFor } from '../support/redis-keys';

const WORKER_MAIN = join(__dirname, '../../dist/workers/main.js');
const API_MAIN = join(__dirname, '../../dist/src/main.js');

/** Runs a built entry point the way production does, and collects its output line by line. */
function startWorker(
  env: Record<string, string>,
  main = WORKER_MAIN,
): { child: ChildProcess; lines: string[] } {
  const { NODE_OPTIONS: _jestOptions, ...inherited } = process.env;
  const child = spawn(process.execPath, [main], {
    env: { ...inherited, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  for (const stream of [child.stdout, child.stderr]) {
    let rest = '';
    stream?.setEncoding('utf8');
    stream?.on('data', (chunk: string) => {
      const parts = (rest + chunk).split('\n');
      rest = parts.pop() ?? '';
      lines.push(...parts);
    });
  }
  return { child, lines };
}

function exitOf(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  }
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
}

describe('worker process smoke test', () => {
  let db: TestDatabase;
  let prefix: string;
  let worker: ChildProcess | undefined;

  beforeAll(async () => {
    if (!existsSync(WORKER_MAIN)) throw new Error(`Build first: ${WORKER_MAIN} is missing`);
    db = await createTestDatabase();
    prefix = uniquePrefix();
  });

  afterAll(async () => {
    if (worker && worker.exitCode === null) worker.kill('SIGKILL');
    await deleteKeysWithPrefix(prefix);
    await db.drop();
  });

  it('boots, runs an outbox job, and on SIGTERM lets the job in flight finish, then exits 0', async () => {
    const { child, lines } = startWorker({
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      DATABASE_URL: db.url,
      REDIS_URL: TEST_REDIS_URL,
      QUEUE_PREFIX: prefix,
      OUTBOX_POLL_MS: '50',
    });
    worker = child;
    const output = () => lines.join('\n');
    await waitFor(
      () => /worker ready/.test(output()) || child.exitCode !== null,
      'the "worker ready" line',
      30_000,
    ).catch((error: Error) => Promise.reject(new Error(`${error.message}\n${output()}`)));
    expect(child.exitCode).toBeNull();

    // A row committed straight into the outbox reaches the maintenance.ping handler.
    const id = randomUUID();
    const held = randomUUID();
    const pg = new Client({ connectionString: db.url });
    await pg.connect();
    try {
      await pg.query(
        `insert into outbox_message (id, queue, name, payload) values ($1, 'maintenance', 'maintenance.ping', $2)`,
        [id, JSON.stringify({ note: 'smoke' })],
      );
      await waitFor(() => output().includes(`maintenance.ping ${id}: smoke`), 'the ping job to run');
      // The job may run before the relay's transaction that stamps sent_at commits.
      await waitFor(async () => {
        const { rows } = await pg.query(
          'select 1 from outbox_message where id = $1 and sent_at is not null',
          [id],
        );
        return rows.length === 1;
      }, 'the outbox row to be marked sent');
      // A job still running when SIGTERM comes is let finish before the worker exits.
      await pg.query(
        `insert into outbox_message (id, queue, name, payload) values ($1, 'maintenance', 'maintenance.hold', $2)`,
        [held, JSON.stringify({ holdMs: 2000 })],
      );
      await waitFor(() => output().includes(`maintenance.hold ${held}: holding`), 'the hold job to start');
    } finally {
      await pg.end();
    }

    const started = Date.now();
    child.kill('SIGTERM');
    let timer: NodeJS.Timeout | undefined;
    const exit = await Promise.race([
      exitOf(child),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no exit within 10 s of SIGTERM\n${output()}`)), 10_000);
      }),
    ]).finally(() => clearTimeout(timer));
    expect(exit).toEqual({ code: 0, signal: null });
    expect(output()).toContain(`maintenance.hold ${held}: finished`);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  /** Runs an entry point that must refuse to start; resolves with its exit code and output. */
  async function refusal(
    env: Record<string, string>,
    main: string,
  ): Promise<{ code: number | null; output: string }> {
    const { child, lines } = startWorker(env, main);
    let timer: NodeJS.Timeout | undefined;
    const exit = await Promise.race([
      exitOf(child),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          child.kill('SIGKILL');
          reject(new Error(`still running after 20 s\n${lines.join('\n')}`));
        }, 20_000);
      }),
    ]).finally(() => clearTimeout(timer));
    return { code: exit.code, output: lines.join('\n') };
  }

  it.each([
    ['API', API_MAIN],
    ['worker', WORKER_MAIN],
  ])('the %s refuses an invalid variable at boot, naming it', async (_name, main) => {
    const { code, output } = await refusal(
      { NODE_ENV: 'production', DATABASE_URL: db.url, REDIS_URL: TEST_REDIS_URL, PORT: 'eighty' },
      main,
    );
    expect(code).not.toBe(0);
    expect(output).toMatch(/PORT/);
  });

  it('the worker refuses a Redis that may evict keys, saying how to fix it', async () => {
    const redis = await startPrivateRedis(['--maxmemory-policy', 'allkeys-lru']);
    try {
      const { code, output } = await refusal(
        { NODE_ENV: 'test', DATABASE_URL: db.url, REDIS_URL: redis.url, QUEUE_PREFIX: `${prefix}-lru` },
        WORKER_MAIN,
      );
      expect(code).not.toBe(0);
      expect(output).toContain('allkeys-lru');
      expect(output).toContain('CONFIG SET maxmemory-policy noeviction');
    } finally {
      await redis.stop();
    }
  });
});
