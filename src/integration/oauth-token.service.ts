import { setTimeout as sleep } from 'node:timers/promises';
import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import type { ClientScope } from '../access/client-principal';
import { AuditService } from '../audit/audit.service';
import { LoginThrottleService } from '../auth/login-throttle.service';
import { TokenService } from '../auth/token.service';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { hashSecret, sameHash } from './client-secrets';
import { IntegrationClient } from './entities/integration-client.entity';
import { IntegrationErrors } from './integration-errors';

export interface TokenRequest {
  grantType: string | undefined;
  clientId: string | undefined;
  clientSecret: string | undefined;
  scope: string | undefined;
}

/** RFC 6749 §5.1 */
export interface TokenResponse {
  access_token: string;
  token_type: 'Bearer';
  expires_in: number;
  scope: string;
}

/**
 * OAuth 2.0 client credentials (RFC 6749 §4.4). Wrong secrets are throttled by the sign-in throttle
 * (keyed `client:<client_id>`, per address and across addresses) and audited like failed sign-ins.
 */
@Injectable()
export class OAuthTokenService {
  constructor(
    private readonly em: EntityManager,
    private readonly tokens: TokenService,
    private readonly throttle: LoginThrottleService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async issue(request: TokenRequest, ip: string | null): Promise<TokenResponse> {
    if (!request.grantType || !request.clientId || !request.clientSecret) {
      throw IntegrationErrors.OAUTH_INVALID_REQUEST({ error: 'invalid_request' });
    }
    if (request.grantType !== 'client_credentials') {
      throw IntegrationErrors.OAUTH_UNSUPPORTED_GRANT_TYPE({ error: 'unsupported_grant_type' });
    }
    const clientId = request.clientId.slice(0, 64);
    const keys = this.throttle.keys(`client:${clientId}`, ip);
    const admission = await this.throttle.admit(keys);
    if (!admission.admitted) {
      await this.failed(clientId, ip, null, 'locked');
      throw IntegrationErrors.OAUTH_CLIENT_LOCKED({
        error: 'invalid_client',
        retryAfterSeconds: admission.lock.retryAfterSeconds,
      });
    }
    if (admission.delayMs) await sleep(admission.delayMs);

    const em = this.em.fork();
    const client = await em.findOne(IntegrationClient, { clientId });
    const presented = hashSecret(request.clientSecret);
    const now = Date.now();
    const current = client ? sameHash(client.secretHash, presented) : false;
    const previous =
      !!client?.previousSecretHash &&
      !!client.previousSecretExpiresAt &&
      client.previousSecretExpiresAt.getTime() > now &&
      sameHash(client.previousSecretHash, presented);
    if (!client || client.revokedAt || (!current && !previous)) {
      const reason = !client ? 'unknown_client' : client.revokedAt ? 'revoked' : 'wrong_secret';
      await this.failed(clientId, ip, client?.id ?? null, reason);
      throw IntegrationErrors.OAUTH_INVALID_CLIENT({ error: 'invalid_client' });
    }
    await this.throttle.succeeded(keys);

    const scopes = this.grantedScopes(client.scopes, request.scope);
    await em.nativeUpdate(IntegrationClient, { id: client.id }, { lastTokenAt: new Date(now) });
    await this.audit.record({
      action: 'auth.client.token_issued',
      actorUsername: `client:${clientId}`.slice(0, 64),
      ip,
      subjectType: 'IntegrationClient',
      subjectId: client.id,
      details: { scopes, withPreviousSecret: !current },
    });
    return {
      access_token: this.tokens.signClient({ sub: client.id, scope: scopes.join(' ') }),
      token_type: 'Bearer',
      expires_in: this.config.integration.tokenTtlSeconds,
      scope: scopes.join(' '),
    };
  }

  /** The requested scopes (all the client's when none are named); asking for more is refused. */
  private grantedScopes(granted: ClientScope[], requested: string | undefined): ClientScope[] {
    if (!requested?.trim()) return granted;
    const asked = [...new Set(requested.trim().split(/\s+/))];
    const allowed = new Set<string>(granted);
    if (asked.some((s) => !allowed.has(s))) {
      throw IntegrationErrors.OAUTH_INVALID_SCOPE({ error: 'invalid_scope', granted });
    }
    return asked as ClientScope[];
  }

  private async failed(
    clientId: string,
    ip: string | null,
    id: string | null,
    reason: string,
  ): Promise<void> {
    await this.audit.record({
      action: 'auth.client.failed',
      actorUsername: `client:${clientId}`.slice(0, 64),
      ip,
      subjectType: 'IntegrationClient',
      subjectId: id,
      details: { reason },
    });
  }
}
