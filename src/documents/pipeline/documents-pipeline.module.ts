import { Module } from '@nestjs/common';
import { AuthTokensModule } from '../../auth/auth-tokens.module';
import { OutboxModule } from '../../outbox/outbox.module';
import { QueueModule } from '../../queue/queue.module';
import { IntegrityReportService } from './integrity-report.service';
import { PipelineAdminController, QueueDashboardController } from './pipeline-admin.controller';
import { QueueDashboard } from './queue-dashboard';
import { StuckDocumentsService } from './stuck-documents.service';

/** API side of the document pipeline's operations: stuck documents, retries, integrity report, bull-board. */
@Module({
  imports: [AuthTokensModule, OutboxModule, QueueModule],
  controllers: [PipelineAdminController, QueueDashboardController],
  providers: [StuckDocumentsService, IntegrityReportService, QueueDashboard],
})
export class DocumentsPipelineModule {}
