import type { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { OutboxService } from '../outbox/outbox.service';
import { MailMessage } from './entities/mail-message.entity';

export interface MailContent {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

/** Queues an e-mail in the caller's transaction: a row plus a `mail.send` job through the outbox. */
@Injectable()
export class MailOutbox {
  constructor(private readonly outbox: OutboxService) {}

  queue(em: EntityManager, content: MailContent): MailMessage {
    const mail = em.create(MailMessage, {
      to: content.to,
      subject: content.subject,
      text: content.text,
      html: content.html ?? null,
    });
    this.outbox.enqueue(em, 'mail.send', { mailId: mail.id });
    return mail;
  }
}
