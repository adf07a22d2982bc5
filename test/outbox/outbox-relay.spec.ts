import { MikroORM } from '@mikro-orm/postgresql';
import { createOrmOptions } from '../../src/database/orm-options';
import { OutboxMessage } from '../../src/outbox/outbox-message.entity';
import { OutboxRelay, type OutboxRelayOptions } from '../../src/outbox/outbox-relay';
import { OutboxService } from '../../src/outbox/outbox.service';
import { JOB_NAMES } from '../../src/queue/job-catalogue';
import { JobDispatcher } from '../../src/queue/job-dispatcher';
import { JobHandlerRegistry } from '../../src/queue/job-handler-registry';
import { QueueProducers } from '../../src/queue/queue-producers';
import { QueueWorkers } from '../../src/queue/queue-workers';
import { startPrivateRedis } from '../support/redis-server';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { TEST_REDIS_URL } from '../support/test-env';
import { deleteKeysWithPrefix, uniquePrefix, waitFor } from '../support/redis-keys';

const DEAD_REDIS_URL = 'redis://127.0.0.1:1';
const RELAY_OPTIONS: OutboxRelayOptions = {
  pollMs: 20,
  batchSize: 100,
  addTimeoutMs: 2000,
  maxBackoffMs: 100,
};

describe('outbox relay (PostgreSQL + Redis)', () => {
  let db: TestDatabase;
  let orm: MikroORM;
  let prefix: string;
  const outbox = new OutboxService();
  /** Every job id a handler ran for, in order: duplicates mean double delivery. */
  let processed: string[];
  let workers: QueueWorkers;
  const closers: Array<() => Promise<void>> = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    orm = await MikroORM.init(createOrmOptions(db.url));
  });

  afterAll(async () => {
    await orm.close(true);
    await db.drop();
  });

  beforeEach(async () => {
    prefix = uniquePrefix();
    processed = [];
    const registry = new JobHandlerRegistry();
    for (const name of JOB_NAMES) {
      registry.register(name, async (_payload, context) => {
        processed.push(context.jobId);
      });
    }
    workers = new QueueWorkers(
      { redisUrl: TEST_REDIS_URL, queuePrefix: prefix, workerConcurrency: 4 },
      registry,
      new JobDispatcher(registry, orm.em),
    );
    await workers.start();
    closers.push(() => workers.stop());
    await orm.em.fork().nativeDelete(OutboxMessage, {});
  });

  afterEach(async () => {
    for (const close of closers.splice(0).reverse()) await close();
    await deleteKeysWithPrefix(prefix);
  });

  function relayTo(redisUrl: string): OutboxRelay {
    const producers = new QueueProducers({ redisUrl, queuePrefix: prefix });
    const relay = new OutboxRelay(orm.em, producers, RELAY_OPTIONS);
    closers.push(async () => {
      await relay.stop();
      await producers.close();
    });
    return relay;
  }

  async function readyRelay(): Promise<OutboxRelay> {
    const producers = new QueueProducers({ redisUrl: TEST_REDIS_URL, queuePrefix: prefix });
    await producers.queue('maintenance').waitUntilReady();
    const relay = new OutboxRelay(orm.em, producers, RELAY_OPTIONS);
    closers.push(async () => {
      await relay.stop();
      await producers.close();
    });
    return relay;
  }

  async function commitJobs(count: number): Promise<string[]> {
    const ids: string[] = [];
    await orm.em.fork().transactional(async (em) => {
      for (let i = 0; i < count; i++) {
        const message =
          i % 2 === 0
            ? outbox.enqueue(em, 'maintenance.ping', { note: `ping ${i}` })
            : outbox.enqueue(em, 'mail.send', { mailId: `mail-${i}` });
        ids.push(message.id);
      }
    });
    return ids;
  }

  async function rows(): Promise<OutboxMessage[]> {
    return orm.em.fork().find(OutboxMessage, {}, { orderBy: { createdAt: 'asc' } });
  }

  async function expectDeliveredOnce(ids: string[]): Promise<void> {
    await waitFor(() => processed.length >= ids.length, `${ids.length} jobs to run`);
    // Give a duplicate, if there were one, the time to show up.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(new Set(processed).size).toBe(processed.length);
    expect([...processed].sort()).toEqual([...ids].sort());
  }

  it('keeps rows pending while Redis is down, then delivers each exactly once', async () => {
    const ids = await commitJobs(6);

    const deadRelay = relayTo(DEAD_REDIS_URL);
    const failed = await deadRelay.relayOnce();
    expect(failed).toMatchObject({ claimed: 6, sent: 0 });
    expect(failed.error).toMatch(/Redis is not connected/);
    // The loop keeps retrying with backoff, never throws, and stops cleanly.
    deadRelay.start();
    await new Promise((resolve) => setTimeout(resolve, 250));
    await deadRelay.stop();

    const pending = await rows();
    expect(pending.map((row) => row.id).sort()).toEqual([...ids].sort());
    for (const row of pending) {
      expect(row.sentAt).toBeFalsy();
      expect(row.attempts).toBeGreaterThanOrEqual(2);
      expect(row.lastError).toMatch(/Redis is not connected/);
    }
    expect(processed).toEqual([]);

    const relay = await readyRelay();
    relay.start();
    await expectDeliveredOnce(ids);
    await relay.stop();
    for (const row of await rows()) expect(row.sentAt).toBeInstanceOf(Date);
  });

  it('a queue whose first initialisation failed recovers once Redis answers, without a restart', async () => {
    // BullMQ initialises a queue once (a version check with INFO) and keeps a failure for good; in
    // production that is a connection lost mid-check. Here Redis refuses INFO (ACL), deterministically.
    const redis = await startPrivateRedis([
      '--user',
      'default',
      'on',
      'nopass',
      '~*',
      '&*',
      '+@all',
      '-info',
    ]);
    closers.push(() => redis.stop());
    const relay = relayTo(redis.url);
    const ids = await commitJobs(4);
    relay.start();
    await waitFor(async () => (await rows()).every((row) => row.attempts >= 1), 'attempts that fail');
    expect((await rows()).every((row) => !row.sentAt)).toBe(true);

    await redis.stop();
    await redis.start([]);
    await waitFor(async () => (await rows()).every((row) => row.sentAt), 'the same relay to deliver', 20_000);
    // Each row is one job in Redis (job id = row id): nothing lost, nothing twice.
    const producers = new QueueProducers({ redisUrl: redis.url, queuePrefix: prefix });
    closers.push(() => producers.close());
    const jobs = [
      ...(await producers.queue('maintenance').getJobs(['waiting', 'delayed'])),
      ...(await producers.queue('mail').getJobs(['waiting', 'delayed'])),
    ];
    expect(jobs.map((job) => job.id).sort()).toEqual([...ids].sort());
  });

  it('does not run a job twice when it is relayed again (crash between add and mark)', async () => {
    const ids = await commitJobs(4);
    const relay = await readyRelay();
    expect(await relay.relayOnce()).toEqual({ claimed: 4, sent: 4 });
    await expectDeliveredOnce(ids);

    // As if the relay died after adding but before its commit: the rows are pending again.
    await orm.em.fork().nativeUpdate(OutboxMessage, {}, { sentAt: null });
    expect(await relay.relayOnce()).toEqual({ claimed: 4, sent: 4 });
    expect(await relay.relayOnce()).toEqual({ claimed: 0, sent: 0 });
    await expectDeliveredOnce(ids);
  });

  it('lets two relays run side by side without claiming a row twice', async () => {
    const ids = await commitJobs(250);
    const small = { ...RELAY_OPTIONS, batchSize: 20 };
    const producers = [
      new QueueProducers({ redisUrl: TEST_REDIS_URL, queuePrefix: prefix }),
      new QueueProducers({ redisUrl: TEST_REDIS_URL, queuePrefix: prefix }),
    ];
    closers.push(async () => void (await Promise.all(producers.map((p) => p.close()))));
    await Promise.all(producers.map((p) => p.queue('mail').waitUntilReady()));
    const relays = producers.map((p) => new OutboxRelay(orm.em, p, small));

    // Both relays keep claiming concurrently until the outbox is empty; SKIP LOCKED keeps them apart,
    // so the rows they report as sent add up to exactly the rows written (BullMQ's jobId dedupe
    // would hide a double claim from the handlers, so count at the source).
    const sentBy = await Promise.all(
      relays.map(async (relay) => {
        let sent = 0;
        for (;;) {
          const result = await relay.relayOnce();
          expect(result.error).toBeUndefined();
          sent += result.sent;
          if (result.claimed === 0) return sent;
        }
      }),
    );
    expect(sentBy[0] + sentBy[1]).toBe(250);
    await expectDeliveredOnce(ids);
  });

  it('never turns an outbox row from a rolled-back transaction into a job', async () => {
    await expect(
      orm.em.fork().transactional(async (em) => {
        outbox.enqueue(em, 'maintenance.ping', { note: 'rolled back' });
        await em.flush();
        throw new Error('the change failed after the outbox row was written');
      }),
    ).rejects.toThrow('the change failed');

    expect(await rows()).toEqual([]);
    const relay = await readyRelay();
    expect(await relay.relayOnce()).toEqual({ claimed: 0, sent: 0 });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(processed).toEqual([]);
  });

  it('delays a job by delayMs counted from the commit', async () => {
    let id = '';
    await orm.em.fork().transactional(async (em) => {
      id = outbox.enqueue(em, 'maintenance.ping', { note: 'later' }, { delayMs: 60_000 }).id;
    });
    const producers = new QueueProducers({ redisUrl: TEST_REDIS_URL, queuePrefix: prefix });
    closers.push(() => producers.close());
    await producers.queue('maintenance').waitUntilReady();
    const relay = new OutboxRelay(orm.em, producers, RELAY_OPTIONS);
    expect(await relay.relayOnce()).toEqual({ claimed: 1, sent: 1 });

    const job = await producers.queue('maintenance').getJob(id);
    expect(await job?.getState()).toBe('delayed');
    expect(job?.opts.delay).toBeGreaterThan(55_000);
    expect(job?.opts.attempts).toBe(8);
    expect(job?.opts.backoff).toEqual({ type: 'exponential', delay: 1000 });
  });
});
