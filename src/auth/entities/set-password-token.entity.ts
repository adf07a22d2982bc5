import { Entity, Index, ManyToOne, PrimaryKey, Property, type Rel, type Opt } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Account } from '../../accounts/entities/account.entity';

export type SetPasswordPurpose = 'invite' | 'activation' | 'reset' | 'forgot';

/**
 * A one-time set-password link (stored hashed; 72 h; single use). `usedAt`: the holder set a password
 * with it; `voidedAt`: a newer link (or a password set another way) replaced it. `mailId`: the mail
 * that carries it, so the person managing the account sees whether it could be delivered.
 */
@Entity({ tableName: 'set_password_token' })
@Index({ properties: ['account', 'createdAt'] })
export class SetPasswordToken {
  @PrimaryKey({ type: 'uuid' })
  id: Opt<string> = randomUUID();

  @ManyToOne(() => Account)
  account!: Rel<Account>;

  @Property({ length: 64, unique: true })
  tokenHash!: string;

  @Property({ length: 20 })
  purpose!: SetPasswordPurpose;

  @Property({ type: 'timestamptz' })
  expiresAt!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  usedAt?: Date | null;

  @Property({ type: 'timestamptz', nullable: true })
  voidedAt?: Date | null;

  @Property({ type: 'uuid', nullable: true })
  mailId?: string | null;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();
}
