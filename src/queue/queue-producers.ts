import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { Queue, type JobsOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { QUEUE_NAMES, queueOf, type JobName, type JobPayload, type QueueName } from './job-catalogue';
import { DEFAULT_JOB_OPTIONS } from './job-options';
import { closeRedisConnection, createRedisConnection } from './redis';
import { withTimeout } from './with-timeout';

/** A job as the outbox relay hands it over: already checked against the catalogue when written. */
export interface RawJob {
  name: string;
  data: Record<string, unknown>;
  opts: Pick<JobsOptions, 'jobId' | 'delay'>;
}

const ADD_TIMEOUT_MS = 5000;

/**
 * One BullMQ Queue per catalogue queue, all under QUEUE_PREFIX and sharing one fail-fast connection.
 * Application code does not add jobs directly: it writes outbox rows (principle 3) and the relay,
 * the main user of this class, moves them here.
 */
@Injectable()
export class QueueProducers implements OnApplicationShutdown {
  private readonly logger = new Logger(QueueProducers.name);
  private readonly connection: Redis;
  private readonly queues: Map<QueueName, Queue>;
  private readonly prefix: string;
  private closing?: Promise<void>;

  constructor(@Inject(APP_CONFIG) config: Pick<AppConfig, 'redisUrl' | 'queuePrefix'>) {
    this.connection = createRedisConnection(config.redisUrl, 'producer');
    this.prefix = config.queuePrefix;
    this.queues = new Map(QUEUE_NAMES.map((name) => [name, this.createQueue(name)] as const));
  }

  private createQueue(name: QueueName): Queue {
    const queue = new Queue(name, {
      connection: this.connection,
      prefix: this.prefix,
      defaultJobOptions: DEFAULT_JOB_OPTIONS,
    });
    // BullMQ re-emits connection errors; the connection already logs them.
    queue.on('error', () => undefined);
    return queue;
  }

  /**
   * The queue, initialised. BullMQ keeps the outcome of a Queue's first initialisation (a version
   * check) for good: one that ran into an outage fails every later call, even once Redis is back. Such
   * a queue is replaced by a fresh one on the same (by now ready) connection.
   */
  private async initialised(name: QueueName, timeoutMs: number): Promise<Queue> {
    const queue = this.queue(name);
    try {
      await withTimeout(queue.waitUntilReady(), timeoutMs, `BullMQ queue "${name}" initialisation`);
      return queue;
    } catch (error) {
      if (this.closing) throw error;
      this.logger.warn(`Queue "${name}" failed to initialise (${(error as Error).message}); replacing it`);
      void queue.close().catch(() => undefined); // shared connection: only its listeners go
      const fresh = this.createQueue(name);
      this.queues.set(name, fresh);
      await withTimeout(fresh.waitUntilReady(), timeoutMs, `BullMQ queue "${name}" initialisation`);
      return fresh;
    }
  }

  queue(name: QueueName): Queue {
    const queue = this.queues.get(name);
    if (!queue) throw new Error(`Unknown queue "${name}"`);
    return queue;
  }

  /** Adds a typed job directly (outside any transaction): only for work not tied to a commit. */
  async add<N extends JobName>(name: N, payload: JobPayload<N>, opts: RawJob['opts'] = {}): Promise<void> {
    await this.addBulk(queueOf(name), [{ name, data: payload, opts }]);
  }

  /**
   * Adds jobs to one queue in a single round trip. Fails at once when Redis is not connected, and
   * after a timeout otherwise, so callers holding database locks are never stuck behind Redis.
   */
  async addBulk(queue: QueueName, jobs: RawJob[], timeoutMs = ADD_TIMEOUT_MS): Promise<void> {
    if (this.connection.status !== 'ready') {
      throw new Error(`Redis is not connected (connection ${this.connection.status})`);
    }
    const ready = await this.initialised(queue, timeoutMs);
    await withTimeout(ready.addBulk(jobs), timeoutMs, `BullMQ addBulk to "${queue}"`);
  }

  close(): Promise<void> {
    this.closing ??= (async () => {
      await Promise.allSettled([...this.queues.values()].map((queue) => queue.close()));
      await closeRedisConnection(this.connection);
      this.logger.debug('Queue producers closed');
    })();
    return this.closing;
  }

  onApplicationShutdown(): Promise<void> {
    return this.close();
  }
}
