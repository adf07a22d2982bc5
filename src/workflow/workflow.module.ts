import { Module } from '@nestjs/common';
import { SetPasswordLinks } from '../auth/set-password-links.service';
import { NotificationEventsModule } from '../notifications/notification-events.module';
import { NotificationsCoreModule } from '../notifications/notifications-core.module';
import { OutboxModule } from '../outbox/outbox.module';
import { ActivationScheduler } from './activation-scheduler';
import { ActivationService } from './activation.service';
import { GrantActivation } from './grant-activation';
import { OrderEffects } from './order-effects';
import { TransitionService } from './transition.service';

/**
 * The transition service and what it needs, for the API and the workers. SetPasswordLinks is provided
 * here (it only needs MailOutbox and the config) so the workers do not pull in the whole AuthModule.
 * AuditService comes from the global AuditModule.
 */
@Module({
  imports: [OutboxModule, NotificationsCoreModule, NotificationEventsModule],
  providers: [
    TransitionService,
    OrderEffects,
    ActivationScheduler,
    GrantActivation,
    ActivationService,
    SetPasswordLinks,
  ],
  exports: [TransitionService, ActivationService, NotificationEventsModule],
})
export class WorkflowModule {}
