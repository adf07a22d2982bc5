import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { AuthErrors } from './auth-errors';
import { LoginThrottle } from './entities/login-throttle.entity';

/** Failures before a key is locked, and how long the lock grows. */
const FREE_FAILURES = 3;
const LOCK_AFTER = { account: 5, ip: 20 } as const;
const BASE_LOCK_SECONDS = 60;
const MAX_LOCK_SECONDS = 3600;
const WINDOW_MS = 60 * 60 * 1000;

/**
 * Growing delays and temporary lockouts per account and per IP. State lives in PostgreSQL so
 * every API instance sees the same counts.
 */
@Injectable()
export class LoginThrottleService {
  constructor(private readonly em: EntityManager) {}

  keys(usernameKey: string, ip: string | null): { account: string; ip: string | null } {
    return { account: `account:${usernameKey}`, ip: ip ? `ip:${ip}` : null };
  }

  /** Throws AUTH_LOCKED (429 with Retry-After) while either key is locked. */
  async assertNotLocked(keys: { account: string; ip: string | null }): Promise<void> {
    const ids = [keys.account, keys.ip].filter((k): k is string => Boolean(k));
    const rows = await this.em.fork().find(LoginThrottle, { key: { $in: ids } });
    const now = Date.now();
    const until = Math.max(0, ...rows.map((r) => r.lockedUntil?.getTime() ?? 0));
    if (until > now) throw AuthErrors.AUTH_LOCKED({ retryAfterSeconds: Math.ceil((until - now) / 1000) });
  }

  /** The delay to add before answering a failure: grows with the failures of this account. */
  async recordFailure(keys: { account: string; ip: string | null }): Promise<number> {
    let delayMs = 0;
    for (const [kind, key] of [
      ['account', keys.account],
      ['ip', keys.ip],
    ] as const) {
      if (!key) continue;
      const rows = await this.em.getConnection().execute<{ failures: number }[]>(
        `insert into login_throttle (key, failures, last_failure_at) values (?, 1, now())
         on conflict (key) do update set
           failures = case when login_throttle.last_failure_at < now() - (? * interval '1 millisecond')
                           then 1 else login_throttle.failures + 1 end,
           last_failure_at = now()
         returning failures`,
        [key, WINDOW_MS],
      );
      const failures = rows[0]?.failures ?? 1;
      const limit = LOCK_AFTER[kind];
      if (failures >= limit) {
        const seconds = Math.min(MAX_LOCK_SECONDS, BASE_LOCK_SECONDS * 2 ** (failures - limit));
        await this.em
          .getConnection()
          .execute(
            `update login_throttle set locked_until = now() + (? * interval '1 second') where key = ?`,
            [seconds, key],
          );
      }
      if (kind === 'account' && failures > FREE_FAILURES) {
        delayMs = Math.min(2000, 250 * 2 ** (failures - FREE_FAILURES - 1));
      }
    }
    return delayMs;
  }

  async recordSuccess(keys: { account: string; ip: string | null }): Promise<void> {
    await this.em.getConnection().execute('delete from login_throttle where key = ?', [keys.account]);
  }
}
