import { setTimeout as sleep } from 'node:timers/promises';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { Account } from '../accounts/entities/account.entity';
import { normalizeUsername } from '../accounts/username';
import { AuditService } from '../audit/audit.service';
import { MailOutbox } from '../notifications/mail-outbox.service';
import { forgotSharedEmailMail } from '../notifications/templates/account-mail';
import { AuthErrors } from './auth-errors';
import { SetPasswordToken } from './entities/set-password-token.entity';
import { SetPasswordLinks } from './set-password-links.service';

/** Every answer takes at least this long, so timing does not tell a known account from an unknown. */
export const FORGOT_ANSWER_FLOOR_MS = 400;
/** Mails per account per hour: enough for "it went to junk, send again", not enough to flood a box. */
const MAILS_PER_ACCOUNT_PER_HOUR = 3;
/** Requests per address per hour: an office behind one NAT, not a harvester. */
const REQUESTS_PER_IP_PER_HOUR = 20;

type Outcome = 'sent' | 'unknown' | 'not_eligible' | 'shared_email' | 'account_throttled';

/**
 * "Forgot password": the same 202 in about the same time whatever the login names; a one-time link
 * to an active account's own address (or a fresh invitation to one whose invitation expired). The
 * link ends sessions only when used (a stranger's request must not sign the owner out).
 */
@Injectable()
export class ForgotPasswordService {
  constructor(
    private readonly em: EntityManager,
    private readonly links: SetPasswordLinks,
    private readonly mail: MailOutbox,
    private readonly audit: AuditService,
  ) {}

  async request(login: string, ip: string | null): Promise<void> {
    const started = Date.now();
    try {
      if (ip && (await this.countInWindow(`forgot-ip:${ip}`)) > REQUESTS_PER_IP_PER_HOUR) {
        await this.record(login, null, ip, 'ip_throttled');
        throw AuthErrors.AUTH_FORGOT_TOO_MANY({ retryAfterSeconds: 3600 });
      }
      const { outcome, accountId } = await this.em.fork().transactional((em) => this.handle(em, login));
      await this.record(login, accountId, ip, outcome);
    } finally {
      const left = FORGOT_ANSWER_FLOOR_MS - (Date.now() - started);
      if (left > 0) await sleep(left);
    }
  }

  private async handle(
    em: EntityManager,
    login: string,
  ): Promise<{ outcome: Outcome; accountId: string | null }> {
    const trimmed = login.trim();
    const candidates = trimmed.includes('@')
      ? await em.find(
          Account,
          { email: { $ilike: escapeLike(trimmed) }, status: { $ne: 'disabled' } },
          {
            populate: ['lao', 'province'],
            limit: 3,
          },
        )
      : await em.find(
          Account,
          { usernameKey: normalizeUsername(trimmed), status: { $ne: 'disabled' } },
          {
            populate: ['lao', 'province'],
          },
        );
    if (candidates.length === 0) return { outcome: 'unknown', accountId: null };
    if (candidates.length > 1) {
      // Two accounts share the address: a link could open the wrong one. Ask for the username.
      this.mail.queue(em, forgotSharedEmailMail({ to: candidates[0].email }));
      return { outcome: 'shared_email', accountId: null };
    }
    const account = candidates[0];
    const invited = account.status === 'invited' && (await em.count(SetPasswordToken, { account })) > 0;
    if (account.status !== 'active' && !invited) return { outcome: 'not_eligible', accountId: account.id };
    if ((await this.countInWindow(`forgot-account:${account.id}`, em)) > MAILS_PER_ACCOUNT_PER_HOUR) {
      return { outcome: 'account_throttled', accountId: account.id };
    }
    await this.links.issue(em, account, invited ? 'invite' : 'forgot');
    return { outcome: 'sent', accountId: account.id };
  }

  /** Counts one more request under `key` in a one-hour window (atomic across API replicas). */
  private async countInWindow(key: string, em: EntityManager = this.em): Promise<number> {
    const rows = await em.execute<{ failures: number }[]>(
      `insert into login_throttle (key, failures, last_failure_at) values (?, 1, now())
       on conflict (key) do update set
         failures = case when login_throttle.last_failure_at < now() - interval '1 hour'
                         then 1 else login_throttle.failures + 1 end,
         last_failure_at = now()
       returning failures`,
      [key],
    );
    return rows[0]?.failures ?? 1;
  }

  private async record(
    login: string,
    accountId: string | null,
    ip: string | null,
    outcome: Outcome | 'ip_throttled',
  ): Promise<void> {
    await this.audit.record({
      action: 'auth.password.forgot',
      actorUsername: login.trim().slice(0, 64),
      ip,
      subjectType: 'Account',
      subjectId: accountId,
      details: { outcome },
    });
  }
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}
