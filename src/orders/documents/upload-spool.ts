import { createHash, randomUUID } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, type TransformCallback } from 'node:stream';
import { OrdersErrors } from '../orders-errors';

const PDF_MAGIC = Buffer.from('%PDF-', 'latin1');

/** The names spool files have (the sweep removes only these, whatever else shares the folder). */
export const SPOOL_FILE = /^dla-upload-[0-9a-f-]{36}\.part$/;

/** A fresh, unguessable spool path; the folder is created on first use. */
export async function spoolPath(dir: string): Promise<string> {
  await mkdir(dir, { recursive: true });
  return join(dir, `dla-upload-${randomUUID()}.part`);
}

export async function removeSpool(path: string): Promise<void> {
  await rm(path, { force: true });
}

/**
 * Sits between the multipart file stream and the spool file: hashes and counts while bytes pass, and fails
 * the pipeline as soon as the content says no (the first five bytes are not `%PDF-`, or the size passes the
 * limit), so a refused upload is never read to its end. Media type and file name are never consulted.
 */
export class SpoolTap extends Transform {
  readonly hash = createHash('sha256');
  size = 0;
  private head = Buffer.alloc(0);

  constructor(private readonly maxBytes: number) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.size += chunk.length;
    if (this.size > this.maxBytes)
      return callback(OrdersErrors.DOCUMENT_TOO_LARGE({ maxBytes: this.maxBytes }));
    if (this.head.length < PDF_MAGIC.length) {
      this.head = Buffer.concat([this.head, chunk.subarray(0, PDF_MAGIC.length - this.head.length)]);
      if (!PDF_MAGIC.subarray(0, this.head.length).equals(this.head)) return callback(notPdf());
    }
    this.hash.update(chunk);
    callback(null, chunk);
  }

  override _flush(callback: TransformCallback): void {
    // Shorter than the header (an empty file included): not a PDF either.
    callback(this.head.length < PDF_MAGIC.length ? notPdf() : null);
  }
}

function notPdf(): Error {
  return OrdersErrors.DOCUMENT_NOT_PDF();
}
