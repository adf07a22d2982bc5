import { decodeTimeIdCursor, encodeTimeIdCursor } from '../../common/pagination/keyset-cursor';

/** Keyset cursor (timestamp, id) for the admin lists: the shared format, checked when read back. */
export interface ListCursor {
  at: Date;
  id: string;
}

export function encodeCursor(at: Date, id: string): string {
  return encodeTimeIdCursor(at, id);
}

/** A cursor that does not decode is a 400 (as on every other list), never a query with a bad uuid. */
export function decodeCursor(cursor: string | undefined): ListCursor | null {
  if (!cursor) return null;
  const { date, id } = decodeTimeIdCursor(cursor);
  return { at: date, id };
}

/** `?limit=` as API.md says: default 50, at most 200. */
export function parseLimit(raw: string | undefined): number {
  const n = Number(raw ?? 50);
  return Number.isInteger(n) && n > 0 ? Math.min(n, 200) : 50;
}
