import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { SPOOL_FILE } from './upload-spool';

/**
 * A live upload writes its spool file at least every few seconds and deletes it when its request ends (even
 * when storing fails); Node ends a request body that takes over 5 minutes. A spool file untouched this long
 * belongs to no request: its process crashed or was killed. Age, not "everything at start", because several
 * API processes may share one spool folder.
 */
export const SPOOL_STALE_MS = 15 * 60_000;
const SWEEP_EVERY_MS = 15 * 60_000;

/** Removes stale spool files of uploads a crash left behind: at start, then every 15 minutes. */
export async function sweepSpool(dir: string, staleMs = SPOOL_STALE_MS, now = Date.now()): Promise<number> {
  const names = await readdir(dir).catch(() => [] as string[]);
  let removed = 0;
  for (const name of names.filter((n) => SPOOL_FILE.test(n))) {
    const path = join(dir, name);
    const info = await stat(path).catch(() => null);
    if (!info?.isFile() || now - info.mtimeMs < staleMs) continue;
    await rm(path, { force: true });
    removed += 1;
  }
  return removed;
}

@Injectable()
export class SpoolSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('UploadSpool');
  private timer?: NodeJS.Timeout;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.sweep();
    this.timer = setInterval(() => void this.sweep(), SWEEP_EVERY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  private async sweep(): Promise<void> {
    try {
      const removed = await sweepSpool(this.config.documents.uploadSpoolDir);
      if (removed > 0) this.logger.warn(`removed ${removed} upload spool file(s) left by a crash`);
    } catch (error) {
      this.logger.warn(`upload spool sweep failed: ${String(error)}`);
    }
  }
}
