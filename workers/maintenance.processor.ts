import { Injectable, type OnModuleInit } from '@nestjs/common';
import { JobHandlerRegistry } from '../src/queue/job-handler-registry';
import { MaintenanceService } from '../src/queue/maintenance.service';

/** Thin processor: maps the maintenance jobs to their service. */
@Injectable()
export class MaintenanceProcessor implements OnModuleInit {
  constructor(
    private readonly registry: JobHandlerRegistry,
    private readonly maintenance: MaintenanceService,
  ) {}

  onModuleInit(): void {
    this.registry.register('maintenance.ping', (payload, context) => this.maintenance.ping(payload, context));
    this.registry.register('maintenance.hold', (payload, context) => this.maintenance.hold(payload, context));
  }
}
