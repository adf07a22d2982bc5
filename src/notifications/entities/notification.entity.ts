import { Entity, Index, ManyToOne, PrimaryKey, Property, type Rel, type Opt } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Account } from '../../accounts/entities/account.entity';

/** An in-app notification of one account. */
@Entity({ tableName: 'notification' })
@Index({ properties: ['account', 'createdAt'] })
export class Notification {
  @PrimaryKey({ type: 'uuid' })
  id: Opt<string> = randomUUID();

  @ManyToOne(() => Account)
  account!: Rel<Account>;

  @Property({ length: 60 })
  kind!: string;

  @Property({ length: 300 })
  title!: string;

  @Property({ type: 'text' })
  body!: string;

  @Property({ length: 300, nullable: true })
  link?: string | null;

  @Property({ type: 'timestamptz', nullable: true })
  readAt?: Date | null;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();
}
