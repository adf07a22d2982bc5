import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { QueueProducers } from '../queue/queue-producers';
import { errorMessage } from '../queue/with-timeout';
import { RETENTION_SWEEP_EVERY_MS } from './retention-policy';

const RETRY_SCHEDULING_MS = 60_000;

/**
 * Registers `retention.sweep` as a BullMQ job scheduler from every worker process, as the document
 * housekeeping does: keyed by name, so N workers still give one run per interval, the first at once.
 * Boot does not wait for Redis: when it is away, registering is retried every minute.
 */
@Injectable()
export class RetentionScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(RetentionScheduler.name);
  private retry?: NodeJS.Timeout;
  private stopped = false;

  constructor(private readonly producers: QueueProducers) {}

  onApplicationBootstrap(): void {
    void this.schedule();
  }

  onApplicationShutdown(): void {
    this.stopped = true;
    clearTimeout(this.retry);
  }

  private async schedule(): Promise<void> {
    const name = 'retention.sweep';
    const queue = this.producers.queue('maintenance');
    try {
      await queue.waitUntilReady();
      await queue.upsertJobScheduler(
        name,
        { every: RETENTION_SWEEP_EVERY_MS },
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
    } catch (error) {
      if (this.stopped) return;
      this.logger.warn(`scheduling the retention sweep failed, retrying in a minute: ${errorMessage(error)}`);
      this.retry = setTimeout(() => void this.schedule(), RETRY_SCHEDULING_MS);
      this.retry.unref();
    }
  }
}
