import { LoginThrottleService } from '../../src/auth/login-throttle.service';
import { delayMsAfter, lockSecondsAfter, THROTTLE_LIMITS } from '../../src/auth/login-throttle-policy';
import { parseTrustProxy } from '../../src/config/trust-proxy';
import { createAccount, emOf } from '../support/factories';
import { ApiClient } from '../support/http';
import { createTestApp, type TestApp } from '../support/test-app';
import { sql } from './identity-helpers';

/** Each value at least the one before it, and the last one larger than the first. */
function expectGrowing(values: number[]): void {
  values.slice(1).forEach((v, i) => expect(v).toBeGreaterThanOrEqual(values[i]));
  expect(values[values.length - 1]).toBeGreaterThan(values[0]);
}

describe('login throttle policy', () => {
  it.each(['pair', 'ip', 'account'] as const)(
    'answers the first failures of a %s key at once, then with growing delays capped at 2 s',
    (kind) => {
      const free = THROTTLE_LIMITS[kind].freeFailures;
      const delays = Array.from({ length: free + 8 }, (_, i) => delayMsAfter(kind, i + 1));
      expect(delays.slice(0, free)).toEqual(Array(free).fill(0));
      expect(delays[free]).toBeGreaterThan(0);
      expectGrowing(delays.slice(free));
      expect(Math.max(...delays)).toBe(2000);
    },
  );

  it.each(['pair', 'ip'] as const)(
    'locks a %s key at its limit, longer with each further failure',
    (kind) => {
      const limit = THROTTLE_LIMITS[kind].lockAfter;
      expect(lockSecondsAfter(kind, limit - 1)).toBe(0);
      const locks = Array.from({ length: 6 }, (_, i) => lockSecondsAfter(kind, limit + i));
      expect(locks[0]).toBeGreaterThan(0);
      expectGrowing(locks);
    },
  );

  it('never locks a username across addresses: strangers cannot keep its owner out', () => {
    expect([10, 100, 10_000].map((n) => lockSecondsAfter('account', n))).toEqual([0, 0, 0]);
  });

  it('reads TRUST_PROXY as a hop count or a list of addresses and ranges, and names a bad value', () => {
    const problems: string[] = [];
    expect(parseTrustProxy(undefined, problems)).toEqual(['loopback']);
    expect(parseTrustProxy('1', problems)).toBe(1);
    expect(parseTrustProxy('10.0.0.0/8, loopback, 2001:db8::/32', problems)).toEqual([
      '10.0.0.0/8',
      'loopback',
      '2001:db8::/32',
    ]);
    expect(problems).toEqual([]);
    parseTrustProxy('proxy.example, 10.0.0.0/99', problems);
    expect(problems).toEqual([expect.stringContaining('TRUST_PROXY')]);
  });
});

describe('login throttle service (PostgreSQL counters)', () => {
  let t: TestApp;
  let throttle: LoginThrottleService;
  beforeAll(async () => {
    t = await createTestApp();
    throttle = t.app.get(LoginThrottleService);
  });
  afterAll(() => t.close());

  it('slows one username at one address with growing delays, then locks that pair only', async () => {
    const keys = throttle.keys('same.user', '192.0.2.7');
    const admissions = [];
    for (let i = 0; i < 6; i++) admissions.push(await throttle.admit(keys));
    expect(admissions.slice(0, 5).map((a) => (a.admitted ? a.delayMs : 'refused'))).toEqual([
      0, 0, 0, 0, 250,
    ]);
    expect(admissions[5]).toEqual({
      admitted: false,
      lock: { kind: 'pair', retryAfterSeconds: expect.any(Number) },
    });
    expect((await throttle.admit(throttle.keys('same.user', '192.0.2.8'))).admitted).toBe(true);
  });

  it('takes the count back when the password was right', async () => {
    const keys = throttle.keys('right.user', '192.0.2.9');
    for (let i = 0; i < 4; i++) await throttle.admit(keys);
    await throttle.succeeded(keys);
    expect(await throttle.admit(keys)).toEqual({ admitted: true, delayMs: 0 });
  });
});

