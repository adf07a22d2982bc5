/**
 * The one place that names every queue, job and payload (principle 5). Payloads carry ids only
 * (principle 4); each field is declared with its kind so the worker can check a payload at runtime
 * with the same definition the compiler uses.
 */
export const QUEUE_NAMES = ['mail', 'documents', 'workflow', 'maintenance'] as const;
export type QueueName = (typeof QUEUE_NAMES)[number];

export type PayloadFieldKind = 'string' | 'number' | 'boolean';

interface JobSpec {
  queue: QueueName;
  payload: Readonly<Record<string, PayloadFieldKind>>;
}

export const JOB_CATALOGUE = {
  'mail.send': { queue: 'mail', payload: { mailId: 'string' } },
  'documents.validate': { queue: 'documents', payload: { documentId: 'string' } },
  'workflow.activate-order': { queue: 'workflow', payload: { orderId: 'string' } },
  'notifications.dispatch': { queue: 'mail', payload: { eventId: 'string' } },
  /** Scheduled (BullMQ job scheduler): rejected uploads leave quarantine after QUARANTINE_RETENTION_HOURS. */
  'documents.quarantine-sweep': { queue: 'maintenance', payload: {} },
  /** Scheduled: re-hashes a bounded batch of stored documents and records mismatches. */
  'documents.integrity-scrub': { queue: 'maintenance', payload: {} },
  /** Scheduled (hourly): deletes idempotency records, tokens and sign-in counters past their retention. */
  'retention.sweep': { queue: 'maintenance', payload: {} },
  /** Harmless job for smoke tests and manual checks of a running worker. */
  'maintenance.ping': { queue: 'maintenance', payload: { note: 'string' } },
  /** Holds a worker slot for `holdMs` (≤ 60 s): shows that a stopping worker lets in-flight jobs finish. */
  'maintenance.hold': { queue: 'maintenance', payload: { holdMs: 'number' } },
} as const satisfies Record<string, JobSpec>;

export type JobName = keyof typeof JOB_CATALOGUE;

type FieldType<K> = K extends 'string'
  ? string
  : K extends 'number'
    ? number
    : K extends 'boolean'
      ? boolean
      : never;
type PayloadSpec<N extends JobName> = (typeof JOB_CATALOGUE)[N]['payload'];

/** The payload of job `N`, e.g. `JobPayload<'mail.send'>` is `{ mailId: string }`. */
export type JobPayload<N extends JobName> = {
  -readonly [F in keyof PayloadSpec<N>]: FieldType<PayloadSpec<N>[F]>;
};

export const JOB_NAMES = Object.keys(JOB_CATALOGUE) as JobName[];

export function isJobName(name: string): name is JobName {
  return Object.prototype.hasOwnProperty.call(JOB_CATALOGUE, name);
}

export function isQueueName(name: string): name is QueueName {
  return (QUEUE_NAMES as readonly string[]).includes(name);
}

export function queueOf(name: JobName): QueueName {
  return JOB_CATALOGUE[name].queue;
}

/** Queues that at least one job uses: the worker runs one BullMQ Worker for each. */
export function activeQueues(): QueueName[] {
  return QUEUE_NAMES.filter((queue) => JOB_NAMES.some((name) => queueOf(name) === queue));
}
