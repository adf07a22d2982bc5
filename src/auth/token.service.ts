import { createHash, createSecretKey, type KeyObject, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config';
import { AuthErrors } from './auth-errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Derived from the API's audience, so environments with their own audience keep their boards apart too. */
export function dashboardAudience(config: AppConfig): string {
  return `${config.jwt.audience}/queues`;
}

export interface AccessClaims {
  sub: string;
  /** The account's token version when the token was issued. */
  tv: number;
  /** The session (refresh family) it belongs to: logout ends the family and so the token. */
  sid: string;
}

export interface ClientClaims {
  /** The integration client's row id. */
  sub: string;
  /** Space-separated scopes granted at issue (RFC 6749 §3.3). */
  scope: string;
}

/** Short-lived JWT access tokens (HS256 pinned, issuer and audience checked) and opaque random tokens. */
@Injectable()
export class TokenService {
  /**
   * The HS256 secret as a KeyObject, made once. Given a string, jsonwebtoken first tries to parse
   * it as a PEM public key on every call (a thrown, caught error) before falling back to a secret
   * key: that cost ~10% of the API's CPU under load (bench:review-queue profile).
   */
  private readonly key: KeyObject;

  constructor(
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.key = createSecretKey(Buffer.from(config.jwt.secret, 'utf8'));
  }

  signAccess(claims: AccessClaims): string {
    return this.jwt.sign(claims, {
      algorithm: 'HS256',
      privateKey: this.key,
      issuer: this.config.jwt.issuer,
      audience: this.config.jwt.audience,
      expiresIn: this.config.jwt.accessTtlSeconds,
    });
  }

  verifyAccess(token: string): AccessClaims {
    return this.verify(token, this.config.jwt.audience);
  }

  /**
   * The queue board's cookie token: the caller's claims under an audience of its own, so the cookie is
   * never an API token (a leaked cookie opens the board only, for minutes, and only while the session lives).
   */
  signDashboard(claims: AccessClaims, ttlSeconds: number): string {
    return this.jwt.sign(claims, {
      algorithm: 'HS256',
      privateKey: this.key,
      issuer: this.config.jwt.issuer,
      audience: dashboardAudience(this.config),
      expiresIn: ttlSeconds,
    });
  }

  verifyDashboard(token: string): AccessClaims {
    return this.verify(token, dashboardAudience(this.config));
  }

  private verify(token: string, audience: string): AccessClaims {
    try {
      const claims = this.jwt.verify<{ sub: unknown; tv: unknown; sid: unknown }>(token, {
        algorithms: ['HS256'],
        // JwtVerifyOptions types `secret` as string | Buffer; jsonwebtoken takes a KeyObject too.
        secret: this.key as unknown as Buffer,
        issuer: this.config.jwt.issuer,
        audience,
      });
      const { sub, tv, sid } = claims;
      if (typeof sub !== 'string' || typeof tv !== 'number' || typeof sid !== 'string' || !UUID.test(sid)) {
        throw new Error('bad claims');
      }
      return { sub, tv, sid };
    } catch {
      throw AuthErrors.AUTH_TOKEN_INVALID();
    }
  }

  /** An integration client's access token: its own audience, so it is never taken for a person's. */
  signClient(claims: ClientClaims): string {
    return this.jwt.sign(
      { scope: claims.scope },
      {
        algorithm: 'HS256',
        privateKey: this.key,
        subject: claims.sub,
        issuer: this.config.jwt.issuer,
        audience: this.config.integration.audience,
        expiresIn: this.config.integration.tokenTtlSeconds,
      },
    );
  }

  /** Whether a (not yet verified) token names the integration audience: the guard then verifies it as one. */
  isClientToken(token: string): boolean {
    const decoded: unknown = this.jwt.decode(token);
    if (!decoded || typeof decoded !== 'object') return false;
    const aud = (decoded as { aud?: unknown }).aud;
    const audience = this.config.integration.audience;
    return aud === audience || (Array.isArray(aud) && aud.includes(audience));
  }

  verifyClient(token: string): ClientClaims {
    try {
      const claims = this.jwt.verify<{ sub: unknown; scope: unknown }>(token, {
        algorithms: ['HS256'],
        secret: this.key as unknown as Buffer,
        issuer: this.config.jwt.issuer,
        audience: this.config.integration.audience,
      });
      const { sub, scope } = claims;
      if (typeof sub !== 'string' || !UUID.test(sub) || typeof scope !== 'string')
        throw new Error('bad claims');
      return { sub, scope };
    } catch {
      throw AuthErrors.AUTH_TOKEN_INVALID();
    }
  }

  /** A random URL-safe token and the sha256 we store instead of it. */
  static opaque(): { token: string; hash: string } {
    const token = randomBytes(32).toString('base64url');
    return { token, hash: TokenService.hashOpaque(token) };
  }

  static hashOpaque(token: string): string {
    return createHash('sha256').update(token, 'utf8').digest('hex');
  }
}
