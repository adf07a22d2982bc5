import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DocumentValidationService } from '../src/orders/documents/document-validation.service';
import { JobHandlerRegistry } from '../src/queue/job-handler-registry';

/** Thin processor: `documents.validate` → DocumentValidationService. */
@Injectable()
export class DocumentsProcessor implements OnModuleInit {
  constructor(
    private readonly registry: JobHandlerRegistry,
    private readonly validation: DocumentValidationService,
  ) {}

  onModuleInit(): void {
    this.registry.register('documents.validate', (payload, context) =>
      this.validation.validate(context.em, payload.documentId),
    );
  }
}
