import type { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { queueOf, type JobName, type JobPayload } from '../queue/job-catalogue';
import { OutboxMessage } from './outbox-message.entity';

export interface EnqueueOptions {
  /** Run the job this many milliseconds after the commit (counted from now, not from the relay). */
  delayMs?: number;
}

/**
 * How a mutation asks for background work (principle 3): the job becomes a row in the caller's
 * transaction, so it exists only if the change commits, and leaves for BullMQ through the relay.
 */
@Injectable()
export class OutboxService {
  /** Only persists: the caller's `em.transactional(...)` / flush writes the row with its change. */
  enqueue<N extends JobName>(
    em: EntityManager,
    name: N,
    payload: JobPayload<N>,
    options: EnqueueOptions = {},
  ): OutboxMessage {
    const delayMs = options.delayMs ?? 0;
    if (!Number.isInteger(delayMs) || delayMs < 0) throw new Error(`delayMs must be a non-negative integer`);
    const message = new OutboxMessage();
    message.queue = queueOf(name);
    message.name = name;
    message.payload = payload;
    message.delayMs = delayMs;
    em.persist(message);
    return message;
  }
}
