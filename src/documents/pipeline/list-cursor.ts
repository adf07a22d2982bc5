/** Opaque keyset cursor (timestamp, id) for the admin lists: base64url JSON, checked when read back. */
export interface ListCursor {
  at: Date;
  id: string;
}

export function encodeCursor(at: Date, id: string): string {
  return Buffer.from(JSON.stringify([at.toISOString(), id]), 'utf8').toString('base64url');
}

/** A cursor that does not decode is treated as no cursor (the first page), not as an error. */
export function decodeCursor(cursor: string | undefined): ListCursor | null {
  if (!cursor) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (!Array.isArray(value) || typeof value[0] !== 'string' || typeof value[1] !== 'string') return null;
    const at = new Date(value[0]);
    return Number.isNaN(at.getTime()) ? null : { at, id: value[1] };
  } catch {
    return null;
  }
}

/** `?limit=` as API.md says: default 50, at most 200. */
export function parseLimit(raw: string | undefined): number {
  const n = Number(raw ?? 50);
  return Number.isInteger(n) && n > 0 ? Math.min(n, 200) : 50;
}
