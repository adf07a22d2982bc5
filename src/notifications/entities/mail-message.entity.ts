import { Entity, Index, PrimaryKey, Property, type Opt } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

export type MailStatus = 'pending' | 'sent' | 'failed';

/** An e-mail to send; the `mail.send` job carries only its id, so a retry sends the same message once. */
@Entity({ tableName: 'mail_message' })
@Index({ properties: ['status', 'createdAt'] })
export class MailMessage {
  @PrimaryKey({ type: 'uuid' })
  id: Opt<string> = randomUUID();

  @Property({ length: 254 })
  to!: string;

  @Property({ length: 300 })
  subject!: string;

  @Property({ type: 'text' })
  text!: string;

  @Property({ type: 'text', nullable: true })
  html?: string | null;

  /** The secret for MAIL_SECRET_SLOT, sealed (MailSecretBox); erased once sent or failed for good. */
  @Property({ type: 'text', nullable: true, hidden: true })
  sealedSecret?: string | null;

  @Property({ length: 10, default: 'pending' })
  status: Opt<MailStatus> = 'pending';

  @Property({ default: 0 })
  attempts: Opt<number> = 0;

  @Property({ type: 'text', nullable: true })
  lastError?: string | null;

  @Property({ type: 'timestamptz', nullable: true })
  sentAt?: Date | null;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();
}
