import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Request } from 'express';
import busboy from 'busboy';
import { CommonErrors } from '../../common/errors/common-errors';
import { OrdersErrors } from '../orders-errors';
import { sanitizeFilename } from './filename';
import { type DrainBounds, drainRefusedBody, REFUSED_BODY_DRAIN } from './refused-body';
import { removeSpool, SpoolTap, spoolPath } from './upload-spool';

export { sanitizeFilename } from './filename';

export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;
/** Room for the multipart framing and the small fields around the file. */
const ENVELOPE_BYTES = 64 * 1024;

export interface ReceivedPdf {
  /** The spool file holding exactly the uploaded bytes; the caller deletes it (`removeSpool`). */
  path: string;
  size: number;
  sha256: string;
  /** Sanitised display name; never used for storage keys. */
  filename: string;
  fields: Record<string, string>;
}

export interface ReceiveOptions {
  spoolDir: string;
  maxBytes?: number;
  /** How much of a refused body is still read so that the client can read the answer. */
  drain?: DrainBounds;
}

/**
 * Spools the multipart field `file` to a temp file while hashing it (the object store needs a known size,
 * and 20 MB per request in memory would not scale). Refuses other media types (415), bodies over the limit
 * (413: at once when Content-Length says so, else as soon as the count of the whole request or of the file
 * passes it), any other file part or an over-long field (400), and content that does not start with `%PDF-`
 * (415, after five bytes). A refused upload leaves no spool file; the rest of its body is drained up to a
 * bound so that the client can read the answer (see refused-body.ts).
 */
export async function receivePdf(req: Request, opts: ReceiveOptions): Promise<ReceivedPdf> {
  const maxBytes = opts.maxBytes ?? MAX_DOCUMENT_BYTES;
  const drain = opts.drain ?? REFUSED_BODY_DRAIN;
  if (!/^multipart\/form-data/i.test(req.headers['content-type'] ?? '')) {
    await drainRefusedBody(req, 0, drain);
    throw CommonErrors.UNSUPPORTED_MEDIA_TYPE({ expected: 'multipart/form-data' });
  }
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes + ENVELOPE_BYTES) {
    await drainRefusedBody(req, 0, drain);
    throw OrdersErrors.DOCUMENT_TOO_LARGE({ maxBytes });
  }
  const path = await spoolPath(opts.spoolDir);
  const counter = { bytes: 0 };
  try {
    return { ...(await parse(req, path, maxBytes, counter)), path };
  } catch (error) {
    await removeSpool(path);
    await drainRefusedBody(req, counter.bytes, drain);
    throw error;
  }
}

type Parsed = Omit<ReceivedPdf, 'path'>;
type Spooled = Omit<Parsed, 'fields'>;

const unexpectedPart = (reason: string): Error => CommonErrors.VALIDATION_FAILED({ reason });

function parse(req: Request, path: string, maxBytes: number, counter: { bytes: number }): Promise<Parsed> {
  return new Promise<Parsed>((resolve, reject) => {
    // Gone before we got here (the spool folder is prepared asynchronously): its 'close' has passed, and a
    // destroyed request gives no more data even when it had all arrived.
    if (req.destroyed) {
      reject(CommonErrors.VALIDATION_FAILED({ reason: 'upload aborted by the client' }));
      return;
    }
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: req.headers,
        defParamCharset: 'utf8',
        limits: { fileSize: maxBytes, files: 1, fields: 10, fieldSize: 1024, parts: 12, headerPairs: 20 },
      });
    } catch (error) {
      // e.g. multipart/form-data without a boundary
      reject(CommonErrors.VALIDATION_FAILED({ reason: (error as Error).message }));
      return;
    }
    const fields: Record<string, string> = {};
    let spooled: Promise<Spooled> | undefined;
    let source: Readable | undefined;
    let sink: WriteStream | undefined;
    let settled = false;
    // The whole request, not only the file: other parts, framing and a chunked body without a length count.
    const total = maxBytes + ENVELOPE_BYTES;
    const count = (chunk: Buffer): void => {
      counter.bytes += chunk.length;
      if (counter.bytes > total) fail(OrdersErrors.DOCUMENT_TOO_LARGE({ maxBytes }));
    };
    const fail = (error: unknown): void => {
      if (settled) return;
      settled = true;
      req.off('data', count);
      req.unpipe(parser);
      if (!sink) return reject(error);
      // The caller deletes the spool file once we reject: first stop the copy and wait for the file to be
      // closed, or a write stream still opening would create the file again after the delete.
      source?.destroy();
      sink.destroy();
      const done = (): void => reject(error);
      (sink.closed ? Promise.resolve() : once(sink, 'close')).then(done, done);
    };
    parser.on('field', (name, value, info) => {
      if (info.valueTruncated || info.nameTruncated) fail(unexpectedPart(`field "${name}" is too long`));
      else fields[name] = value;
    });
    parser.once('filesLimit', () => fail(unexpectedPart('more than one file part')));
    parser.once('fieldsLimit', () => fail(unexpectedPart('too many fields')));
    parser.once('partsLimit', () => fail(unexpectedPart('too many parts')));
    parser.on('file', (name, stream, info) => {
      if (name !== 'file' || spooled) {
        // Only one part may carry bytes of any size: anything else would be read uncapped, for nothing.
        stream.resume();
        fail(unexpectedPart(`unexpected file part "${name}"`));
        return;
      }
      source = stream;
      const tap = new SpoolTap(maxBytes);
      // busboy truncates at the limit and would go on reading the body: fail instead.
      stream.once('limit', () => tap.destroy(OrdersErrors.DOCUMENT_TOO_LARGE({ maxBytes })));
      sink = createWriteStream(path, { flags: 'wx', mode: 0o600 });
      spooled = pipeline(stream, tap, sink).then(() => ({
        size: tap.size,
        sha256: tap.hash.digest('hex'),
        filename: sanitizeFilename(info.filename),
      }));
      spooled.catch(fail);
    });
    parser.on('error', (error) => fail(CommonErrors.VALIDATION_FAILED({ reason: (error as Error).message })));
    parser.on('close', () => {
      if (!spooled) return fail(OrdersErrors.DOCUMENT_FILE_MISSING());
      spooled.then((file) => {
        if (settled) return;
        settled = true;
        resolve({ ...file, fields });
      }, fail);
    });
    // A client that goes away mid-upload: nothing more will come, so finish (and clean up) now.
    req.once('close', () => {
      if (!req.complete) fail(CommonErrors.VALIDATION_FAILED({ reason: 'upload aborted by the client' }));
    });
    req.on('data', count);
    req.pipe(parser);
  });
}
