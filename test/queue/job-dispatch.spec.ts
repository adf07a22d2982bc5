import { MikroORM, type EntityManager } from '@mikro-orm/postgresql';
import { UnrecoverableError, type Job } from 'bullmq';
import { createOrmOptions } from '../../src/database/orm-options';
import { OutboxMessage } from '../../src/outbox/outbox-message.entity';
import { JOB_NAMES, type JobName } from '../../src/queue/job-catalogue';
import type { JobContext, JobHandler } from '../../src/queue/job-handler';
import { JobDispatcher } from '../../src/queue/job-dispatcher';
import { JobHandlerRegistry } from '../../src/queue/job-handler-registry';
import { QueueProducers } from '../../src/queue/queue-producers';
import { QueueWorkers } from '../../src/queue/queue-workers';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { TEST_REDIS_URL } from '../support/test-env';
import { deleteKeysWithPrefix, uniquePrefix, waitFor } from '../support/redis-keys';

describe('queue workers dispatch (PostgreSQL + Redis)', () => {
  let db: TestDatabase;
  let orm: MikroORM;
  let prefix: string;
  let producers: QueueProducers;
  let workers: QueueWorkers;
  const calls: Array<{ name: JobName; payload: unknown; context: JobContext }> = [];
  /** Per-test behaviour of a handler; by default it records the call and succeeds. */
  const behaviour: Partial<Record<JobName, (context: JobContext) => Promise<void>>> = {};

  beforeAll(async () => {
    db = await createTestDatabase();
    orm = await MikroORM.init(createOrmOptions(db.url));
    prefix = uniquePrefix();
    const registry = new JobHandlerRegistry();
    for (const name of JOB_NAMES) {
      const handler: JobHandler<typeof name> = async (payload, context) => {
        calls.push({ name, payload, context });
        await behaviour[name]?.(context);
      };
      registry.register(name, handler);
    }
    workers = new QueueWorkers(
      { redisUrl: TEST_REDIS_URL, queuePrefix: prefix, workerConcurrency: 2 },
      registry,
      new JobDispatcher(registry, orm.em),
    );
    await workers.start();
    producers = new QueueProducers({ redisUrl: TEST_REDIS_URL, queuePrefix: prefix });
    await producers.queue('maintenance').waitUntilReady();
  });

  afterAll(async () => {
    await workers.stop();
    await producers.close();
    await deleteKeysWithPrefix(prefix);
    await orm.close(true);
    await db.drop();
  });

  async function settled(job: Job | undefined): Promise<string> {
    if (!job) throw new Error('job was not added');
    let state = '';
    await waitFor(async () => {
      state = await job.getState();
      return state === 'completed' || state === 'failed';
    }, `job ${job.id} to finish`);
    return state;
  }

  it('gives each handler its typed payload, the job id and its own EntityManager fork', async () => {
    await producers.add('maintenance.ping', { note: 'one' }, { jobId: 'ping-one' });
    await producers.add('maintenance.ping', { note: 'two' }, { jobId: 'ping-two' });
    await waitFor(() => calls.filter((c) => c.name === 'maintenance.ping').length === 2, 'two pings');

    const pings = calls.filter((c) => c.name === 'maintenance.ping');
    expect(pings.map((c) => [c.context.jobId, c.payload, c.context.attempt]).sort()).toEqual([
      ['ping-one', { note: 'one' }, 1],
      ['ping-two', { note: 'two' }, 1],
    ]);
    const [first, second] = pings.map((c): EntityManager => c.context.em);
    expect(first).not.toBe(orm.em);
    expect(first).not.toBe(second);
    expect(await first.count(OutboxMessage)).toBe(0);
  });

  it('retries a transient error with exponential backoff', async () => {
    behaviour['documents.validate'] = async ({ attempt }) => {
      if (attempt < 3) throw new Error(`database busy (attempt ${attempt})`);
    };
    // Same job options as production except a short backoff, to keep the test fast.
    const job = await producers
      .queue('documents')
      .add(
        'documents.validate',
        { documentId: 'doc-1' },
        { attempts: 8, backoff: { type: 'exponential', delay: 50 } },
      );
    expect(await settled(job)).toBe('completed');
    const attempts = calls.filter((c) => c.context.jobId === job.id).map((c) => c.context.attempt);
    expect(attempts).toEqual([1, 2, 3]);
  });

  it('fails at once on UnrecoverableError despite attempts left', async () => {
    behaviour['workflow.activate-order'] = () =>
      Promise.reject(new UnrecoverableError('order was withdrawn'));
    const job = await producers.queue('workflow').add('workflow.activate-order', { orderId: 'o-1' });
    expect(job.opts.attempts).toBe(8);
    expect(await settled(job)).toBe('failed');
    const failed = await producers.queue('workflow').getJob(job.id ?? '');
    expect(failed?.attemptsMade).toBe(1);
    expect(failed?.failedReason).toBe('order was withdrawn');
  });

  it('fails a malformed payload or an unknown job at once, without calling a handler', async () => {
    const before = calls.length;
    const malformed = await producers.queue('mail').add('mail.send', { mailID: 'typo' });
    const unknown = await producers.queue('maintenance').add('maintenance.vacuum', { note: 'x' });
    const misplaced = await producers.queue('maintenance').add('mail.send', { mailId: 'm-1' });
    for (const job of [malformed, unknown, misplaced]) expect(await settled(job)).toBe('failed');

    const reasons = await Promise.all(
      [malformed, unknown, misplaced].map(async (job) => {
        const stored = await producers
          .queue(job.queueName === 'mail' ? 'mail' : 'maintenance')
          .getJob(job.id ?? '');
        return [stored?.attemptsMade, stored?.failedReason];
      }),
    );
    expect(reasons).toEqual([
      [1, 'Invalid payload for job "mail.send": mailId must be a non-empty string'],
      [1, 'Unknown job "maintenance.vacuum" (not in the job catalogue)'],
      [1, 'Job "mail.send" belongs to queue "mail", not "maintenance"'],
    ]);
    expect(calls.length).toBe(before);
  });

  it('refuses to start workers while a handler is missing, before touching Redis', async () => {
    const registry = new JobHandlerRegistry();
    registry.register('maintenance.ping', async () => undefined);
    // Nothing listens on port 1: reaching Redis would hang or fail with another message.
    const incomplete = new QueueWorkers(
      { redisUrl: 'redis://127.0.0.1:1', queuePrefix: prefix, workerConcurrency: 1 },
      registry,
      new JobDispatcher(registry, orm.em),
    );
    await expect(incomplete.start()).rejects.toThrow(
      'No handler registered for job(s): mail.send, documents.validate, workflow.activate-order, notifications.dispatch, ' +
        'documents.quarantine-sweep, documents.integrity-scrub, retention.sweep, maintenance.hold.',
    );
  });
});
