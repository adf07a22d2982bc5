import { Redis } from 'ioredis';
import { randomBytes } from 'node:crypto';
import { TEST_REDIS_URL } from './test-env';

/** A queue prefix of this test's own, so tests sharing one Redis never see each other's jobs. */
export function uniquePrefix(): string {
  return `test-${randomBytes(4).toString('hex')}`;
}

/** Deletes every key under `prefix:` (what obliterate would do, for all queues at once). */
export async function deleteKeysWithPrefix(prefix: string): Promise<void> {
  const redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

/** Polls until `condition` holds, failing with `what` after `timeoutMs`. */
export async function waitFor(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
