import type { DefaultJobOptions } from 'bullmq';

const DAY_SECONDS = 24 * 60 * 60;

/**
 * Applied to every job by the producers. Eight attempts with exponential backoff from 1 s cover
 * about two minutes of a dependency being down. Finished jobs are kept for a while: while a job is
 * still in Redis, re-adding its id (the relay after a crash) is a no-op.
 */
export const DEFAULT_JOB_OPTIONS: DefaultJobOptions = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: { age: 7 * DAY_SECONDS, count: 50_000 },
  removeOnFail: { age: 30 * DAY_SECONDS },
};
