import { Logger } from '@nestjs/common';
import { Redis, type RedisOptions } from 'ioredis';

/**
 * Who uses a connection decides how it behaves when Redis is away:
 * - worker: BullMQ's blocking commands must wait for Redis to come back, never give up (null).
 * - producer: the outbox relay must hear about an outage at once (and back off, rows stay pending),
 *   so commands are not parked in an offline queue.
 * - health: a readiness probe answers quickly and never holds the API up; it connects on first use.
 */
const ROLE_OPTIONS = {
  worker: { maxRetriesPerRequest: null },
  producer: { maxRetriesPerRequest: 1, enableOfflineQueue: false },
  health: { maxRetriesPerRequest: 1, enableOfflineQueue: false, lazyConnect: true, connectTimeout: 1000 },
} satisfies Record<string, RedisOptions>;

export type RedisRole = keyof typeof ROLE_OPTIONS;

const ERROR_LOG_INTERVAL_MS = 30_000;

/**
 * An ioredis connection from REDIS_URL for one role. Connection errors are logged (at most every
 * 30 s) instead of reaching ioredis' "Unhandled error event" output; ioredis keeps reconnecting.
 */
export function createRedisConnection(url: string, role: RedisRole): Redis {
  const redis = new Redis(url, { ...ROLE_OPTIONS[role], connectionName: `dla-${role}` });
  const logger = new Logger(`Redis:${role}`);
  let lastLoggedAt = 0;
  redis.on('error', (error: Error) => {
    const now = Date.now();
    if (now - lastLoggedAt < ERROR_LOG_INTERVAL_MS) return;
    lastLoggedAt = now;
    logger.warn(`Redis connection error: ${error.message}`);
  });
  return redis;
}

/** Closes politely when connected, and at once otherwise (QUIT would wait for a reconnect). */
export async function closeRedisConnection(redis: Redis): Promise<void> {
  if (redis.status === 'end') return;
  if (redis.status === 'ready') {
    try {
      await redis.quit();
      return;
    } catch {
      // fall through: the connection broke while quitting
    }
  }
  redis.disconnect();
}
