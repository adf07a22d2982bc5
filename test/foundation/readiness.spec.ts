import { setTimeout as sleep } from 'node:timers/promises';
import { ApiClient } from '../support/http';
import { startPrivateRedis, type PrivateRedis } from '../support/redis-server';
import { startS3rver, type RunningS3rver } from '../support/s3rver';
import { createTestApp, type TestApp } from '../support/test-app';

interface Report {
  status: string;
  failing: string[];
  checks: Record<string, Record<string, unknown>>;
}

/** Polls readiness until it matches (the clients reconnect on their own schedule). */
async function readyUntil(api: ApiClient, predicate: (r: { status: number; body: Report }) => boolean) {
  let last: { status: number; body: Report } | undefined;
  for (let i = 0; i < 40; i++) {
    last = await api.get<Report>('/health/ready');
    if (predicate(last)) return last;
    await sleep(250);
  }
  return last!;
}

/** The answer is public: component states only, no host, port or error text (those go to the log). */
function expectStatesOnly(body: Report, address: string): void {
  expect(Object.keys(body).sort()).toEqual(['checks', 'failing', 'status']);
  for (const check of Object.values(body.checks)) expect(Object.keys(check)).toEqual(['status']);
  const text = JSON.stringify(body);
  expect(text).not.toContain(new URL(address).port);
  expect(text).not.toMatch(/127\.0\.0\.1|ECONN|UNAVAILABLE|timeout|no answer/i);
}

describe('/health/ready names the failing part and recovers', () => {
  let t: TestApp;
  let api: ApiClient;
  let s3: RunningS3rver;
  let redis: PrivateRedis;

  beforeAll(async () => {
    s3 = await startS3rver();
    redis = await startPrivateRedis();
    t = await createTestApp({
      env: { ...s3.env, REDIS_URL: redis.url },
    });
    api = new ApiClient(t.baseUrl);
  });
  afterAll(async () => {
    await t.close();
    await redis.stop();
    await s3.stop();
  });

  it('is ready when database, Redis and the object store answer', async () => {
    const res = await api.get<Report>('/health/ready');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'ok', failing: [] });
  });

  it('answers 503 naming redis while Redis is down, then recovers', async () => {
    await redis.stop();
    const down = await readyUntil(api, (r) => r.status === 503);
    expect(down.status).toBe(503);
    expect(down.body.failing).toEqual(['redis']);
    expectStatesOnly(down.body, redis.url);
    await redis.start();
    const up = await readyUntil(api, (r) => r.status === 200);
    expect(up.status).toBe(200);
  });

  it('answers 503 naming storage while the S3 server is down, then recovers', async () => {
    const port = Number(new URL(s3.endpoint).port);
    await s3.stop();
    const down = await readyUntil(api, (r) => r.status === 503);
    expect(down.body.failing).toEqual(['storage']);
    expectStatesOnly(down.body, s3.endpoint);
    s3 = await startS3rver({ port });
    const up = await readyUntil(api, (r) => r.status === 200);
    expect(up.status).toBe(200);
  });
});
