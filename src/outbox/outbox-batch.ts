import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { isQueueName } from '../queue/job-catalogue';
import type { QueueProducers, RawJob } from '../queue/queue-producers';
import { errorMessage } from '../queue/with-timeout';
import { OutboxMessage } from './outbox-message.entity';

export interface BatchResult {
  claimed: number;
  sent: number;
  /** The first failure of this batch; its rows stay pending with attempts/lastError updated. */
  error?: string;
}

const MAX_ERROR_LENGTH = 2000;

function toJob(row: OutboxMessage, now: number): RawJob {
  // The delay counts from the commit, so rows held back by a Redis outage do not wait twice.
  const delay = Math.max(0, row.createdAt.getTime() + row.delayMs - now);
  return { name: row.name, data: row.payload, opts: { jobId: row.id, ...(delay > 0 ? { delay } : {}) } };
}

function groupByQueue(rows: OutboxMessage[]): Map<string, OutboxMessage[]> {
  const groups = new Map<string, OutboxMessage[]>();
  for (const row of rows) {
    const group = groups.get(row.queue);
    if (group) group.push(row);
    else groups.set(row.queue, [row]);
  }
  return groups;
}

function recordFailure(rows: OutboxMessage[], message: string): void {
  for (const row of rows) {
    row.attempts += 1;
    row.lastError = message.slice(0, MAX_ERROR_LENGTH);
  }
}

/**
 * Claims up to `batchSize` pending rows (`FOR UPDATE SKIP LOCKED`, so several relays never take the
 * same row), adds them to BullMQ with `jobId = row id`, stamps `sentAt`, and commits.
 *
 * A crash after the add but before the commit leaves the rows pending; the next relay re-adds them
 * with the same ids, which BullMQ ignores while the job is still in Redis. A Redis failure marks
 * the rows' attempts/lastError and leaves them pending.
 */
export async function relayOutboxBatch(
  em: EntityManager,
  producers: Pick<QueueProducers, 'addBulk'>,
  options: { batchSize: number; addTimeoutMs: number },
): Promise<BatchResult> {
  return em.fork().transactional(async (tx) => {
    const rows = await tx.find(
      OutboxMessage,
      { sentAt: null },
      {
        orderBy: { createdAt: 'asc' },
        limit: options.batchSize,
        lockMode: LockMode.PESSIMISTIC_PARTIAL_WRITE,
      },
    );
    const result: BatchResult = { claimed: rows.length, sent: 0 };
    const now = Date.now();
    for (const [queue, group] of groupByQueue(rows)) {
      try {
        if (!isQueueName(queue)) throw new Error(`Unknown queue "${queue}"`);
        await producers.addBulk(
          queue,
          group.map((row) => toJob(row, now)),
          options.addTimeoutMs,
        );
        const sentAt = new Date();
        for (const row of group) row.sentAt = sentAt;
        result.sent += group.length;
      } catch (error) {
        const message = errorMessage(error);
        recordFailure(group, message);
        result.error ??= message;
      }
    }
    return result;
  });
}
