import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { CLIENT_SCOPES, type ClientPrincipal, type ClientScope } from './client-principal';

interface ClientRow {
  id: string;
  client_id: string;
  name: string;
  scopes: string[];
  revoked_at: Date | string | null;
}

/** Loads an integration client on each request (one indexed read): revocation applies on the next call. */
@Injectable()
export class ClientPrincipalLoader {
  constructor(private readonly em: EntityManager) {}

  async load(id: string, ip: string | null): Promise<ClientPrincipal | null> {
    const rows = await this.em
      .getConnection()
      .execute<ClientRow[]>(
        'select id, client_id, name, scopes, revoked_at from integration_client where id = ?',
        [id],
      );
    const row = rows[0];
    if (!row || row.revoked_at) return null;
    const known = new Set<string>(CLIENT_SCOPES);
    return {
      kind: 'client',
      id: row.id,
      clientId: row.client_id,
      name: row.name,
      scopes: row.scopes.filter((s): s is ClientScope => known.has(s)),
      ip,
    };
  }
}
