import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { delayMsAfter, lockSecondsAfter, type ThrottleKind } from './login-throttle-policy';

/** Failures older than this no longer count. */
const WINDOW = '1 hour';

export type ThrottleKeys = Partial<Record<ThrottleKind, string>>;

/** A key that is locked now: which kind, and for how many more seconds. */
export interface ActiveLock {
  kind: ThrottleKind;
  retryAfterSeconds: number;
}

export type Admission = { admitted: true; delayMs: number } | { admitted: false; lock: ActiveLock };

interface Row {
  key: string;
  failures: number;
  locked_until: Date | null;
  stale: boolean;
}

/**
 * Growing delays and temporary locks, kept in PostgreSQL so every API replica sees the same counts.
 * Each attempt is admitted and counted as a failure in one transaction holding the keys' rows, before
 * the password hash runs: a hundred concurrent guesses cannot all reach argon2 before the first
 * failure is recorded. A right password then takes its count back (`succeeded`).
 */
@Injectable()
export class LoginThrottleService {
  constructor(private readonly em: EntityManager) {}

  keys(usernameKey: string, ip: string | null): ThrottleKeys {
    return {
      account: `account:${usernameKey}`,
      ...(ip ? { pair: `pair:${usernameKey}|${ip}`, ip: `ip:${ip}` } : {}),
    };
  }

  async admit(keys: ThrottleKeys): Promise<Admission> {
    const entries = (Object.entries(keys) as [ThrottleKind, string][]).sort((a, b) =>
      a[1].localeCompare(b[1]),
    );
    return this.em.fork().transactional(async (em) => {
      const names = entries.map(([, key]) => key);
      // Rows exist before they are locked; sorted keys keep concurrent attempts from deadlocking.
      const list = names.map(() => '?').join(', ');
      await em.execute(
        `insert into login_throttle (key, failures, last_failure_at)
         values ${names.map(() => '(?, 0, now())').join(', ')} on conflict (key) do nothing`,
        names,
      );
      const rows = await em.execute<Row[]>(
        `select key, failures, locked_until, last_failure_at < now() - interval '${WINDOW}' as stale
           from login_throttle where key in (${list}) order by key for update`,
        names,
      );
      const now = Date.now();
      let lock: ActiveLock | null = null;
      for (const row of rows) {
        const until = row.locked_until ? new Date(row.locked_until).getTime() : 0;
        if (until <= now) continue;
        const retryAfterSeconds = Math.ceil((until - now) / 1000);
        if (!lock || retryAfterSeconds > lock.retryAfterSeconds) {
          lock = { kind: entries.find(([, key]) => key === row.key)![0], retryAfterSeconds };
        }
      }
      if (lock) return { admitted: false, lock };
      let delayMs = 0;
      for (const row of rows) {
        const kind = entries.find(([, key]) => key === row.key)![0];
        const failures = row.stale ? 1 : row.failures + 1;
        const lockSeconds = lockSecondsAfter(kind, failures);
        await em.execute(
          `update login_throttle set failures = ?, last_failure_at = now(),
                  locked_until = case when ? > 0 then now() + (? * interval '1 second') else locked_until end
            where key = ?`,
          [failures, lockSeconds, lockSeconds, row.key],
        );
        // The delay follows the failures before this attempt: the owner's first try is never slowed.
        delayMs = Math.max(delayMs, delayMsAfter(kind, failures - 1));
      }
      return { admitted: true, delayMs };
    });
  }

  /**
   * The password was right: this username's counts start again; the address keeps its count minus
   * this attempt (one valid password must not clear an address that guesses many accounts).
   */
  async succeeded(keys: ThrottleKeys): Promise<void> {
    const own = [keys.account, keys.pair].filter((k): k is string => Boolean(k));
    await this.em.execute(`delete from login_throttle where key in (${own.map(() => '?').join(', ')})`, own);
    if (keys.ip) {
      await this.em.execute('update login_throttle set failures = greatest(failures - 1, 0) where key = ?', [
        keys.ip,
      ]);
    }
  }
}
