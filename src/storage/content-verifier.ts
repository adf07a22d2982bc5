import { createHash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import { StorageErrors } from './storage-errors';

/**
 * Passes bytes through while checking them against the declared size and sha256. The error
 * comes before the last byte is released, so neither adapter stores content that does not
 * match the sha256 it records.
 */
export class ContentVerifier extends Transform {
  private readonly hash = createHash('sha256');
  private seen = 0;

  constructor(
    private readonly expectedSize: number,
    private readonly expectedSha256: string,
  ) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.seen += chunk.length;
    if (this.seen > this.expectedSize) {
      callback(mismatch({ expectedSize: this.expectedSize, actualSize: `more than ${this.expectedSize}` }));
      return;
    }
    this.hash.update(chunk);
    callback(null, chunk);
  }

  override _flush(callback: TransformCallback): void {
    const actualSha256 = this.hash.digest('hex');
    if (this.seen !== this.expectedSize) {
      callback(mismatch({ expectedSize: this.expectedSize, actualSize: this.seen }));
    } else if (actualSha256 !== this.expectedSha256) {
      callback(mismatch({ expectedSha256: this.expectedSha256, actualSha256 }));
    } else {
      callback();
    }
  }
}

export function verifyBuffer(body: Buffer, expectedSize: number, expectedSha256: string): void {
  if (body.length !== expectedSize) throw mismatch({ expectedSize, actualSize: body.length });
  const actualSha256 = createHash('sha256').update(body).digest('hex');
  if (actualSha256 !== expectedSha256) throw mismatch({ expectedSha256, actualSha256 });
}

function mismatch(details: Record<string, unknown>): Error {
  return StorageErrors.STORAGE_CONTENT_MISMATCH(details);
}
