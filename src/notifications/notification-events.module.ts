import { Module } from '@nestjs/common';
import { OutboxModule } from '../outbox/outbox.module';
import { NotificationEvents } from './notification-events.service';

/** For modules that raise notices inside their transactions (the workflow). */
@Module({ imports: [OutboxModule], providers: [NotificationEvents], exports: [NotificationEvents] })
export class NotificationEventsModule {}
