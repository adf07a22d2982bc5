import { RedisHealth } from '../../src/queue/redis-health';
import { TEST_REDIS_URL } from '../support/test-env';

describe('RedisHealth', () => {
  it('reports a reachable Redis as ok', async () => {
    const health = new RedisHealth({ redisUrl: TEST_REDIS_URL });
    try {
      expect(await health.check()).toEqual({ ok: true });
      expect(await health.check()).toEqual({ ok: true });
    } finally {
      await health.onApplicationShutdown();
    }
  });

  it('answers quickly with the error when Redis is down', async () => {
    const health = new RedisHealth({ redisUrl: 'redis://127.0.0.1:1' });
    try {
      const started = Date.now();
      const result = await health.check();
      expect(result.ok).toBe(false);
      expect(result.error).toEqual(expect.any(String));
      expect(Date.now() - started).toBeLessThan(1500);
      // Again, while ioredis is reconnecting in the background.
      expect((await health.check()).ok).toBe(false);
    } finally {
      await health.onApplicationShutdown();
    }
  });
});
