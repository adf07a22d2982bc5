import { AppError } from '../common/errors/app-error';
import { StorageErrors, errorCodeOf, withCause } from './storage-errors';

export type LocalOperation = 'read' | 'write' | 'admin';

/** Where a reader meets these, the object simply is not there (a file or folder is in the way). */
const MISSING_CODES = new Set(['ENOENT', 'ENOTDIR', 'EISDIR', 'ELOOP', 'ENAMETOOLONG']);
/** A writer meets these when a key is both a file and a folder ("a" and "a/b"), which a disk cannot hold. */
const CONFLICT_CODES = new Set(['ENOTDIR', 'EISDIR', 'EEXIST']);
/** The folder is there but unusable: permissions, read-only or full disk, I/O trouble. */
const UNAVAILABLE_CODES = new Set([
  'EACCES',
  'EPERM',
  'EROFS',
  'EIO',
  'ENOSPC',
  'EDQUOT',
  'EMFILE',
  'ENFILE',
  'ESTALE',
  'EBUSY',
]);

/** Translates a file-system error into the port's error catalogue; unknown errors pass through. */
export function toLocalStorageError(
  error: unknown,
  operation: LocalOperation,
  target: { bucket: string; key?: string },
): Error {
  if (error instanceof AppError) return error;
  const code = errorCodeOf(error);
  if (code && operation === 'read' && MISSING_CODES.has(code)) {
    return withCause(StorageErrors.STORAGE_OBJECT_NOT_FOUND(target), error);
  }
  if (code && operation === 'write' && CONFLICT_CODES.has(code)) {
    return withCause(StorageErrors.STORAGE_KEY_CONFLICT(target), error);
  }
  if (code === 'ENAMETOOLONG') {
    return withCause(
      StorageErrors.STORAGE_INVALID_KEY({ ...target, reason: 'a path segment is too long' }),
      error,
    );
  }
  if (code && UNAVAILABLE_CODES.has(code)) {
    return withCause(StorageErrors.STORAGE_UNAVAILABLE({ reason: code }), error);
  }
  return error instanceof Error ? error : new Error(String(error));
}

export function isMissing(error: unknown): boolean {
  const code = errorCodeOf(error);
  return code !== undefined && MISSING_CODES.has(code);
}
