import { Module } from '@nestjs/common';
import { OutboxModule } from '../outbox/outbox.module';
import { WorkflowModule } from '../workflow/workflow.module';
import { DocumentDownloadService } from './documents/document-download.service';
import { OrderDocumentsController } from './documents/order-documents.controller';
import { OrderDocumentsService } from './documents/order-documents.service';
import { SpoolSweeper } from './documents/spool-sweeper';
import { GrantsController } from './grants.controller';
import { OrderActions } from './order-actions.service';
import { OrderQueries } from './order-queries.service';
import { OrdersController } from './orders.controller';
import { OrdersService } from './orders.service';
import { BulkVerifyService } from './review-queue/bulk-verify.service';
import { ReviewQueueController } from './review-queue/review-queue.controller';
import { ReviewQueueService } from './review-queue/review-queue.service';

/** HTTP side of appointment orders: orders, grants as workflow items, documents, the review queue. */
@Module({
  imports: [WorkflowModule, OutboxModule],
  controllers: [OrdersController, GrantsController, OrderDocumentsController, ReviewQueueController],
  providers: [
    OrdersService,
    OrderQueries,
    OrderActions,
    OrderDocumentsService,
    SpoolSweeper,
    DocumentDownloadService,
    ReviewQueueService,
    BulkVerifyService,
  ],
})
export class OrdersModule {}
