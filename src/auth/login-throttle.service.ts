import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { LoginThrottle } from './entities/login-throttle.entity';
import { delayMsAfter, lockSecondsAfter, type ThrottleKind } from './login-throttle-policy';

const WINDOW_MS = 60 * 60 * 1000;

export interface ThrottleKeys {
  account: string;
  ip: string | null;
}

/** A key that is locked now: which kind, and for how many more seconds. */
export interface ActiveLock {
  kind: ThrottleKind;
  retryAfterSeconds: number;
}

/**
 * Growing delays and temporary lockouts per account and per IP. State lives in PostgreSQL so
 * every API instance sees the same counts.
 */
@Injectable()
export class LoginThrottleService {
  constructor(private readonly em: EntityManager) {}

  keys(usernameKey: string, ip: string | null): ThrottleKeys {
    return { account: `account:${usernameKey}`, ip: ip ? `ip:${ip}` : null };
  }

  /** The longest active lock of either key, or null when the attempt may proceed. */
  async activeLock(keys: ThrottleKeys): Promise<ActiveLock | null> {
    const ids = [keys.account, keys.ip].filter((k): k is string => Boolean(k));
    const rows = await this.em.fork().find(LoginThrottle, { key: { $in: ids } });
    const now = Date.now();
    let lock: ActiveLock | null = null;
    for (const row of rows) {
      const until = row.lockedUntil?.getTime() ?? 0;
      if (until <= now) continue;
      const retryAfterSeconds = Math.ceil((until - now) / 1000);
      if (!lock || retryAfterSeconds > lock.retryAfterSeconds) {
        lock = { kind: row.key === keys.account ? 'account' : 'ip', retryAfterSeconds };
      }
    }
    return lock;
  }

  /** Counts a failure on both keys; returns the delay to add before answering (the larger one). */
  async recordFailure(keys: ThrottleKeys): Promise<number> {
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
      const lockSeconds = lockSecondsAfter(kind, failures);
      if (lockSeconds > 0) {
        await this.em
          .getConnection()
          .execute(
            `update login_throttle set locked_until = now() + (? * interval '1 second') where key = ?`,
            [lockSeconds, key],
          );
      }
      delayMs = Math.max(delayMs, delayMsAfter(kind, failures));
    }
    return delayMs;
  }

  /** Only the account's count: one valid password must not clear an IP that guesses many accounts. */
  async recordSuccess(keys: ThrottleKeys): Promise<void> {
    await this.em.getConnection().execute('delete from login_throttle where key = ?', [keys.account]);
  }
}
