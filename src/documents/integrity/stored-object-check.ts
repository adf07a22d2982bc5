import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { AppError } from '../../common/errors/app-error';
import type { ObjectStorage } from '../../storage/object-storage';
import type { IntegrityFailure } from '../entities/order-document.entity';

export interface ExpectedContent {
  sha256: string;
  size: number;
}

export type IntegrityProblem = Pick<IntegrityFailure, 'reason' | 'actualSha256' | 'actualSize'>;

export type StoredCheck = { ok: true; bytes: Buffer | null } | { ok: false; problem: IntegrityProblem };

/**
 * Reads a stored document and compares it with the sha256 and size recorded when it was accepted. Reading
 * stops one byte past the recorded size (a grown object is a mismatch whatever follows), so at most 20 MB is
 * held, and only when `keepBytes` asks for it (a download sends the bytes it verified, never a second read).
 * A missing object is a finding too; any other storage error (the store is down) is thrown for a retry.
 */
export async function checkStoredObject(
  storage: ObjectStorage,
  bucket: string,
  key: string,
  expected: ExpectedContent,
  opts: { keepBytes: boolean },
): Promise<StoredCheck> {
  let stream: Readable;
  try {
    stream = await storage.get(bucket, key);
  } catch (error) {
    if (error instanceof AppError && error.code === 'STORAGE_OBJECT_NOT_FOUND') {
      return { ok: false, problem: { reason: 'missing', actualSha256: null, actualSize: null } };
    }
    throw error;
  }
  const hash = createHash('sha256');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
    size += buf.length;
    // Leaving the loop destroys the stream: nothing past the limit is read.
    if (size > expected.size)
      return { ok: false, problem: { reason: 'mismatch', actualSha256: null, actualSize: null } };
    hash.update(buf);
    if (opts.keepBytes) chunks.push(buf);
  }
  const actualSha256 = hash.digest('hex');
  if (size !== expected.size || actualSha256 !== expected.sha256) {
    return { ok: false, problem: { reason: 'mismatch', actualSha256, actualSize: size } };
  }
  return { ok: true, bytes: opts.keepBytes ? Buffer.concat(chunks, size) : null };
}
