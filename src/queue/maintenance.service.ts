import { Injectable, Logger } from '@nestjs/common';
import type { JobPayload } from './job-catalogue';
import type { JobContext } from './job-handler';

/** Housekeeping jobs. `ping` does nothing but log: smoke tests use it to see a worker run a job. */
@Injectable()
export class MaintenanceService {
  private readonly logger = new Logger(MaintenanceService.name);

  ping(payload: JobPayload<'maintenance.ping'>, context: Pick<JobContext, 'jobId'>): Promise<void> {
    this.logger.log(`maintenance.ping ${context.jobId}: ${payload.note}`);
    return Promise.resolve();
  }
}
