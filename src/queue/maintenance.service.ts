import { Injectable, Logger } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import type { JobPayload } from './job-catalogue';
import type { JobContext } from './job-handler';

const MAX_HOLD_MS = 60_000;

/**
 * Checks of a running worker: `ping` only logs (a job ran); `hold` keeps a job in flight for a while,
 * so an operator (and the smoke test) can see a SIGTERM wait for it instead of cutting it off.
 */
@Injectable()
export class MaintenanceService {
  private readonly logger = new Logger(MaintenanceService.name);

  ping(payload: JobPayload<'maintenance.ping'>, context: Pick<JobContext, 'jobId'>): Promise<void> {
    this.logger.log(`maintenance.ping ${context.jobId}: ${payload.note}`);
    return Promise.resolve();
  }

  async hold(payload: JobPayload<'maintenance.hold'>, context: Pick<JobContext, 'jobId'>): Promise<void> {
    const ms = Math.min(Math.max(0, payload.holdMs), MAX_HOLD_MS);
    this.logger.log(`maintenance.hold ${context.jobId}: holding ${ms} ms`);
    await sleep(ms);
    this.logger.log(`maintenance.hold ${context.jobId}: finished`);
  }
}
