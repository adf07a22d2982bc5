const THAI_DIGITS = /[๐-๙]/g;

/** Thai digits (๐-๙) mean the same as Arabic ones in codes typed by users. */
export function toArabicDigits(value: string): string {
  return value.replace(THAI_DIGITS, (d) => String(d.charCodeAt(0) - 0x0e50));
}

/** Escapes LIKE wildcards so a user's `%` or `_` matches literally. */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}
