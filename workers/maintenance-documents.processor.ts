import { Injectable, type OnModuleInit } from '@nestjs/common';
import { IntegrityScrubService } from '../src/documents/maintenance/integrity-scrub.service';
import { QuarantineSweepService } from '../src/documents/maintenance/quarantine-sweep.service';
import { JobHandlerRegistry } from '../src/queue/job-handler-registry';

/** Thin processor: the scheduled document housekeeping jobs → their services. */
@Injectable()
export class DocumentsMaintenanceProcessor implements OnModuleInit {
  constructor(
    private readonly registry: JobHandlerRegistry,
    private readonly sweep: QuarantineSweepService,
    private readonly scrub: IntegrityScrubService,
  ) {}

  onModuleInit(): void {
    this.registry.register('documents.quarantine-sweep', async () => void (await this.sweep.sweep()));
    this.registry.register('documents.integrity-scrub', async () => void (await this.scrub.scrub()));
  }
}
