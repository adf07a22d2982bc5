import type { EntityManager } from '@mikro-orm/postgresql';
import type { JobName, JobPayload } from './job-catalogue';

/** What a handler gets besides its payload. */
export interface JobContext {
  /** BullMQ job id; for jobs from the outbox this is the outbox row id. */
  jobId: string;
  /** 1 on the first run, 2 on the first retry, ... */
  attempt: number;
  /** A fresh fork for this run only: never the global EntityManager. */
  em: EntityManager;
}

/**
 * Handles one job. BullMQ delivers at least once, so a handler MUST be idempotent: a retried or
 * repeated job finds its work done (state precondition in the WHERE, deterministic keys) and returns.
 * Throw `UnrecoverableError` (from bullmq) when retrying cannot help; any other error is retried
 * with exponential backoff.
 */
export type JobHandler<N extends JobName> = (payload: JobPayload<N>, context: JobContext) => Promise<void>;
