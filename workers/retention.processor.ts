import { Injectable, type OnModuleInit } from '@nestjs/common';
import { JobHandlerRegistry } from '../src/queue/job-handler-registry';
import { RetentionSweepService } from '../src/retention/retention-sweep.service';

/** Thin processor: the scheduled retention sweep → its service. */
@Injectable()
export class RetentionProcessor implements OnModuleInit {
  constructor(
    private readonly registry: JobHandlerRegistry,
    private readonly sweep: RetentionSweepService,
  ) {}

  onModuleInit(): void {
    this.registry.register('retention.sweep', async () => void (await this.sweep.sweep()));
  }
}
