import { randomUUID } from 'node:crypto';
import { EntityManager, LockMode } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { Account } from '../accounts/entities/account.entity';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config';
import { AuthErrors } from './auth-errors';
import { RefreshToken } from './entities/refresh-token.entity';
import { TokenService } from './token.service';

/** Rotating refresh tokens: each use replaces the token; reusing a replaced one revokes the family. */
@Injectable()
export class RefreshTokens {
  constructor(
    private readonly em: EntityManager,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  issue(em: EntityManager, account: Account, familyId: string = randomUUID()): string {
    const { token, hash } = TokenService.opaque();
    const expiresAt = new Date(Date.now() + this.config.jwt.refreshTtlDays * 86_400_000);
    em.create(RefreshToken, { account, familyId, tokenHash: hash, expiresAt });
    return token;
  }

  /** Returns the account and a new refresh token; the old one can never be used again. */
  async rotate(token: string): Promise<{ account: Account; refreshToken: string }> {
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
        await em.nativeUpdate(
          RefreshToken,
          { familyId: row.familyId, revokedAt: null },
          { revokedAt: new Date() },
        );
        return null;
      }
      if (row.expiresAt.getTime() < Date.now() || row.account.status === 'disabled') {
        throw AuthErrors.AUTH_REFRESH_INVALID();
      }
      row.rotatedAt = new Date();
      const refreshToken = this.issue(em, row.account, row.familyId);
      return { account: row.account, refreshToken };
    });
    if (!result) throw AuthErrors.AUTH_REFRESH_REUSED();
    return result;
  }

  async revoke(token: string): Promise<void> {
    const hash = TokenService.hashOpaque(token);
    const em = this.em.fork();
    const row = await em.findOne(RefreshToken, { tokenHash: hash });
    if (row)
      await em.nativeUpdate(
        RefreshToken,
        { familyId: row.familyId, revokedAt: null },
        { revokedAt: new Date() },
      );
  }
}
