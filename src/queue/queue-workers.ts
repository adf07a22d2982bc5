import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { activeQueues } from './job-catalogue';
import { JobDispatcher } from './job-dispatcher';
import { JobHandlerRegistry } from './job-handler-registry';
import { closeRedisConnection, createRedisConnection } from './redis';
import { assertNoEviction } from './redis-policy';
import { errorMessage } from './with-timeout';

export type QueueWorkersConfig = Pick<AppConfig, 'redisUrl' | 'queuePrefix' | 'workerConcurrency'>;

/**
 * One BullMQ Worker per queue, dispatching by job name through the handler registry.
 *
 * The bullmq API is used directly rather than @nestjs/bullmq's `@Processor` classes: we want one
 * worker per queue that dispatches over a typed catalogue, checks (every handler registered, Redis
 * `noeviction`) that must pass before any worker exists, our own connections and prefix, and an
 * explicit shutdown order (relay, then workers, then connections) that the decorator discovery
 * would hide.
 */
@Injectable()
export class QueueWorkers
  implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown
{
  private readonly logger = new Logger(QueueWorkers.name);
  private connection?: Redis;
  private workers: Worker[] = [];

  constructor(
    @Inject(APP_CONFIG) private readonly config: QueueWorkersConfig,
    private readonly registry: JobHandlerRegistry,
    private readonly dispatcher: JobDispatcher,
  ) {}

  /** Runs after every module's onModuleInit, i.e. after every processor registered its handlers. */
  async onApplicationBootstrap(): Promise<void> {
    await this.start();
  }

  async start(): Promise<void> {
    if (this.connection) return;
    this.registry.assertComplete();
    try {
      await this.startWorkers();
    } catch (error) {
      await this.stop();
      throw error;
    }
    this.logger.log(`Workers running for queues: ${activeQueues().join(', ')}`);
  }

  private async startWorkers(): Promise<void> {
    const connection = createRedisConnection(this.config.redisUrl, 'worker');
    this.connection = connection;
    await assertNoEviction(connection, this.logger);
    for (const queue of activeQueues()) {
      const worker = new Worker<unknown, void, string>(queue, (job) => this.dispatcher.dispatch(job), {
        connection,
        prefix: this.config.queuePrefix,
        concurrency: this.config.workerConcurrency,
      });
      worker.on('error', (error) => this.logger.error(`Worker "${queue}": ${errorMessage(error)}`));
      worker.on('failed', (job, error) => {
        const where = job ? `${job.name} ${job.id} (attempt ${job.attemptsMade})` : 'a job';
        this.logger.warn(`Queue "${queue}": ${where} failed: ${errorMessage(error)}`);
      });
      this.workers.push(worker);
    }
    await Promise.all(this.workers.map((worker) => worker.waitUntilReady()));
  }

  /** Before connections and the ORM close: `close()` lets in-flight jobs finish. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.stop();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.stop();
  }

  async stop(): Promise<void> {
    const workers = this.workers;
    this.workers = [];
    await Promise.allSettled(workers.map((worker) => worker.close()));
    const connection = this.connection;
    this.connection = undefined;
    if (connection) await closeRedisConnection(connection);
  }
}
