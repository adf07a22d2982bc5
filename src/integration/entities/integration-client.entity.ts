import { Entity, PrimaryKey, Property, type Opt } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import type { ClientScope } from '../../access/client-principal';

/**
 * A system that asks for decisions and reads the change feed (the e-service platform). Its secret is
 * stored as a sha256 (it is 256 random bits, so no slow hash is needed); after a rotation the previous
 * hash keeps working until `previousSecretExpiresAt`.
 */
@Entity({ tableName: 'integration_client' })
export class IntegrationClient {
  @PrimaryKey({ type: 'uuid' })
  id: Opt<string> = randomUUID();

  /** The public identifier it authenticates with (`client_id`). */
  @Property({ length: 64, unique: true })
  clientId!: string;

  @Property({ length: 200 })
  name!: string;

  @Property({ type: 'jsonb' })
  scopes!: ClientScope[];

  @Property({ length: 64, hidden: true })
  secretHash!: string;

  @Property({ length: 64, nullable: true, hidden: true })
  previousSecretHash?: string | null;

  @Property({ type: 'timestamptz', nullable: true })
  previousSecretExpiresAt?: Date | null;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  secretRotatedAt: Opt<Date> = new Date();

  @Property({ type: 'uuid' })
  createdById!: string;

  @Property({ type: 'timestamptz', nullable: true })
  revokedAt?: Date | null;

  @Property({ type: 'timestamptz', nullable: true })
  lastTokenAt?: Date | null;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();
}
