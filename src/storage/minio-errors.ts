import { AppError } from '../common/errors/app-error';
import { StorageErrors, errorCodeOf, withCause } from './storage-errors';

/** What the failed call was doing: a missing bucket means "no such object" to a reader only. */
export type MinioOperation = 'read' | 'write' | 'list' | 'admin';

const NOT_FOUND_CODES = new Set(['NoSuchKey', 'NotFound', 'NoSuchBucket']);
/** Socket-level failures: the server is down, unreachable or cut the connection. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'ENETUNREACH',
  'ENETDOWN',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
]);
/** S3 answers that mean "not usable right now" (overload, outage) or "not usable by us" (credentials). */
const SERVER_CODES = new Set([
  'AccessDenied',
  'InvalidAccessKeyId',
  'SignatureDoesNotMatch',
  'RequestTimeTooSkewed',
  'AuthorizationHeaderMalformed',
  'SlowDown',
  'InternalError',
  'ServiceUnavailable',
  'RequestTimeout',
  'XMinioServerNotInitialized',
  'XMinioStorageFull',
]);

/** Translates a `minio` client error into the port's error catalogue; unknown errors pass through. */
export function toStorageError(
  error: unknown,
  operation: MinioOperation,
  target: { bucket: string; key?: string },
): Error {
  if (error instanceof AppError) return error;
  const code = errorCodeOf(error);
  if (code && NOT_FOUND_CODES.has(code)) {
    if (operation === 'read') return withCause(StorageErrors.STORAGE_OBJECT_NOT_FOUND(target), error);
    if (code === 'NoSuchBucket') {
      return withCause(StorageErrors.STORAGE_BUCKET_NOT_FOUND({ bucket: target.bucket }), error);
    }
  }
  if (isUnavailable(error, code)) return unavailable(error);
  return error instanceof Error ? error : new Error(String(error));
}

export function isNotFound(error: unknown): boolean {
  const code = errorCodeOf(error);
  return code !== undefined && NOT_FOUND_CODES.has(code);
}

export function isBucketAlreadyThere(error: unknown): boolean {
  const code = errorCodeOf(error);
  return code === 'BucketAlreadyOwnedByYou' || code === 'BucketAlreadyExists';
}

/** Any failure as STORAGE_UNAVAILABLE, with a short operator-facing reason (never the credentials). */
export function unavailable(error: unknown): AppError {
  if (error instanceof AppError && error.code === 'STORAGE_UNAVAILABLE') return error;
  const reason = errorCodeOf(error) ?? (error instanceof Error ? error.message : String(error));
  return withCause(StorageErrors.STORAGE_UNAVAILABLE({ reason }), error);
}

function isUnavailable(error: unknown, code: string | undefined): boolean {
  if (code && (NETWORK_CODES.has(code) || SERVER_CODES.has(code) || isTlsCode(code))) return true;
  // The client gives up on 5xx answers with a plain Error after its retries.
  return error instanceof Error && /^Request failed after \d+ retries/.test(error.message);
}

function isTlsCode(code: string): boolean {
  return code.startsWith('ERR_TLS_') || code.includes('CERT') || code.includes('SELF_SIGNED');
}
