import { createHash } from 'node:crypto';
import type { Request } from 'express';
import busboy from 'busboy';
import { CommonErrors } from '../../common/errors/common-errors';
import { OrdersErrors } from '../orders-errors';

export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;
/** Room for the multipart framing and the small fields around the file. */
const ENVELOPE_BYTES = 64 * 1024;
const PDF_MAGIC = Buffer.from('%PDF-', 'latin1');

export interface ReceivedPdf {
  bytes: Buffer;
  size: number;
  sha256: string;
  /** Sanitised display name; never used for storage keys. */
  filename: string;
  fields: Record<string, string>;
}

/** "../../x\u0000.pdf" → "x.pdf": NFC, no folders or control characters, at most 200 characters. */
export function sanitizeFilename(name: string | undefined): string {
  const base = (name ?? '').normalize('NFC').split(/[\\/]/).pop() ?? '';
  const clean = [...base]
    .filter((ch) => ch.charCodeAt(0) > 0x1f && ch.charCodeAt(0) !== 0x7f && !'"<>|*?:'.includes(ch))
    .join('')
    .trim()
    .slice(0, 196);
  if (!clean) return 'document.pdf';
  return /\.pdf$/i.test(clean) ? clean : `${clean}.pdf`;
}

/**
 * Reads the multipart field `file` into memory (≤ 20 MB; the object store needs a known size) with
 * its sha256. Refuses other media types (415), oversize bodies (413, early when Content-Length says
 * so) and anything that does not start with `%PDF-` (415), before a byte is stored.
 */
export function receivePdf(req: Request): Promise<ReceivedPdf> {
  const type = req.headers['content-type'] ?? '';
  if (!/^multipart\/form-data/i.test(type))
    return Promise.reject(CommonErrors.UNSUPPORTED_MEDIA_TYPE({ expected: 'multipart/form-data' }));
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (Number.isFinite(declared) && declared > MAX_DOCUMENT_BYTES + ENVELOPE_BYTES) {
    return Promise.reject(OrdersErrors.DOCUMENT_TOO_LARGE({ maxBytes: MAX_DOCUMENT_BYTES }));
  }
  return new Promise<ReceivedPdf>((resolve, reject) => {
    const parser = busboy({
      headers: req.headers,
      defParamCharset: 'utf8',
      limits: { fileSize: MAX_DOCUMENT_BYTES, files: 1, fields: 10, fieldSize: 1024, parts: 12 },
    });
    const chunks: Buffer[] = [];
    const hash = createHash('sha256');
    const fields: Record<string, string> = {};
    let filename: string | undefined;
    let seenFile = false;
    let tooLarge = false;
    parser.on('field', (name, value) => void (fields[name] = value));
    parser.on('file', (name, stream, info) => {
      if (name !== 'file' || seenFile) {
        stream.resume();
        return;
      }
      seenFile = true;
      filename = info.filename;
      stream.on('data', (chunk: Buffer) => {
        chunks.push(chunk);
        hash.update(chunk);
      });
      stream.on('limit', () => void (tooLarge = true));
    });
    parser.on('error', (error) =>
      reject(CommonErrors.VALIDATION_FAILED({ reason: (error as Error).message })),
    );
    parser.on('close', () => {
      if (tooLarge) return reject(OrdersErrors.DOCUMENT_TOO_LARGE({ maxBytes: MAX_DOCUMENT_BYTES }));
      if (!seenFile) return reject(OrdersErrors.DOCUMENT_FILE_MISSING());
      const bytes = Buffer.concat(chunks);
      if (bytes.length < PDF_MAGIC.length || !bytes.subarray(0, PDF_MAGIC.length).equals(PDF_MAGIC)) {
        return reject(OrdersErrors.DOCUMENT_NOT_PDF());
      }
      resolve({
        bytes,
        size: bytes.length,
        sha256: hash.digest('hex'),
        filename: sanitizeFilename(filename),
        fields,
      });
    });
    req.pipe(parser);
  });
}
