import { IdempotencyModule } from './common/idempotency/idempotency.module';
import { Module } from '@nestjs/common';
import { AccessModule } from './access/access.module';
import { AccountsModule } from './accounts/accounts.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { HealthModule } from './health/health.module';
import { HelpModule } from './help/help.module';
import { LoggingModule } from './logging/logging.module';
import { RedisHealthModule } from './queue/redis-health.module';
import { RegistryModule } from './registry/registry.module';
import { DashboardModule } from './dashboard/dashboard.module';
import { DocumentsPipelineModule } from './documents/pipeline/documents-pipeline.module';
import { StorageModule } from './storage/storage.module';
import { NotificationsModule } from './notifications/notifications.module';
import { OrdersModule } from './orders/orders.module';
import { IntegrationModule } from './integration/integration.module';
import { WebConsoleModule } from './web-console/web-console.module';

/** The HTTP API: every bounded context's controllers over the shared modules. */
@Module({
  imports: [
    ConfigModule,
    LoggingModule,
    DatabaseModule,
    AuditModule,
    StorageModule,
    RedisHealthModule,
    AccessModule,
    IdempotencyModule,
    AuthModule,
    AccountsModule,
    RegistryModule,
    DashboardModule,
    OrdersModule,
    DocumentsPipelineModule,
    NotificationsModule,
    IntegrationModule,
    HealthModule,
    HelpModule,
    WebConsoleModule,
  ],
})
export class AppModule {}
