import { Entity, PrimaryKey, Property, type Opt, PrimaryKeyProp } from '@mikro-orm/core';

/** Failed sign-in counter per account or per IP (`account:<key>` / `ip:<addr>`), for growing delays. */
@Entity({ tableName: 'login_throttle' })
export class LoginThrottle {
  [PrimaryKeyProp]?: 'key';

  @PrimaryKey({ length: 120 })
  key!: string;

  @Property({ default: 0 })
  failures: Opt<number> = 0;

  @Property({ type: 'timestamptz', nullable: true })
  lockedUntil?: Date | null;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  lastFailureAt: Opt<Date> = new Date();
}
