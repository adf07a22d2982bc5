import { Module } from '@nestjs/common';
import { WorkflowModule } from '../workflow/workflow.module';
import { DocumentValidationService } from './documents/document-validation.service';

/** Worker side of orders: validating uploaded documents (ObjectStorage comes from the global StorageModule). */
@Module({
  imports: [WorkflowModule],
  providers: [DocumentValidationService],
  exports: [DocumentValidationService, WorkflowModule],
})
export class OrdersWorkerModule {}
