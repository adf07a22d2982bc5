import { spawn, type ChildProcess } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { ApiClient } from '../support/http';
import { deleteKeysWithPrefix, waitFor } from '../support/redis-keys';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { BOOTSTRAP, testEnv } from '../support/test-app';

const API_MAIN = join(__dirname, '../../dist/src/main.js');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * The built API at LOG_LEVEL=debug, its stdout and stderr captured: after a session that sends every kind of
 * credential (password, bearer and refresh tokens, the board cookie, a set-password token, a token in a
 * query string), none of their values is in the output, while the lines about those requests are.
 */
describe('logs carry no credentials', () => {
  let db: TestDatabase;
  let env: Record<string, string>;
  let child: ChildProcess;
  let output = '';
  let api: ApiClient;

  beforeAll(async () => {
    db = await createTestDatabase();
    const port = await freePort();
    env = await testEnv(db, { LOG_LEVEL: 'debug', PORT: String(port) });
    const { NODE_OPTIONS: _jestOptions, ...inherited } = process.env;
    child = spawn(process.execPath, [API_MAIN], {
      env: { ...inherited, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    for (const stream of [child.stdout, child.stderr]) {
      stream?.setEncoding('utf8');
      stream?.on('data', (chunk: string) => (output += chunk));
    }
    api = new ApiClient(`http://127.0.0.1:${port}`);
    await waitFor(
      async () =>
        child.exitCode !== null ||
        (await api.get('/health/live').then(
          (r) => r.status === 200,
          () => false,
        )),
      'the API to listen',
      60_000,
    );
    if (child.exitCode !== null) throw new Error(`API exited: ${output}`);
  }, 90_000);

  afterAll(async () => {
    if (child && child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    }
    await deleteKeysWithPrefix(env.QUEUE_PREFIX);
    await rm(env.STORAGE_DIR, { recursive: true, force: true });
    await db.drop();
  });

  it('writes request lines with every secret replaced', async () => {
    const login = await api.post<{ accessToken: string; refreshToken: string }>('/api/auth/login', {
      username: BOOTSTRAP.username,
      password: BOOTSTRAP.password,
    });
    expect(login.status).toBe(200);
    const { accessToken, refreshToken } = login.body;
    expect((await api.get('/api/me', accessToken)).status).toBe(200);

    const session = await api.post('/api/queue-dashboard/session', {}, accessToken);
    expect(session.status).toBe(204);
    const cookie = (session.headers.get('set-cookie') ?? '').split(';')[0];
    const cookieValue = cookie.slice('dla_queues='.length);
    expect(cookieValue.length).toBeGreaterThan(20);
    expect((await api.request('GET', '/api/queues/api/queues', { headers: { cookie } })).status).toBe(200);

    const refreshed = await api.post<{ accessToken: string; refreshToken: string }>('/api/auth/refresh', {
      refreshToken,
    });
    expect(refreshed.status).toBe(200);
    const linkToken = 'LinkTokenValue0123456789abcdefghijklmnopqrstu';
    const newPassword = 'Never-Logged-Pass-2569';
    await api.post('/api/auth/set-password', { token: linkToken, newPassword });
    await api.post('/api/auth/password', { currentPassword: BOOTSTRAP.password, newPassword }, 'not-a-jwt');
    await api.post('/api/auth/login', { username: BOOTSTRAP.username, password: 'Wrong-Password-2569' });
    await api.get('/api/notifications?token=QueryTokenValue98765', refreshed.body.accessToken);

    await waitFor(() => output.includes('"url":"/api/notifications?'), 'the last request line', 10_000);
    const secrets = {
      password: BOOTSTRAP.password,
      wrongPassword: 'Wrong-Password-2569',
      newPassword,
      accessToken,
      refreshToken,
      refreshedAccess: refreshed.body.accessToken,
      refreshedRefresh: refreshed.body.refreshToken,
      cookieValue,
      linkToken,
      queryToken: 'QueryTokenValue98765',
    };
    for (const [name, value] of Object.entries(secrets)) {
      expect([name, output.includes(value)]).toEqual([name, false]);
    }
    // Not vacuous: the requests were logged, headers included, with their credentials replaced.
    const lines = output.split('\n').filter((l) => l.startsWith('{'));
    const sessionLine = lines.find((l) => l.includes('/api/queue-dashboard/session') && l.includes('"res"'));
    expect(sessionLine).toContain('"set-cookie":"[redacted]"');
    expect(sessionLine).toContain('"authorization":"[redacted]"');
    expect(lines.find((l) => l.includes('/api/queues/api/queues'))).toContain('"cookie":"[redacted]"');
    expect(output).toContain('token=[redacted]');
  });
});
