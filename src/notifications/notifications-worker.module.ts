import { Module } from '@nestjs/common';
import { MailSender } from './mail-sender.service';
import { MailTransport } from './mail-transport';
import { NotificationDispatcher } from './notification-dispatcher.service';
import { NotificationsCoreModule } from './notifications-core.module';

/** Worker side: turning notification events into notifications and mail, and sending mail over SMTP. */
@Module({
  imports: [NotificationsCoreModule],
  providers: [NotificationDispatcher, MailSender, MailTransport],
  exports: [NotificationDispatcher, MailSender],
})
export class NotificationsWorkerModule {}
