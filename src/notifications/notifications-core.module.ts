import { Module } from '@nestjs/common';
import { OutboxModule } from '../outbox/outbox.module';
import { MailOutbox } from './mail-outbox.service';
import { MailSecretBox } from './mail-secret';

/** What other modules need to send mail: queueing only (sending happens in the worker). */
@Module({
  imports: [OutboxModule],
  providers: [MailOutbox, MailSecretBox],
  exports: [MailOutbox, MailSecretBox],
})
export class NotificationsCoreModule {}
