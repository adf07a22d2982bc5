import type { Logger } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { errorMessage, withTimeout } from './with-timeout';
import { WorkerBootError } from './worker-boot-error';

export type PolicyProbe = { policy: string } | { error: unknown };
export type PolicyDecision = { action: 'start' } | { action: 'warn' | 'refuse'; message: string };

const FIX =
  'BullMQ needs Redis to keep every key. Fix it with `redis-cli CONFIG SET maxmemory-policy noeviction` ' +
  '(and `maxmemory-policy noeviction` in redis.conf so it survives a restart), or the equivalent setting ' +
  'of your managed Redis.';

/** Errors that mean "you may not run CONFIG here" (managed Redis, ACLs), not "Redis is broken". */
const NOT_PERMITTED = /NOPERM|unknown command|not allowed|no permissions|disabled|unknown subcommand/i;

/**
 * Decides whether the worker may start, from what `CONFIG GET maxmemory-policy` answered. Pure, so it
 * is tested without changing the shared Redis.
 */
export function decideEvictionPolicy(probe: PolicyProbe): PolicyDecision {
  if ('error' in probe) {
    const message = errorMessage(probe.error);
    if (NOT_PERMITTED.test(message)) {
      return {
        action: 'warn',
        message: `Cannot read Redis maxmemory-policy (${message}); make sure it is noeviction. ${FIX}`,
      };
    }
    return { action: 'refuse', message: `Cannot check Redis maxmemory-policy: ${message}` };
  }
  if (probe.policy === '') {
    return {
      action: 'warn',
      message: `Redis did not report its maxmemory-policy; make sure it is noeviction. ${FIX}`,
    };
  }
  if (probe.policy !== 'noeviction') {
    return {
      action: 'refuse',
      message: `Redis maxmemory-policy is "${probe.policy}"; the worker refuses to start. ${FIX}`,
    };
  }
  return { action: 'start' };
}

/** CONFIG GET answers `[name, value]` (RESP2) or `{ name: value }` (RESP3 maps). */
export function readConfigValue(reply: unknown, name: string): string {
  if (Array.isArray(reply)) {
    const index = reply.indexOf(name);
    return index >= 0 && typeof reply[index + 1] === 'string' ? (reply[index + 1] as string) : '';
  }
  if (typeof reply === 'object' && reply !== null) {
    const value = (reply as Record<string, unknown>)[name];
    return typeof value === 'string' ? value : '';
  }
  return '';
}

export async function probeEvictionPolicy(redis: Redis, timeoutMs = 10_000): Promise<PolicyProbe> {
  try {
    const reply = await withTimeout(redis.config('GET', 'maxmemory-policy'), timeoutMs, 'Redis CONFIG GET');
    return { policy: readConfigValue(reply, 'maxmemory-policy') };
  } catch (error) {
    return { error };
  }
}

/** At worker boot: refuse an evicting Redis, warn when the policy cannot be read. */
export async function assertNoEviction(redis: Redis, logger: Logger): Promise<void> {
  const decision = decideEvictionPolicy(await probeEvictionPolicy(redis));
  if (decision.action === 'refuse') throw new WorkerBootError(decision.message);
  if (decision.action === 'warn') logger.warn(decision.message);
}
