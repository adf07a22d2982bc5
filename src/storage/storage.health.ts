import { Injectable } from '@nestjs/common';
import { AppError } from '../common/errors/app-error';
import { ObjectStorage } from './object-storage';

/** Readiness probe for the object store; never throws, so /health/ready can report every part. */
@Injectable()
export class StorageHealth {
  constructor(private readonly storage: ObjectStorage) {}

  async check(): Promise<{ ok: boolean; error?: string }> {
    try {
      await this.storage.ping();
      return { ok: true };
    } catch (error) {
      return { ok: false, error: summarize(error) };
    }
  }
}

function summarize(error: unknown): string {
  if (error instanceof AppError) {
    const reason = error.details.reason;
    return typeof reason === 'string' ? `${error.code} (${reason})` : error.code;
  }
  return error instanceof Error ? error.message : String(error);
}
