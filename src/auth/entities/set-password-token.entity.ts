import { Entity, ManyToOne, PrimaryKey, Property, type Rel, type Opt } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Account } from '../../accounts/entities/account.entity';

/** A one-time set-password link (stored hashed; 72 h; single use). */
@Entity({ tableName: 'set_password_token' })
export class SetPasswordToken {
  @PrimaryKey({ type: 'uuid' })
  id: Opt<string> = randomUUID();

  @ManyToOne(() => Account)
  account!: Rel<Account>;

  @Property({ length: 64, unique: true })
  tokenHash!: string;

  @Property({ length: 20 })
  purpose!: 'invite' | 'activation' | 'reset';

  @Property({ type: 'timestamptz' })
  expiresAt!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  usedAt?: Date | null;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();
}
