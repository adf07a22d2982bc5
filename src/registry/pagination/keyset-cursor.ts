import {
  decodeCursor as decodeKeys,
  encodeCursor as encodeKeys,
  MAX_PAGE_SIZE,
} from '../../common/pagination/keyset-cursor';
import { CommonErrors } from '../../common/errors/common-errors';

export { MAX_PAGE_SIZE };
export const DEFAULT_PAGE_SIZE = 50;

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Registry lists are keyed by one string (the LAO code): the shared cursor format with one key. */
export function encodeCursor(lastKey: string): string {
  return encodeKeys([lastKey]);
}

export function decodeCursor(cursor: string | undefined, keyPattern: RegExp): string | null {
  if (cursor === undefined || cursor === '') return null;
  const [key] = decodeKeys(cursor, 1);
  if (!keyPattern.test(key)) {
    throw CommonErrors.VALIDATION_FAILED({ fields: [{ field: 'cursor', constraints: ['invalidCursor'] }] });
  }
  return key;
}

/** Builds the page from `limit + 1` fetched rows: the extra row only says that there is more. */
export function toPage<R, T>(
  rows: R[],
  limit: number,
  keyOf: (row: R) => string,
  present: (row: R) => T,
): Page<T> {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return {
    items: items.map(present),
    nextCursor: rows.length > limit && last !== undefined ? encodeCursor(keyOf(last)) : null,
  };
}
