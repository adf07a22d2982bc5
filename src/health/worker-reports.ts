import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { RedisHealth } from '../queue/redis-health';
import { errorMessage } from '../queue/with-timeout';

/**
 * The worker side of /health/ready. Workers have no HTTP: each one checks the system tools it needs (the OCR
 * tools, which are Debian packages, not npm ones) and publishes a report in a Redis hash every
 * WORKER_REPORT_EVERY_MS (workers/worker-readiness.ts); the API reads the live ones here.
 */
export const WORKER_REPORT_EVERY_MS = 15_000;
/** Three missed reports: the worker is gone (killed without its shutdown hook, or stuck). */
export const WORKER_REPORT_STALE_MS = 3 * WORKER_REPORT_EVERY_MS;
/** What the OCR of scanned orders needs on a worker's machine (also the message's install command). */
export const OCR_PACKAGES = ['poppler-utils', 'tesseract-ocr', 'tesseract-ocr-tha'];

export interface WorkerReport {
  /** host:pid */
  worker: string;
  /** epoch ms of the report */
  at: number;
  /** Whether pdftoppm and tesseract with Thai data run; `reason` says what is missing. */
  ocr: { available: boolean; reason?: string };
}

export function workerReportsKey(queuePrefix: string): string {
  return `${queuePrefix}:health:workers`;
}

/** Thai first, then English, like every message here; names the packages and the command that installs them. */
export function ocrMissingMessage(worker: string, reason: string): string {
  const install = `apt-get install -y ${OCR_PACKAGES.join(' ')}`;
  return (
    `worker ${worker} อ่านเอกสารสแกน (OCR) ไม่ได้ คำสั่งแต่งตั้งที่เป็นภาพสแกนจะต้องตรวจด้วยตนเอง: ติดตั้ง ${install} / ` +
    `worker ${worker} cannot OCR scanned orders (${reason}); they go to manual check until you run: ${install}`
  );
}

export type WorkersCheck =
  | { status: 'up' }
  | { status: 'down'; error: string }
  /** No report to judge by (no worker running, or Redis unreadable): not a failure of the API itself. */
  | { status: 'unknown'; error: string };

@Injectable()
export class WorkerReports {
  private readonly key: string;

  constructor(
    private readonly redis: RedisHealth,
    @Inject(APP_CONFIG) config: Pick<AppConfig, 'queuePrefix'>,
  ) {
    this.key = workerReportsKey(config.queuePrefix);
  }

  async check(now = Date.now()): Promise<WorkersCheck> {
    let raw: Record<string, string>;
    try {
      raw = await this.redis.command('read worker reports', (r) => r.hgetall(this.key));
    } catch (error) {
      return { status: 'unknown', error: `worker reports unreadable: ${errorMessage(error)}` };
    }
    const reports = Object.values(raw).flatMap((json) => parse(json));
    const live = reports.filter((r) => now - r.at <= WORKER_REPORT_STALE_MS);
    const stale = reports.filter((r) => now - r.at > WORKER_REPORT_STALE_MS).map((r) => r.worker);
    // A worker killed with SIGKILL never removes its report; the next reader does, best effort.
    if (stale.length)
      void this.redis.command('drop stale worker reports', (r) => r.hdel(this.key, ...stale)).catch(() => {});
    if (live.length === 0) {
      return {
        status: 'unknown',
        error: `ยังไม่มี worker รายงานสถานะใน ${WORKER_REPORT_STALE_MS / 1000} วินาที / no worker has reported in the last ${WORKER_REPORT_STALE_MS / 1000} s`,
      };
    }
    const withoutOcr = live.filter((r) => !r.ocr.available);
    if (withoutOcr.length) {
      return {
        status: 'down',
        error: withoutOcr.map((r) => ocrMissingMessage(r.worker, r.ocr.reason ?? 'unavailable')).join('\n'),
      };
    }
    return { status: 'up' };
  }
}

function parse(json: string): WorkerReport[] {
  try {
    const report = JSON.parse(json) as WorkerReport;
    return typeof report.worker === 'string' && typeof report.at === 'number' ? [report] : [];
  } catch {
    return [];
  }
}
