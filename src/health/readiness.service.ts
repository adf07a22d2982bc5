import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable, Logger } from '@nestjs/common';
import { RedisHealth } from '../queue/redis-health';
import { StorageHealth } from '../storage/storage.health';

export type PartName = 'database' | 'redis' | 'storage';
export interface ReadinessReport {
  status: 'ok' | 'error';
  failing: PartName[];
  /** States only: the reasons (hosts, ports, auth failures) go to the log, never to this public answer. */
  checks: Record<PartName, { status: 'up' | 'down' }>;
}

const TIMEOUT_MS = 2000;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms);
    promise.then(
      (v) => (clearTimeout(timer), resolve(v)),
      (e: unknown) => (clearTimeout(timer), reject(e instanceof Error ? e : new Error(String(e)))),
    );
  });
}

@Injectable()
export class ReadinessService {
  private readonly logger = new Logger('Readiness');

  constructor(
    private readonly em: EntityManager,
    private readonly redis: RedisHealth,
    private readonly storage: StorageHealth,
  ) {}

  async check(): Promise<ReadinessReport> {
    const parts: Record<PartName, () => Promise<{ ok: boolean; error?: string }>> = {
      database: async () => {
        await this.em.getConnection().execute('select 1');
        return { ok: true };
      },
      redis: () => this.redis.check(),
      storage: () => this.storage.check(),
    };
    const names = Object.keys(parts) as PartName[];
    const results = await Promise.all(
      names.map(async (name) => {
        try {
          const result = await withTimeout(parts[name](), TIMEOUT_MS);
          if (result.ok) return { status: 'up' as const };
          this.logger.warn({ part: name, reason: result.error ?? 'unavailable' }, `${name} is not ready`);
        } catch (error) {
          const reason = error instanceof Error ? error.message : String(error);
          this.logger.warn({ part: name, reason }, `${name} is not ready`);
        }
        return { status: 'down' as const };
      }),
    );
    const checks = Object.fromEntries(names.map((n, i) => [n, results[i]])) as ReadinessReport['checks'];
    const failing = names.filter((n) => checks[n].status === 'down');
    return { status: failing.length ? 'error' : 'ok', failing, checks };
  }
}
