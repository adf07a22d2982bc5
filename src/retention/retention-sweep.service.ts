import { EntityManager } from '@mikro-orm/postgresql';
import type { QueryResult } from '@mikro-orm/core';
import { Injectable, Logger } from '@nestjs/common';
import { RETENTION } from './retention-policy';

export interface RetentionSweepResult {
  idempotencyRecords: number;
  refreshTokens: number;
  setPasswordTokens: number;
  loginThrottles: number;
}

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** Rows deleted per statement: short row locks, and a backlog is worked off in several statements. */
const BATCH = 5000;
/** Purposes that count as the account's invitation (src/accounts/invitations.ts). */
const INVITATIONS = `'invite', 'activation'`;

/**
 * `retention.sweep`: deletes what RETENTION says has been kept long enough. Each statement deletes a
 * bounded batch by primary key and repeats until less than a batch is left; running twice is harmless.
 */
@Injectable()
export class RetentionSweepService {
  private readonly logger = new Logger(RetentionSweepService.name);

  constructor(private readonly em: EntityManager) {}

  async sweep(now = new Date()): Promise<RetentionSweepResult> {
    const before = (ms: number): Date => new Date(now.getTime() - ms);
    const result: RetentionSweepResult = {
      idempotencyRecords: await this.deleteAll(
        `delete from idempotency_record where id in (
           select id from idempotency_record where created_at < ? limit ${BATCH})`,
        [before(RETENTION.idempotencyRecordHours * HOUR_MS)],
      ),
      // The end of a row: its revocation; else, unused, its own expiry; else (rotated) its family's end.
      refreshTokens: await this.deleteAll(
        `delete from refresh_token where id in (
           select id from refresh_token
            where coalesce(revoked_at,
                           case when rotated_at is null then least(expires_at, family_expires_at)
                                else family_expires_at end) < ?
            limit ${BATCH})`,
        [before(RETENTION.refreshTokenDaysAfterEnd * DAY_MS)],
      ),
      // least() skips nulls: the end is the first of use, voiding and expiry. The newest invitation and the
      // newest other link of each account stay: the account's invitation state is read from the former.
      setPasswordTokens: await this.deleteAll(
        `delete from set_password_token where id in (
           select t.id from set_password_token t
            where least(t.used_at, t.voided_at, t.expires_at) < ?
              and exists (select 1 from set_password_token n
                           where n.account_id = t.account_id and (n.created_at, n.id) > (t.created_at, t.id)
                             and (n.purpose in (${INVITATIONS})) = (t.purpose in (${INVITATIONS})))
            limit ${BATCH})`,
        [before(RETENTION.setPasswordTokenDaysAfterEnd * DAY_MS)],
      ),
      loginThrottles: await this.deleteAll(
        `delete from login_throttle where key in (
           select key from login_throttle
            where last_failure_at < ? and (locked_until is null or locked_until < ?)
            limit ${BATCH})`,
        [before(RETENTION.loginThrottleHoursAfterLastFailure * HOUR_MS), now],
      ),
    };
    const total = Object.values(result).reduce((a, b) => a + b, 0);
    if (total > 0) this.logger.log(`retention sweep deleted ${JSON.stringify(result)}`);
    return result;
  }

  private async deleteAll(sql: string, params: unknown[]): Promise<number> {
    const connection = this.em.getConnection();
    let total = 0;
    for (;;) {
      const { affectedRows } = await connection.execute<QueryResult>(sql, params, 'run');
      total += affectedRows;
      if (affectedRows < BATCH) return total;
    }
  }
}
