import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { closeRedisConnection, createRedisConnection } from './redis';
import { errorMessage, withTimeout } from './with-timeout';

const CHECK_TIMEOUT_MS = 1000;

/**
 * Redis readiness for /health/ready, in the API and the workers. It has its own lazy connection that
 * never queues commands, so a dead Redis makes `check()` answer fast instead of hanging a request.
 */
@Injectable()
export class RedisHealth implements OnApplicationShutdown {
  private readonly redis: Redis;
  private connecting: Promise<void> | undefined;

  constructor(@Inject(APP_CONFIG) config: Pick<AppConfig, 'redisUrl'>) {
    this.redis = createRedisConnection(config.redisUrl, 'health');
  }

  async check(): Promise<{ ok: boolean; error?: string }> {
    try {
      await withTimeout(this.ping(), CHECK_TIMEOUT_MS, 'Redis PING');
      return { ok: true };
    } catch (error) {
      return { ok: false, error: errorMessage(error) };
    }
  }

  /**
   * A short command on this connection, within the same time limit as the PING: the workers publish their
   * readiness reports with it and the API reads them (src/health/worker-reports.ts).
   */
  async command<T>(what: string, run: (redis: Redis) => Promise<T>): Promise<T> {
    return withTimeout(
      (async () => {
        await this.connected();
        return run(this.redis);
      })(),
      CHECK_TIMEOUT_MS,
      what,
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await closeRedisConnection(this.redis);
  }

  private async connected(): Promise<void> {
    // Lazy connections (and closed ones) must be connected explicitly: with the offline queue
    // off, a command sent before `ready` fails instead of waiting. One connect for concurrent
    // callers (readiness pings and reads worker reports at the same time).
    if (this.redis.status === 'wait' || this.redis.status === 'end') {
      this.connecting = this.redis.connect().finally(() => (this.connecting = undefined));
    }
    if (this.connecting) await this.connecting;
  }

  private async ping(): Promise<void> {
    await this.connected();
    const reply = await this.redis.ping();
    if (reply !== 'PONG') throw new Error(`unexpected PING reply "${reply}"`);
  }
}
