import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { hostname } from 'node:os';
import { APP_CONFIG, type AppConfig } from '../src/config/app-config';
import { detectOcr } from '../src/documents/inspection/ocr';
import {
  ocrMissingMessage,
  WORKER_REPORT_EVERY_MS,
  workerReportsKey,
  type WorkerReport,
} from '../src/health/worker-reports';
import { RedisHealth } from '../src/queue/redis-health';
import { errorMessage } from '../src/queue/with-timeout';

/**
 * This worker's side of /health/ready: at boot it checks the system tools it needs (pdftoppm, tesseract with
 * Thai data: Debian packages, so an npm install cannot bring them) and says so in its log when they are missing,
 * then keeps a report in Redis for the API's readiness (src/health/worker-reports.ts). A missing tool does not stop
 * the worker: everything else works and scans go to manual check, but operators see it at once.
 */
@Injectable()
export class WorkerReadiness implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('WorkerReadiness');
  private readonly worker = `${hostname()}:${process.pid}`;
  private readonly key: string;
  private timer: NodeJS.Timeout | undefined;
  private ocr: WorkerReport['ocr'] = { available: false, reason: 'not checked yet' };

  constructor(
    private readonly redis: RedisHealth,
    @Inject(APP_CONFIG) config: Pick<AppConfig, 'queuePrefix'>,
  ) {
    this.key = workerReportsKey(config.queuePrefix);
  }

  async onApplicationBootstrap(): Promise<void> {
    const ocr = await detectOcr();
    this.ocr = ocr.available ? { available: true } : { available: false, reason: ocr.reason };
    if (!ocr.available) this.logger.warn(ocrMissingMessage(this.worker, ocr.reason));
    await this.publish();
    // unref: the report must never keep a stopping process alive.
    this.timer = setInterval(() => void this.publish(), WORKER_REPORT_EVERY_MS).unref();
  }

  /** Before the connections close: a stopped worker's report goes with it, so readiness stops counting it. */
  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.redis.command('remove worker report', (r) => r.hdel(this.key, this.worker)).catch(() => {});
  }

  private async publish(): Promise<void> {
    const report: WorkerReport = { worker: this.worker, at: Date.now(), ocr: this.ocr };
    try {
      await this.redis.command('publish worker report', (r) =>
        r.hset(this.key, this.worker, JSON.stringify(report)),
      );
    } catch (error) {
      // Redis away: the next tick tries again; the queues themselves report the outage.
      this.logger.debug(`worker report not published: ${errorMessage(error)}`);
    }
  }
}
