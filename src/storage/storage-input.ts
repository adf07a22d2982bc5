import type { PutObjectInput } from './object-storage';
import { StorageErrors } from './storage-errors';

/** A put request after validation: what both adapters actually store. */
export interface PreparedPut {
  bucket: string;
  key: string;
  size: number;
  sha256: string;
  contentType: string;
  metadata: Record<string, string>;
}

export const DEFAULT_CONTENT_TYPE = 'application/octet-stream';
const MAX_KEY_BYTES = 1024;
/** S3 caps user metadata at 2 KB of headers; the local folder keeps the same limit so both agree. */
const MAX_METADATA_BYTES = 2048;
const BUCKET_NAME = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const IP_LIKE = /^\d+\.\d+\.\d+\.\d+$/;
const METADATA_NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const PRINTABLE_ASCII = /^[\x20-\x7e]+$/;
const SHA256_HEX = /^[0-9a-f]{64}$/;
/** Names the S3 client sends as plain headers (or we use ourselves), so they cannot be user metadata. */
const RESERVED_METADATA = new Set([
  'sha256',
  'content-type',
  'content-length',
  'content-md5',
  'cache-control',
  'content-encoding',
  'content-disposition',
  'content-language',
  'expires',
  'if-match',
  'if-none-match',
]);

export function assertBucketName(bucket: string): void {
  if (
    typeof bucket !== 'string' ||
    !BUCKET_NAME.test(bucket) ||
    bucket.includes('..') ||
    IP_LIKE.test(bucket)
  ) {
    throw StorageErrors.STORAGE_INVALID_INPUT({ reason: 'invalid bucket name', bucket });
  }
}

/**
 * Keys are `/`-separated paths. Both adapters refuse the ones that could escape a folder
 * (absolute, `.`/`..` or empty segments, backslashes) so the two stores accept the same keys.
 */
export function assertObjectKey(key: string): void {
  const reason = keyProblem(key);
  if (reason) throw StorageErrors.STORAGE_INVALID_KEY({ reason, key: String(key) });
}

/** A list prefix may end mid-segment ("orders/คำ"), but its complete segments follow the key rules. */
export function assertPrefix(prefix: string): void {
  if (prefix === '') return;
  const lastSlash = prefix.lastIndexOf('/');
  const reason =
    charProblem(prefix) ??
    (lastSlash >= 0 ? keyProblem(prefix.slice(0, lastSlash)) : null) ??
    lengthProblem(prefix);
  if (reason) throw StorageErrors.STORAGE_INVALID_KEY({ reason, prefix });
}

export function preparePut(input: PutObjectInput): PreparedPut {
  assertBucketName(input.bucket);
  assertObjectKey(input.key);
  if (!Number.isSafeInteger(input.size) || input.size < 0) {
    throw StorageErrors.STORAGE_INVALID_INPUT({ reason: 'size must be a non-negative integer' });
  }
  const sha256 = typeof input.sha256 === 'string' ? input.sha256.toLowerCase() : '';
  if (!SHA256_HEX.test(sha256))
    throw StorageErrors.STORAGE_INVALID_INPUT({ reason: 'sha256 must be 64 hex digits' });
  const contentType = input.contentType ?? DEFAULT_CONTENT_TYPE;
  if (!PRINTABLE_ASCII.test(contentType) || contentType.length > 255) {
    throw StorageErrors.STORAGE_INVALID_INPUT({ reason: 'content type must be printable ASCII' });
  }
  return {
    bucket: input.bucket,
    key: input.key,
    size: input.size,
    sha256,
    contentType,
    metadata: normalizeMetadata(input.metadata ?? {}),
  };
}

/** Lower-cases names (S3 does) and refuses names that would collide with headers or each other. */
function normalizeMetadata(metadata: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  let bytes = 0;
  for (const [rawName, value] of Object.entries(metadata)) {
    const name = rawName.toLowerCase();
    if (
      !METADATA_NAME.test(name) ||
      name.startsWith('x-amz-') ||
      RESERVED_METADATA.has(name) ||
      name in out
    ) {
      throw StorageErrors.STORAGE_INVALID_INPUT({
        reason: 'invalid or duplicate metadata name',
        name: rawName,
      });
    }
    if (typeof value !== 'string') {
      throw StorageErrors.STORAGE_INVALID_INPUT({ reason: 'metadata values must be strings', name: rawName });
    }
    bytes += name.length + encodeMetadataValue(value).length;
    out[name] = value;
  }
  if (bytes > MAX_METADATA_BYTES) {
    throw StorageErrors.STORAGE_INVALID_INPUT({ reason: `metadata exceeds ${MAX_METADATA_BYTES} bytes` });
  }
  return out;
}

/** HTTP headers cannot carry Thai text, so S3 metadata values travel percent-encoded. */
export function encodeMetadataValue(value: string): string {
  return encodeURIComponent(value);
}

export function decodeMetadataValue(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value; // written by another tool, not percent-encoded
  }
}

function keyProblem(key: string): string | null {
  if (typeof key !== 'string' || key.length === 0) return 'empty key';
  const chars = charProblem(key);
  if (chars) return chars;
  if (key.startsWith('/')) return 'absolute key';
  for (const segment of key.split('/')) {
    if (segment === '') return 'empty path segment';
    if (segment === '.' || segment === '..') return 'dot path segment';
  }
  return lengthProblem(key);
}

function charProblem(value: string): string | null {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return 'control character';
    if (code === 0x5c) return 'backslash';
  }
  // Lone surrogates would be replaced when encoded as UTF-8, so two keys could collide.
  if (Buffer.from(value, 'utf8').toString('utf8') !== value) return 'invalid unicode';
  return null;
}

function lengthProblem(value: string): string | null {
  return Buffer.byteLength(value, 'utf8') > MAX_KEY_BYTES ? `longer than ${MAX_KEY_BYTES} bytes` : null;
}
