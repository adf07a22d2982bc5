import type { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { OutboxService } from '../outbox/outbox.service';
import { MailMessage } from './entities/mail-message.entity';
import { withHelpFooter } from './mail-footer';
import { MailSecretBox } from './mail-secret';

export interface MailContent {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** Put in place of MAIL_SECRET_SLOT at send time; stored only sealed, erased after sending. */
  secret?: string;
}

/** Queues an e-mail in the caller's transaction: a row plus a `mail.send` job through the outbox. */
@Injectable()
export class MailOutbox {
  constructor(
    private readonly outbox: OutboxService,
    private readonly secrets: MailSecretBox,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'helpdesk'>,
  ) {}

  queue(em: EntityManager, content: MailContent): MailMessage {
    const body = withHelpFooter(content, this.config.helpdesk);
    const mail = em.create(MailMessage, {
      to: content.to,
      subject: content.subject,
      text: body.text,
      html: body.html,
      sealedSecret: content.secret !== undefined ? this.secrets.seal(content.secret) : null,
    });
    this.outbox.enqueue(em, 'mail.send', { mailId: mail.id });
    return mail;
  }
}
