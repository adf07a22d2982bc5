import { CommonErrors } from '../errors/common-errors';

/**
 * Opaque keyset cursors: the sort key of the last item, base64url JSON. Clients never build them, so a
 * cursor that does not decode to the expected shape is a 400, not a silent first page, and never reaches
 * the database (a bad timestamp or uuid there is a 500).
 */
export function encodeCursor(values: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');
}

function invalidCursor(): Error {
  return CommonErrors.VALIDATION_FAILED({ fields: [{ field: 'cursor', constraints: ['invalidCursor'] }] });
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
  throw invalidCursor();
}

/** UTC ISO-8601 as the lists write it (`toISOString`, or microseconds from SQL). */
const UTC_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface TimeIdCursor {
  /** As written in the cursor (microseconds kept, for SQL). */
  at: string;
  /** The same instant as a Date (milliseconds), for the ORM. */
  date: Date;
  id: string;
}

/** The cursor of a list ordered by (timestamp, uuid): both parts checked before any query. */
export function decodeTimeIdCursor(cursor: string): TimeIdCursor {
  const [at, id] = decodeCursor(cursor, 2);
  const date = new Date(at);
  // The round trip refuses what JS rolls over but PostgreSQL refuses (Feb 30, 24:00).
  const exact = !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 19) === at.slice(0, 19);
  if (!UTC_TIMESTAMP.test(at) || !exact || !UUID.test(id)) throw invalidCursor();
  return { at, date, id };
}

export function encodeTimeIdCursor(at: Date | string, id: string): string {
  return encodeCursor([typeof at === 'string' ? at : at.toISOString(), id]);
}

export const MAX_PAGE_SIZE = 200;

export function pageSize(limit: number | undefined, fallback = 50): number {
  return Math.min(Math.max(limit ?? fallback, 1), MAX_PAGE_SIZE);
}
