import { Injectable, type OnModuleInit } from '@nestjs/common';
import { NotificationDispatcher } from '../src/notifications/notification-dispatcher.service';
import { JobHandlerRegistry } from '../src/queue/job-handler-registry';

/** Thin processor: `notifications.dispatch` → in-app notifications and mails of one event. */
@Injectable()
export class NotificationsProcessor implements OnModuleInit {
  constructor(
    private readonly registry: JobHandlerRegistry,
    private readonly dispatcher: NotificationDispatcher,
  ) {}

  onModuleInit(): void {
    this.registry.register('notifications.dispatch', async (payload, context) => {
      await this.dispatcher.dispatch(context.em, payload.eventId);
    });
  }
}
