import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable, Logger } from '@nestjs/common';
import { RedisHealth } from '../queue/redis-health';
import { StorageHealth } from '../storage/storage.health';
import { WorkerReports, type WorkersCheck } from './worker-reports';

export type PartName = 'database' | 'redis' | 'storage' | 'workers';
/** `unknown` (only `workers`, when no worker has reported) is shown but does not fail readiness. */
export type PartCheck = { status: 'up' | 'down' | 'unknown'; error?: string };
export interface ReadinessReport {
  status: 'ok' | 'error';
  failing: PartName[];
  /** States only: the reasons (hosts, ports, auth failures, missing tools) go to the log, never to this public answer. */
  checks: Record<PartName, { status: PartCheck['status'] }>;
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
    private readonly workers: WorkerReports,
  ) {}

  async check(): Promise<ReadinessReport> {
    const parts: Record<PartName, () => Promise<PartCheck>> = {
      database: async () => {
        await this.em.getConnection().execute('select 1');
        return { status: 'up' };
      },
      redis: async () => fromProbe(await this.redis.check()),
      storage: async () => fromProbe(await this.storage.check()),
      workers: (): Promise<WorkersCheck> => this.workers.check(),
    };
    const names = Object.keys(parts) as PartName[];
    const results = await Promise.all(
      names.map(async (name): Promise<PartCheck> => {
        try {
          const result = await withTimeout(parts[name](), TIMEOUT_MS);
          if (result.status !== 'down' && result.status !== 'unknown') return { status: result.status };
          this.logger.warn({ part: name, reason: result.error ?? 'unavailable' }, `${name} is not ready`);
          return { status: result.status };
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

function fromProbe(result: { ok: boolean; error?: string }): PartCheck {
  return result.ok ? { status: 'up' } : { status: 'down', error: result.error ?? 'unavailable' };
}
