import { Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { QueueModule } from '../queue/queue.module';
import { OUTBOX_RELAY_OPTIONS, OutboxRelay, type OutboxRelayOptions } from './outbox-relay';

/** Worker process only. The relay does not start itself: WorkerModule starts it once workers run. */
@Module({
  imports: [QueueModule],
  providers: [
    OutboxRelay,
    {
      provide: OUTBOX_RELAY_OPTIONS,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): OutboxRelayOptions => ({
        pollMs: config.outboxPollMs,
        batchSize: 100,
        addTimeoutMs: 5000,
        maxBackoffMs: 30_000,
      }),
    },
  ],
  exports: [OutboxRelay],
})
export class OutboxRelayModule {}
