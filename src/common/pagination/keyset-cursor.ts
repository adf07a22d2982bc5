import { CommonErrors } from '../errors/common-errors';

/**
 * Opaque keyset cursors: the sort key of the last item, base64url JSON. Clients never build them, so a
 * cursor that does not decode to the expected shape is a 400, not a silent first page.
 */
export function encodeCursor(values: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, arity: number): string[] {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === arity && parsed.every((v) => typeof v === 'string')) {
      return parsed as string[];
    }
  } catch {
    // fall through to the 400 below
  }
  throw CommonErrors.VALIDATION_FAILED({ fields: [{ field: 'cursor', constraints: ['invalidCursor'] }] });
}

export const MAX_PAGE_SIZE = 200;

export function pageSize(limit: number | undefined, fallback = 50): number {
  return Math.min(Math.max(limit ?? fallback, 1), MAX_PAGE_SIZE);
}
