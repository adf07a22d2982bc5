import { randomUUID } from 'node:crypto';
import { EntityManager, LockMode } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { Account } from '../accounts/entities/account.entity';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config';
import { AuthErrors } from './auth-errors';
import { RefreshToken } from './entities/refresh-token.entity';
import { TokenService } from './token.service';

const DAY_MS = 86_400_000;

export interface IssuedRefreshToken {
  token: string;
  /** The session id: access tokens carry it, so ending the family ends them too. */
  familyId: string;
}

/**
 * Rotating refresh tokens: each use replaces the token; reusing a replaced one revokes the family.
 * A family lives at most `refreshMaxDays` from sign-in, and dies with any credential change
 * (the account's token version moves on, see sessions.ts).
 */
@Injectable()
export class RefreshTokens {
  constructor(
    private readonly em: EntityManager,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** A new family (sign-in). */
  issue(em: EntityManager, account: Account): IssuedRefreshToken {
    const familyExpiresAt = new Date(Date.now() + this.config.jwt.refreshMaxDays * DAY_MS);
    return this.issueInFamily(em, account, randomUUID(), familyExpiresAt);
  }

  /** Returns the account and a new refresh token; the old one can never be used again. */
  async rotate(token: string): Promise<{ account: Account; refresh: IssuedRefreshToken }> {
    const hash = TokenService.hashOpaque(token);
    const result = await this.em.fork().transactional(async (em) => {
      const row = await em.findOne(
        RefreshToken,
        { tokenHash: hash },
        { populate: ['account'], lockMode: LockMode.PESSIMISTIC_WRITE },
      );
      if (!row) throw AuthErrors.AUTH_REFRESH_INVALID();
      if (row.rotatedAt || row.revokedAt) {
        // Reuse of a rotated token: someone holds a stolen copy. Revoke the whole family.
        // The revocation must commit, so the error is thrown after the transaction.
        await this.revokeFamily(em, row.familyId);
        return null;
      }
      const now = Date.now();
      if (
        row.expiresAt.getTime() <= now ||
        row.familyExpiresAt.getTime() <= now ||
        row.account.status === 'disabled' ||
        row.tokenVersion !== row.account.tokenVersion
      ) {
        throw AuthErrors.AUTH_REFRESH_INVALID();
      }
      row.rotatedAt = new Date();
      const refresh = this.issueInFamily(em, row.account, row.familyId, row.familyExpiresAt);
      return { account: row.account, refresh };
    });
    if (!result) throw AuthErrors.AUTH_REFRESH_REUSED();
    return result;
  }

  /** Logout: the family ends, and with it the access tokens that carry its id. */
  async revoke(token: string): Promise<void> {
    const hash = TokenService.hashOpaque(token);
    const em = this.em.fork();
    const row = await em.findOne(RefreshToken, { tokenHash: hash });
    if (row) await this.revokeFamily(em, row.familyId);
  }

  private issueInFamily(
    em: EntityManager,
    account: Account,
    familyId: string,
    familyExpiresAt: Date,
  ): IssuedRefreshToken {
    const { token, hash } = TokenService.opaque();
    const expiresAt = new Date(
      Math.min(Date.now() + this.config.jwt.refreshTtlDays * DAY_MS, familyExpiresAt.getTime()),
    );
    em.create(RefreshToken, {
      account,
      familyId,
      tokenHash: hash,
      expiresAt,
      familyExpiresAt,
      tokenVersion: account.tokenVersion,
    });
    return { token, familyId };
  }

  private async revokeFamily(em: EntityManager, familyId: string): Promise<void> {
    await em.nativeUpdate(RefreshToken, { familyId, revokedAt: null }, { revokedAt: new Date() });
  }
}
