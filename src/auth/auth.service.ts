import { setTimeout as sleep } from 'node:timers/promises';
import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { Account } from '../accounts/entities/account.entity';
import { normalizeUsername } from '../accounts/username';
import type { Principal } from '../access/principal';
import { AuditService } from '../audit/audit.service';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config';
import { AuthErrors } from './auth-errors';
import { LoginThrottleService } from './login-throttle.service';
import { PasswordHasher } from './password-hasher';
import { assertPasswordAcceptable } from './password-policy';
import { type IssuedRefreshToken, RefreshTokens } from './refresh-tokens.service';
import { endAllSessions } from './sessions';
import { voidOpenLinks } from './set-password-links.service';
import { TokenService } from './token.service';

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  mustChangePassword: boolean;
  expiresIn: number;
}

@Injectable()
export class AuthService {
  constructor(
    private readonly em: EntityManager,
    private readonly hasher: PasswordHasher,
    private readonly tokens: TokenService,
    private readonly refreshTokens: RefreshTokens,
    private readonly throttle: LoginThrottleService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Same answer, in about the same time, for an unknown user and a wrong password. */
  async login(username: string, password: string, ip: string | null): Promise<TokenPair> {
    const key = normalizeUsername(username);
    const keys = this.throttle.keys(key.slice(0, 64), ip);
    const em = this.em.fork();
    const admission = await this.throttle.admit(keys);
    if (!admission.admitted) {
      const { lock } = admission;
      // Refused without checking the password, but still an attempt: audited like the others.
      const target = await em.findOne(Account, { usernameKey: key }, { fields: ['id'] });
      await this.audit.record({
        action: 'auth.login.failed',
        actorUsername: key.slice(0, 64),
        ip,
        subjectType: 'Account',
        subjectId: target?.id ?? null,
        details: { reason: 'locked', lockedKey: lock.kind },
      });
      throw AuthErrors.AUTH_LOCKED({ retryAfterSeconds: lock.retryAfterSeconds });
    }
    // Slowed before the hash, so waiting is the only way to try again sooner.
    if (admission.delayMs) await sleep(admission.delayMs);
    const account = await em.findOne(Account, { usernameKey: key });
    const ok = await this.hasher.verify(account?.passwordHash, password);
    if (!ok || !account || account.status === 'disabled') {
      await this.audit.record({
        action: 'auth.login.failed',
        actorUsername: key.slice(0, 64),
        ip,
        subjectType: 'Account',
        subjectId: account?.id ?? null,
        details: { reason: !account ? 'unknown_user' : ok ? 'disabled' : 'wrong_password' },
      });
      throw AuthErrors.AUTH_INVALID_CREDENTIALS();
    }
    await this.throttle.succeeded(keys);
    const pair = await em.transactional(async (tx) => {
      const fresh = await tx.findOneOrFail(Account, account.id);
      fresh.lastLoginAt = new Date();
      if (fresh.status === 'invited') fresh.status = 'active';
      const refresh = this.refreshTokens.issue(tx, fresh);
      return { fresh, refresh };
    });
    await this.audit.record({
      action: 'auth.login.succeeded',
      actor: { accountId: account.id, username: account.username, ip },
      subjectType: 'Account',
      subjectId: account.id,
    });
    return this.pairFor(pair.fresh, pair.refresh);
  }

  async refresh(refreshToken: string): Promise<TokenPair> {
    const rotated = await this.refreshTokens.rotate(refreshToken);
    return this.pairFor(rotated.account, rotated.refresh);
  }

  async logout(refreshToken: string): Promise<void> {
    await this.refreshTokens.revoke(refreshToken);
  }

  async changePassword(principal: Principal, currentPassword: string, newPassword: string): Promise<void> {
    await this.em.fork().transactional(async (em) => {
      const account = await em.findOneOrFail(Account, principal.accountId);
      if (!(await this.hasher.verify(account.passwordHash, currentPassword))) {
        throw AuthErrors.AUTH_CURRENT_PASSWORD_WRONG();
      }
      assertPasswordAcceptable(newPassword, account.username);
      account.passwordHash = await this.hasher.hash(newPassword);
      account.mustChangePassword = false;
      await endAllSessions(em, [account]);
      await this.audit.record(
        { action: 'auth.password.changed', actor: principal, subjectType: 'Account', subjectId: account.id },
        em,
      );
    });
  }

  /** Consumes a one-time link: valid, unexpired and unused, exactly once even under races. */
  async setPassword(token: string, newPassword: string, ip: string | null): Promise<void> {
    const hash = TokenService.hashOpaque(token);
    await this.em.fork().transactional(async (em) => {
      const consumed = await em.getConnection().execute<{ account_id: string }[]>(
        `update set_password_token set used_at = now()
          where token_hash = ? and used_at is null and voided_at is null and expires_at > now()
          returning account_id`,
        [hash],
        'all',
        em.getTransactionContext(),
      );
      const accountId = consumed[0]?.account_id;
      if (!accountId) throw AuthErrors.AUTH_LINK_INVALID();
      const account = await em.findOneOrFail(Account, accountId);
      if (account.status === 'disabled') throw AuthErrors.AUTH_LINK_INVALID();
      assertPasswordAcceptable(newPassword, account.username);
      account.passwordHash = await this.hasher.hash(newPassword);
      account.mustChangePassword = false;
      await endAllSessions(em, [account]);
      if (account.status === 'invited') account.status = 'active';
      await voidOpenLinks(em, account.id);
      await this.audit.record(
        {
          action: 'auth.password.set',
          actorUsername: account.username,
          ip,
          subjectType: 'Account',
          subjectId: account.id,
        },
        em,
      );
    });
  }

  private pairFor(account: Account, refresh: IssuedRefreshToken): TokenPair {
    return {
      accessToken: this.tokens.signAccess({
        sub: account.id,
        tv: account.tokenVersion,
        sid: refresh.familyId,
      }),
      refreshToken: refresh.token,
      mustChangePassword: account.mustChangePassword,
      expiresIn: this.config.jwt.accessTtlSeconds,
    };
  }
}
