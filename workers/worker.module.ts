import { Module, type OnApplicationBootstrap } from '@nestjs/common';
import { ConfigModule } from '../src/config/config.module';
import { DatabaseModule } from '../src/database/database.module';
import { OutboxModule } from '../src/outbox/outbox.module';
import { OutboxRelay } from '../src/outbox/outbox-relay';
import { OutboxRelayModule } from '../src/outbox/outbox-relay.module';
import { MaintenanceModule } from '../src/queue/maintenance.module';
import { QueueWorkersModule } from '../src/queue/queue.module';
import { RedisHealthModule } from '../src/queue/redis-health.module';
import { AuditModule } from '../src/audit/audit.module';
import { NotificationsWorkerModule } from '../src/notifications/notifications-worker.module';
import { OrdersWorkerModule } from '../src/orders/orders-worker.module';
import { StorageModule } from '../src/storage/storage.module';
import { DocumentsMaintenanceModule } from '../src/documents/maintenance/documents-maintenance.module';
import { RetentionModule } from '../src/retention/retention.module';
import { DocumentsProcessor } from './documents.processor';
import { DocumentsMaintenanceProcessor } from './maintenance-documents.processor';
import { MailProcessor } from './mail.processor';
import { MaintenanceProcessor } from './maintenance.processor';
import { NotificationsProcessor } from './notifications.processor';
import { WorkerReadiness } from './worker-readiness';
import { RetentionProcessor } from './retention.processor';
import { WorkflowProcessor } from './workflow.processor';

/**
 * The worker process: BullMQ workers for every queue plus the outbox relay, no HTTP.
 * Processors register their handlers in onModuleInit; QueueWorkers checks and starts the workers in
 * its onApplicationBootstrap (imported modules run their hooks before this root module).
 */
@Module({
  imports: [
    ConfigModule,
    DatabaseModule,
    RedisHealthModule,
    QueueWorkersModule,
    OutboxModule,
    OutboxRelayModule,
    MaintenanceModule,
    AuditModule,
    StorageModule,
    OrdersWorkerModule,
    NotificationsWorkerModule,
    DocumentsMaintenanceModule,
    RetentionModule,
  ],
  providers: [
    MaintenanceProcessor,
    WorkflowProcessor,
    DocumentsProcessor,
    DocumentsMaintenanceProcessor,
    MailProcessor,
    NotificationsProcessor,
    WorkerReadiness,
    RetentionProcessor,
  ],
})
export class WorkerModule implements OnApplicationBootstrap {
  constructor(private readonly relay: OutboxRelay) {}

  /** Rows leave the outbox only once there are running workers that can take them. */
  onApplicationBootstrap(): void {
    this.relay.start();
  }
}
