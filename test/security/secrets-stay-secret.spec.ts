import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { ApiClient } from '../support/http';
import { deleteKeysWithPrefix, uniquePrefix, waitFor } from '../support/redis-keys';
import { startSmtpSink, type SmtpSink, type SunkMail } from '../support/smtp-sink';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { TEST_REDIS_URL } from '../support/test-env';

const API_MAIN = join(__dirname, '../../dist/src/main.js');
const WORKER_MAIN = join(__dirname, '../../dist/workers/main.js');
const BOOTSTRAP_PASSWORD = 'Secret-Bootstrap-Pass-2569';

interface Proc {
  child: ChildProcess;
  lines: string[];
}

/** A built entry point as production runs it, at debug level, every output line kept. */
function start(main: string, env: Record<string, string>): Proc {
  const { NODE_OPTIONS: _jest, ...inherited } = process.env;
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

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function tokenOf(mail: SunkMail): string {
  const match = /set-password#token=([A-Za-z0-9_-]+)/.exec(mail.text);
  if (!match) throw new Error(`no link in "${mail.subject}"`);
  return match[1];
}

/**
 * Issue 9 item 7: no link token, password, access or refresh token rests in a log line (API and
 * worker at debug level) or in a stored mail row, once the mail is delivered.
 */
describe('secrets stay secret: logs and stored mail of the built API and worker', () => {
  let db: TestDatabase;
  let sink: SmtpSink;
  let prefix: string;
  let storage: string;
  let api: Proc;
  let worker: Proc;
  let client: ApiClient;

  beforeAll(async () => {
    db = await createTestDatabase();
    sink = await startSmtpSink();
    prefix = uniquePrefix();
    storage = mkdtempSync(join(tmpdir(), 'dla-secrets-'));
    const port = await freePort();
    const env = {
      NODE_ENV: 'test',
      LOG_LEVEL: 'debug',
      DATABASE_URL: db.url,
      REDIS_URL: TEST_REDIS_URL,
      QUEUE_PREFIX: prefix,
      SMTP_URL: sink.url,
      STORAGE_DIR: storage,
      PORT: String(port),
      PUBLIC_BASE_URL: `http://127.0.0.1:${port}`,
      JWT_SECRET: 'secrets-test-jwt-secret-0123456789abcdef',
      BOOTSTRAP_ADMIN_USERNAME: 'dla.admin',
      BOOTSTRAP_ADMIN_PASSWORD: BOOTSTRAP_PASSWORD,
      OUTBOX_POLL_MS: '50',
    };
    api = start(API_MAIN, env);
    worker = start(WORKER_MAIN, env);
    await waitFor(
      () => api.lines.some((l) => l.includes('listening on')) || api.child.exitCode !== null,
      'the API',
      60_000,
    );
    await waitFor(
      () => worker.lines.some((l) => /worker ready/.test(l)) || worker.child.exitCode !== null,
      'the worker',
      60_000,
    );
    if (api.child.exitCode !== null || worker.child.exitCode !== null) {
      throw new Error(`a process exited:\n${api.lines.join('\n')}\n${worker.lines.join('\n')}`);
    }
    client = new ApiClient(`http://127.0.0.1:${port}`);
  }, 120_000);

  afterAll(async () => {
    for (const p of [api, worker]) if (p && p.child.exitCode === null) p.child.kill('SIGKILL');
    await sink?.close();
    await deleteKeysWithPrefix(prefix);
    await db?.drop();
    rmSync(storage, { recursive: true, force: true });
  });

  it('keeps every token and password out of both logs and out of the delivered mail rows', async () => {
    const secrets: string[] = [BOOTSTRAP_PASSWORD];
    const login = async (username: string, password: string) => {
      const res = await client.post<{ accessToken: string; refreshToken: string }>('/api/auth/login', {
        username,
        password,
      });
      expect(res.status).toBe(200);
      secrets.push(res.body.accessToken, res.body.refreshToken);
      return res.body;
    };
    const dla = await login('dla.admin', BOOTSTRAP_PASSWORD);
    const created = await client.post(
      '/api/province-officers',
      {
        username: 'secret.officer',
        fullName: 'นางสาวสุดา ตรวจดี',
        email: 'secret.officer@example.go.th',
        provinceCode: '36',
      },
      dla.accessToken,
    );
    expect(created.status).toBe(201);
    const invite = await sink.waitFor((m) => m.to.includes('secret.officer@example.go.th'), 30_000);
    const inviteToken = tokenOf(invite);
    secrets.push(inviteToken);
    const firstPassword = 'Officer-First-Pass-2569';
    secrets.push(firstPassword);
    expect(
      (await client.post('/api/auth/set-password', { token: inviteToken, newPassword: firstPassword }))
        .status,
    ).toBe(204);
    const officer = await login('secret.officer', firstPassword);
    const refreshed = await client.post<{ accessToken: string; refreshToken: string }>('/api/auth/refresh', {
      refreshToken: officer.refreshToken,
    });
    secrets.push(refreshed.body.accessToken, refreshed.body.refreshToken);
    // A wrong password is logged as a failure, never as the password typed.
    const wrong = 'Wrong-Guess-Pass-2569';
    secrets.push(wrong);
    expect(
      (await client.post('/api/auth/login', { username: 'secret.officer', password: wrong })).status,
    ).toBe(401);

    expect((await client.post('/api/auth/forgot-password', { login: 'secret.officer' })).status).toBe(202);
    const forgot = await sink.waitFor(
      (m) => m.to.includes('secret.officer@example.go.th') && m !== invite,
      30_000,
    );
    const forgotToken = tokenOf(forgot);
    secrets.push(forgotToken);
    const secondPassword = 'Officer-Second-Pass-2569';
    secrets.push(secondPassword);
    expect(
      (await client.post('/api/auth/set-password', { token: forgotToken, newPassword: secondPassword }))
        .status,
    ).toBe(204);
    const again = await login('secret.officer', secondPassword);
    const thirdPassword = 'Officer-Third-Pass-2569';
    secrets.push(thirdPassword);
    expect(
      (
        await client.post(
          '/api/auth/password',
          { currentPassword: secondPassword, newPassword: thirdPassword },
          again.accessToken,
        )
      ).status,
    ).toBe(204);
    expect((await client.post('/api/auth/logout', { refreshToken: again.refreshToken })).status).toBe(204);

    // The mails were delivered: their rows hold the link slot, not the token, and nothing sealed.
    const pg = new Client({ connectionString: db.url });
    await pg.connect();
    let rows: {
      text: string;
      html: string | null;
      subject: string;
      sealed_secret: string | null;
      last_error: string | null;
    }[];
    try {
      await waitFor(
        async () => {
          const pending = await pg.query(`select 1 from mail_message where status <> 'sent'`);
          return pending.rowCount === 0;
        },
        'every mail sent',
        30_000,
      );
      rows = (await pg.query('select text, html, subject, sealed_secret, last_error from mail_message')).rows;
    } finally {
      await pg.end();
    }
    expect(rows.length).toBeGreaterThanOrEqual(2);
    expect(rows.every((r) => r.sealed_secret === null)).toBe(true);
    const stored = JSON.stringify(rows);
    const logs = [...api.lines, ...worker.lines].join('\n');
    // The logs did record the work (debug level, requests), so their silence about secrets means something.
    expect(logs).toContain('/api/auth/set-password');
    const leaks = secrets.flatMap((secret) => [
      ...(logs.includes(secret) ? [`log: ${secret.slice(0, 12)}…`] : []),
      ...(stored.includes(secret) ? [`mail row: ${secret.slice(0, 12)}…`] : []),
    ]);
    expect(leaks).toEqual([]);
  }, 120_000);
});
