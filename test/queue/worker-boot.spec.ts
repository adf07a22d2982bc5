import { Redis } from 'ioredis';
import { JOB_NAMES, activeQueues, queueOf } from '../../src/queue/job-catalogue';
import { JobHandlerRegistry } from '../../src/queue/job-handler-registry';
import { parseJobPayload } from '../../src/queue/job-payload';
import { decideEvictionPolicy, probeEvictionPolicy, readConfigValue } from '../../src/queue/redis-policy';
import { WorkerBootError } from '../../src/queue/worker-boot-error';
import { TEST_REDIS_URL } from '../support/test-env';

const noop = async (): Promise<void> => undefined;

describe('job catalogue', () => {
  it('puts every job on a known queue', () => {
    expect(queueOf('mail.send')).toBe('mail');
    expect(queueOf('notifications.dispatch')).toBe('mail');
    expect(queueOf('maintenance.ping')).toBe('maintenance');
    expect(activeQueues()).toEqual(['mail', 'documents', 'workflow', 'maintenance']);
  });

  it('checks payloads against the catalogue and keeps only declared fields', () => {
    expect(parseJobPayload('mail.send', { mailId: 'm1', extra: 'dropped' })).toEqual({ mailId: 'm1' });
    expect(() => parseJobPayload('mail.send', { mailId: '' })).toThrow(/mailId must be a non-empty string/);
    expect(() => parseJobPayload('documents.validate', null)).toThrow(/not an object/);
  });
});

describe('handler registry', () => {
  it('refuses to boot while a catalogue job has no handler, naming it', () => {
    const registry = new JobHandlerRegistry();
    for (const name of JOB_NAMES.filter((n) => n !== 'documents.validate' && n !== 'mail.send')) {
      registry.register(name, noop);
    }
    expect(() => registry.assertComplete()).toThrow(WorkerBootError);
    expect(() => registry.assertComplete()).toThrow(/job\(s\): mail\.send, documents\.validate\./);
    registry.register('mail.send', noop);
    registry.register('documents.validate', noop);
    expect(() => registry.assertComplete()).not.toThrow();
  });

  it('rejects a second handler for the same job', () => {
    const registry = new JobHandlerRegistry();
    registry.register('maintenance.ping', noop);
    expect(() => registry.register('maintenance.ping', noop)).toThrow(/already has a handler/);
  });
});

describe('Redis maxmemory-policy check', () => {
  it('starts only on noeviction', () => {
    expect(decideEvictionPolicy({ policy: 'noeviction' })).toEqual({ action: 'start' });
    for (const policy of ['allkeys-lru', 'volatile-lru', 'allkeys-lfu', 'volatile-ttl']) {
      const decision = decideEvictionPolicy({ policy });
      expect(decision.action).toBe('refuse');
      expect(decision).toMatchObject({ message: expect.stringContaining(`"${policy}"`) });
      expect(decision).toMatchObject({
        message: expect.stringContaining('redis-cli CONFIG SET maxmemory-policy noeviction'),
      });
    }
  });

  it('only warns when CONFIG is not permitted (managed Redis)', () => {
    for (const message of [
      "ERR unknown command 'CONFIG', with args beginning with: 'GET' 'maxmemory-policy'",
      "NOPERM User worker has no permissions to run the 'config|get' command",
    ]) {
      const decision = decideEvictionPolicy({ error: new Error(message) });
      expect(decision.action).toBe('warn');
      expect(decision).toMatchObject({ message: expect.stringContaining('noeviction') });
    }
    expect(decideEvictionPolicy({ policy: '' }).action).toBe('warn');
  });

  it('refuses when Redis cannot be asked at all', () => {
    expect(decideEvictionPolicy({ error: new Error('connect ECONNREFUSED 127.0.0.1:6379') }).action).toBe(
      'refuse',
    );
  });

  it('reads both reply shapes of CONFIG GET', () => {
    expect(readConfigValue(['maxmemory-policy', 'allkeys-lru'], 'maxmemory-policy')).toBe('allkeys-lru');
    expect(readConfigValue({ 'maxmemory-policy': 'noeviction' }, 'maxmemory-policy')).toBe('noeviction');
    expect(readConfigValue([], 'maxmemory-policy')).toBe('');
  });

  it('reads the policy of the test Redis (read only)', async () => {
    const redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: 1 });
    try {
      const probe = await probeEvictionPolicy(redis);
      expect(probe).toEqual({ policy: expect.any(String) });
    } finally {
      redis.disconnect();
    }
  });
});
