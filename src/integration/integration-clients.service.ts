import { EntityManager, LockMode } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import type { ClientScope } from '../access/client-principal';
import type { Caller } from '../access/request-context';
import { AuditService } from '../audit/audit.service';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { newClientId, newClientSecret } from './client-secrets';
import { IntegrationClient } from './entities/integration-client.entity';
import { IntegrationErrors } from './integration-errors';

export interface IntegrationClientView {
  id: string;
  clientId: string;
  name: string;
  scopes: ClientScope[];
  createdAt: string;
  secretRotatedAt: string;
  /** Until when the secret before the last rotation still works (null: none). */
  previousSecretExpiresAt: string | null;
  revokedAt: string | null;
  lastTokenAt: string | null;
}

/** The one answer that carries the secret: on registration and rotation, never again. */
export interface IssuedClientSecret extends IntegrationClientView {
  clientSecret: string;
}

/** dla_admin's register of integration clients: register, list, rotate the secret, revoke. */
@Injectable()
export class IntegrationClientsService {
  constructor(
    private readonly em: EntityManager,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async register(
    caller: Caller,
    input: { name: string; scopes: ClientScope[] },
  ): Promise<IssuedClientSecret> {
    const { secret, hash } = newClientSecret();
    return this.em.fork().transactional(async (em) => {
      const client = em.create(IntegrationClient, {
        clientId: newClientId(),
        name: input.name.trim(),
        scopes: [...new Set(input.scopes)],
        secretHash: hash,
        createdById: caller.principal.accountId,
      });
      await em.flush();
      await this.audit.record(
        {
          action: 'integration.client.registered',
          actor: caller.principal,
          subjectType: 'IntegrationClient',
          subjectId: client.id,
          details: { clientId: client.clientId, name: client.name, scopes: client.scopes },
        },
        em,
      );
      return { ...present(client), clientSecret: secret };
    });
  }

  async list(): Promise<{ items: IntegrationClientView[]; nextCursor: null }> {
    const clients = await this.em.fork().find(IntegrationClient, {}, { orderBy: { createdAt: 'asc' } });
    return { items: clients.map(present), nextCursor: null };
  }

  /** A new secret; the current one keeps working for INTEGRATION_SECRET_GRACE_HOURS. */
  async rotate(caller: Caller, id: string): Promise<IssuedClientSecret> {
    const { secret, hash } = newClientSecret();
    return this.em.fork().transactional(async (em) => {
      const client = await this.lockLive(em, id);
      const now = Date.now();
      client.previousSecretHash = client.secretHash;
      client.previousSecretExpiresAt = new Date(now + this.config.integration.secretGraceHours * 3_600_000);
      client.secretHash = hash;
      client.secretRotatedAt = new Date(now);
      await em.flush();
      await this.audit.record(
        {
          action: 'integration.client.rotated',
          actor: caller.principal,
          subjectType: 'IntegrationClient',
          subjectId: client.id,
          details: {
            clientId: client.clientId,
            previousValidUntil: client.previousSecretExpiresAt.toISOString(),
          },
        },
        em,
      );
      return { ...present(client), clientSecret: secret };
    });
  }

  /** Ends the client: no new tokens, and tokens already issued are refused on their next call. */
  async revoke(caller: Caller, id: string): Promise<IntegrationClientView> {
    return this.em.fork().transactional(async (em) => {
      const client = await this.lockLive(em, id);
      client.revokedAt = new Date();
      client.previousSecretHash = null;
      client.previousSecretExpiresAt = null;
      await em.flush();
      await this.audit.record(
        {
          action: 'integration.client.revoked',
          actor: caller.principal,
          subjectType: 'IntegrationClient',
          subjectId: client.id,
          details: { clientId: client.clientId },
        },
        em,
      );
      return present(client);
    });
  }

  private async lockLive(em: EntityManager, id: string): Promise<IntegrationClient> {
    const client = await em.findOne(IntegrationClient, id, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!client) throw IntegrationErrors.INTEGRATION_CLIENT_NOT_FOUND({ id });
    if (client.revokedAt) throw IntegrationErrors.INTEGRATION_CLIENT_REVOKED({ id });
    return client;
  }
}

function present(client: IntegrationClient): IntegrationClientView {
  return {
    id: client.id,
    clientId: client.clientId,
    name: client.name,
    scopes: client.scopes,
    createdAt: client.createdAt.toISOString(),
    secretRotatedAt: client.secretRotatedAt.toISOString(),
    previousSecretExpiresAt: client.previousSecretExpiresAt?.toISOString() ?? null,
    revokedAt: client.revokedAt?.toISOString() ?? null,
    lastTokenAt: client.lastTokenAt?.toISOString() ?? null,
  };
}
