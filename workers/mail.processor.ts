import { Injectable, type OnModuleInit } from '@nestjs/common';
import { MailSender } from '../src/notifications/mail-sender.service';
import { JobHandlerRegistry } from '../src/queue/job-handler-registry';

/** Thin processor: `mail.send` → MailSender (sent once, retried with backoff on SMTP failures). */
@Injectable()
export class MailProcessor implements OnModuleInit {
  constructor(
    private readonly registry: JobHandlerRegistry,
    private readonly sender: MailSender,
  ) {}

  onModuleInit(): void {
    this.registry.register('mail.send', (payload, context) =>
      this.sender.send(context.em, payload.mailId, context.attempt),
    );
  }
}
