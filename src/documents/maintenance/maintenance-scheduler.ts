import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import type { JobName } from '../../queue/job-catalogue';
import { QueueProducers } from '../../queue/queue-producers';
import { errorMessage } from '../../queue/with-timeout';

export const SCHEDULED_DOCUMENT_JOBS = [
  'documents.quarantine-sweep',
  'documents.integrity-scrub',
] as const satisfies readonly JobName[];

const RETRY_SCHEDULING_MS = 60_000;

/**
 * Registers the document housekeeping as BullMQ job schedulers (repeatable jobs), from every worker process.
 * A scheduler is keyed by its id, so N workers registering it still give one job per interval across the
 * fleet, and the first run is at once. These jobs are not tied to a commit, so they skip the outbox.
 * Boot does not wait for Redis: when it is away, registering is retried every minute.
 */
@Injectable()
export class DocumentsMaintenanceScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DocumentsMaintenanceScheduler.name);
  private retry?: NodeJS.Timeout;
  private stopped = false;

  constructor(
    private readonly producers: QueueProducers,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    void this.schedule();
  }

  onApplicationShutdown(): void {
    this.stopped = true;
    clearTimeout(this.retry);
  }

  private async schedule(): Promise<void> {
    const every = this.config.documents.maintenanceIntervalMinutes * 60_000;
    const queue = this.producers.queue('maintenance');
    try {
      await queue.waitUntilReady();
      for (const name of SCHEDULED_DOCUMENT_JOBS) {
        await queue.upsertJobScheduler(
          name,
          { every },
          {
            name,
            data: {},
            opts: {
              attempts: 5,
              backoff: { type: 'exponential', delay: 10_000 },
              removeOnComplete: { count: 100 },
              removeOnFail: { count: 100 },
            },
          },
        );
      }
    } catch (error) {
      if (this.stopped) return;
      this.logger.warn(
        `scheduling document maintenance failed, retrying in a minute: ${errorMessage(error)}`,
      );
      this.retry = setTimeout(() => void this.schedule(), RETRY_SCHEDULING_MS);
      this.retry.unref();
    }
  }
}
