import type { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { DEFAULT_JOB_OPTIONS } from '../queue/job-options';
import { errorMessage } from '../queue/with-timeout';
import { MailMessage } from './entities/mail-message.entity';
import { fillSecret, MailSecretBox } from './mail-secret';
import { MailTransport } from './mail-transport';

/** `<mail id>@<sender's domain>`: a retried job sends the same Message-ID, so receivers can de-duplicate. */
export function messageIdFor(mailId: string, mailFrom: string): string {
  const domain = /@([^>\s]+)/.exec(mailFrom)?.[1] ?? 'dla.localhost';
  return `<${mailId}@${domain}>`;
}

/** An SMTP error may quote the message: the secret never goes into the stored error. */
function redact(text: string, secret: string | null): string {
  return secret ? text.split(secret).join('[secret]') : text;
}

/**
 * Handles `mail.send`. A sent mail is never sent again; a failure is recorded and rethrown so BullMQ
 * retries with backoff, and the last attempt marks the mail failed.
 */
@Injectable()
export class MailSender {
  constructor(
    private readonly transport: MailTransport,
    private readonly secrets: MailSecretBox,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'mailFrom'>,
  ) {}

  async send(em: EntityManager, mailId: string, attempt: number): Promise<void> {
    const mail = await em.findOne(MailMessage, mailId);
    if (!mail || mail.status === 'sent') return;
    const secret = mail.sealedSecret ? this.secrets.open(mail.sealedSecret) : null;
    try {
      await this.transport.send({
        messageId: messageIdFor(mail.id, this.config.mailFrom),
        to: mail.to,
        subject: mail.subject,
        text: fillSecret(mail.text, secret),
        html: fillSecret(mail.html, secret),
      });
    } catch (error) {
      const last = attempt >= (DEFAULT_JOB_OPTIONS.attempts ?? 1);
      await em.nativeUpdate(
        MailMessage,
        { id: mail.id, status: { $ne: 'sent' } },
        {
          attempts: mail.attempts + 1,
          lastError: redact(errorMessage(error), secret).slice(0, 2000),
          ...(last ? { status: 'failed', sealedSecret: null } : {}),
        },
      );
      throw error;
    }
    await em.nativeUpdate(
      MailMessage,
      { id: mail.id },
      {
        status: 'sent',
        sentAt: new Date(),
        attempts: mail.attempts + 1,
        lastError: null,
        sealedSecret: null,
      },
    );
  }
}
