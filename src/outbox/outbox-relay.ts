import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { QueueProducers } from '../queue/queue-producers';
import { errorMessage } from '../queue/with-timeout';
import { relayOutboxBatch, type BatchResult } from './outbox-batch';

export interface OutboxRelayOptions {
  /** Pause between polls when the outbox is drained (OUTBOX_POLL_MS). */
  pollMs: number;
  /** Rows claimed per transaction; a full batch is followed at once by the next one. */
  batchSize: number;
  /** Longest wait for one BullMQ addBulk while the rows are locked. */
  addTimeoutMs: number;
  /** Cap of the exponential backoff after failures. */
  maxBackoffMs: number;
}

export const OUTBOX_RELAY_OPTIONS = Symbol('OUTBOX_RELAY_OPTIONS');

/**
 * Moves committed outbox rows into BullMQ, in the worker process only. The loop never throws: a
 * failure (Redis or database) is logged and retried with exponential backoff. Any number of relays
 * may run (one per worker process); row locks keep them apart.
 */
@Injectable()
export class OutboxRelay implements OnModuleDestroy {
  private readonly logger = new Logger(OutboxRelay.name);
  private loop?: Promise<void>;
  private abort?: AbortController;
  private failures = 0;

  constructor(
    private readonly em: EntityManager,
    private readonly producers: QueueProducers,
    @Inject(OUTBOX_RELAY_OPTIONS) private readonly options: OutboxRelayOptions,
  ) {}

  /** Starts polling; the worker calls this once every BullMQ worker is running. */
  start(): void {
    if (this.loop) return;
    this.abort = new AbortController();
    this.loop = this.run(this.abort.signal);
  }

  /** Stops polling and waits for the batch in progress to commit or roll back. */
  async stop(): Promise<void> {
    this.abort?.abort();
    await this.loop;
    this.loop = undefined;
  }

  onModuleDestroy(): Promise<void> {
    return this.stop();
  }

  /** One claim-add-mark round; never throws (failures come back in the result). */
  async relayOnce(): Promise<BatchResult> {
    try {
      return await relayOutboxBatch(this.em, this.producers, this.options);
    } catch (error) {
      return { claimed: 0, sent: 0, error: `outbox relay: ${errorMessage(error)}` };
    }
  }

  private async run(signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      const result = await this.relayOnce();
      const delay = this.nextDelay(result);
      if (delay === 0) continue;
      try {
        await sleep(delay, undefined, { signal });
      } catch {
        return; // aborted by stop()
      }
    }
  }

  private nextDelay(result: BatchResult): number {
    if (result.error) {
      this.failures += 1;
      const delay = Math.min(this.options.maxBackoffMs, this.options.pollMs * 2 ** this.failures);
      const pending = result.claimed > 0 ? `${result.claimed} row(s) stay pending; ` : '';
      this.logger.warn(`Outbox relay failed (${pending}retry in ${delay} ms): ${result.error}`);
      return delay;
    }
    if (this.failures > 0) this.logger.log('Outbox relay recovered');
    this.failures = 0;
    return result.claimed >= this.options.batchSize ? 0 : this.options.pollMs;
  }
}
