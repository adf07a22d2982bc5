import { Entity, Index, ManyToOne, PrimaryKey, Property, type Rel, type Opt } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Account } from '../../accounts/entities/account.entity';

/** A refresh token, stored as its sha256. Rotation links tokens by `familyId`; reuse revokes the family. */
@Entity({ tableName: 'refresh_token' })
@Index({ properties: ['familyId'] })
export class RefreshToken {
  @PrimaryKey({ type: 'uuid' })
  id: Opt<string> = randomUUID();

  @ManyToOne(() => Account)
  account!: Rel<Account>;

  @Property({ type: 'uuid' })
  familyId!: string;

  @Property({ length: 64, unique: true })
  tokenHash!: string;

  @Property({ type: 'timestamptz' })
  expiresAt!: Date;

  /** The family's absolute end (JWT_REFRESH_MAX_DAYS after sign-in): rotation never moves it. */
  @Property({ type: 'timestamptz' })
  familyExpiresAt!: Date;

  /** The account's token version at issue: a credential change since then makes the token useless. */
  @Property({ default: 0 })
  tokenVersion: Opt<number> = 0;

  @Property({ type: 'timestamptz', nullable: true })
  rotatedAt?: Date | null;

  @Property({ type: 'timestamptz', nullable: true })
  revokedAt?: Date | null;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();
}