describe('login throttling over HTTP', () => {
  let t: TestApp;
  let api: ApiClient;
  beforeAll(async () => {
    t = await createTestApp();
    api = new ApiClient(t.baseUrl);
  });
  afterAll(() => t.close());

  const attempts = (username: string) =>
    sql<{ reason: string }>(
      t.database.url,
      `select details->>'reason' as reason from audit_entry where action = 'auth.login.failed' and actor_username = $1`,
      [username],
    );

  it('lets only the allowed few of 100 concurrent guesses reach the password hash', async () => {
    const target = await createAccount(emOf(t), { role: 'province_officer', provinceCode: '36' });
    const from = { 'x-forwarded-for': '198.51.100.40' };
    const answers = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        api.post(
          '/api/auth/login',
          { username: target.username, password: `Guess-${i}-password` },
          undefined,
          from,
        ),
      ),
    );
    const reasons = (await attempts(target.username)).map((r) => r.reason);
    expect(reasons.filter((r) => r === 'wrong_password')).toHaveLength(THROTTLE_LIMITS.pair.lockAfter);
    expect(reasons.filter((r) => r === 'locked')).toHaveLength(100 - THROTTLE_LIMITS.pair.lockAfter);
    expect(answers.filter((a) => a.status === 429)).toHaveLength(100 - THROTTLE_LIMITS.pair.lockAfter);
  });

  it('keeps the owner in while strangers guess from rotating addresses', async () => {
    const owner = await createAccount(emOf(t), { role: 'province_officer', provinceCode: '36' });
    // A few guesses from each of many addresses, together (the account-wide delays overlap).
    const guesses = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        api.post(
          '/api/auth/login',
          { username: owner.username, password: `Stranger-${i}-guess` },
          undefined,
          { 'x-forwarded-for': `203.0.113.${i + 1}` },
        ),
      ),
    );
    expect(guesses.map((g) => g.status)).toEqual(Array(40).fill(401));
    // The owner, from its own address, with the right password: in (after at most a 2 s delay).
    const mine = await api.post(
      '/api/auth/login',
      { username: owner.username, password: owner.password },
      undefined,
      {
        'x-forwarded-for': '192.0.2.200',
      },
    );
    expect(mine.status).toBe(200);
  });
});

describe('TRUST_PROXY decides which address the throttle keys on', () => {
  async function recordedIp(env: Record<string, string>, forwardedFor: string): Promise<string> {
    const t = await createTestApp({ env });
    try {
      const api = new ApiClient(t.baseUrl);
      await api.post('/api/auth/login', { username: 'nobody.here', password: 'Nope-password-1' }, undefined, {
        'x-forwarded-for': forwardedFor,
      });
      const [row] = await sql<{ ip: string }>(
        t.database.url,
        `select ip from audit_entry where action = 'auth.login.failed' order by seq desc limit 1`,
      );
      return row.ip;
    } finally {
      await t.close();
    }
  }

  it('by default trusts only a proxy on this host: a remote TLS proxy would be everyone’s address', async () => {
    expect(await recordedIp({}, '198.51.100.7, 10.0.0.2')).toBe('10.0.0.2');
  });

  it('trusts a named proxy range or a hop count, so each client gets its own key', async () => {
    expect(await recordedIp({ TRUST_PROXY: 'loopback, 10.0.0.0/8' }, '198.51.100.7, 10.0.0.2')).toBe(
      '198.51.100.7',
    );
    expect(await recordedIp({ TRUST_PROXY: '2' }, '198.51.100.7, 10.0.0.2')).toBe('198.51.100.7');
    expect(await recordedIp({ TRUST_PROXY: '0' }, '198.51.100.7')).toBe('127.0.0.1');
  });
});
