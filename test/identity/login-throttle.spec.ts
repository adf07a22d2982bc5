import { LoginThrottleService } from '../../src/auth/login-throttle.service';
import { delayMsAfter, lockSecondsAfter, THROTTLE_LIMITS } from '../../src/auth/login-throttle-policy';
import { createTestApp, type TestApp } from '../support/test-app';

/** Each value at least the one before it, and the last one larger than the first. */
function expectGrowing(values: number[]): void {
  values.slice(1).forEach((v, i) => expect(v).toBeGreaterThanOrEqual(values[i]));
  expect(values[values.length - 1]).toBeGreaterThan(values[0]);
}

describe('login throttle policy', () => {
  it.each(['account', 'ip'] as const)(
    'answers the first failures of an %s key at once, then with growing delays',
    (kind) => {
      const free = THROTTLE_LIMITS[kind].freeFailures;
      const delays = Array.from({ length: free + 6 }, (_, i) => delayMsAfter(kind, i + 1));
      expect(delays.slice(0, free)).toEqual(Array(free).fill(0));
      expect(delays[free]).toBeGreaterThan(0);
      expectGrowing(delays.slice(free));
    },
  );

  it.each(['account', 'ip'] as const)(
    'locks an %s key at its limit, longer with each further failure',
    (kind) => {
      const limit = THROTTLE_LIMITS[kind].lockAfter;
      expect(lockSecondsAfter(kind, limit - 1)).toBe(0);
      const locks = Array.from({ length: 6 }, (_, i) => lockSecondsAfter(kind, limit + i));
      expect(locks[0]).toBeGreaterThan(0);
      expectGrowing(locks);
    },
  );
});

describe('login throttle service (PostgreSQL counters)', () => {
  let t: TestApp;
  let throttle: LoginThrottleService;
  beforeAll(async () => {
    t = await createTestApp();
    throttle = t.app.get(LoginThrottleService);
  });
  afterAll(() => t.close());

  it('keeps the account key as it was: free failures, then 250 ms doubling to 2 s', async () => {
    const keys = throttle.keys('same.user', null);
    const delays: number[] = [];
    for (let i = 0; i < 8; i++) delays.push(await throttle.recordFailure(keys));
    expect(delays).toEqual([0, 0, 0, 250, 500, 1000, 2000, 2000]);
    expect(await throttle.activeLock(keys)).toEqual({
      kind: 'account',
      retryAfterSeconds: expect.any(Number),
    });
  });

  it('slows down and then locks one IP that tries a different username each time', async () => {
    const ip = '192.0.2.50';
    const delays: number[] = [];
    for (let i = 0; i < THROTTLE_LIMITS.ip.lockAfter; i++) {
      delays.push(await throttle.recordFailure(throttle.keys(`guess.${i}`, ip)));
    }
    const free = THROTTLE_LIMITS.ip.freeFailures;
    expect(delays.slice(0, free)).toEqual(Array(free).fill(0));
    expectGrowing(delays.slice(free));
    const lock = await throttle.activeLock(throttle.keys('someone.new', ip));
    expect(lock).toEqual({ kind: 'ip', retryAfterSeconds: expect.any(Number) });
    expect(lock?.retryAfterSeconds).toBeGreaterThan(0);
    expect(await throttle.activeLock(throttle.keys('someone.new', '192.0.2.51'))).toBeNull();
  });
});
