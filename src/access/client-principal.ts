/** Scopes an integration client may hold (DOMAIN: decisions and the change feed, nothing else). */
export const CLIENT_SCOPES = ['authz:check', 'events:read'] as const;
export type ClientScope = (typeof CLIENT_SCOPES)[number];

/**
 * An integration client (the e-service platform) calling with a client-credentials token: not a
 * person, loaded fresh on every request so a revocation applies at once.
 */
export interface ClientPrincipal {
  kind: 'client';
  /** The client's row id (uuid). */
  id: string;
  /** The public client_id it authenticates with. */
  clientId: string;
  name: string;
  scopes: ClientScope[];
  ip: string | null;
}
