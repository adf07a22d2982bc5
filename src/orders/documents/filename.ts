/**
 * Invisible characters that change how a name is displayed: the bidi embeddings/overrides (U+202A-U+202E) and
 * isolates (U+2066-U+2069) turn "cod\u202Efdp.exe" into "codexe.pdf" on screen, and zero-width characters
 * (U+200B-U+200F, U+2060-U+2064, U+FEFF, U+180E, U+061C) make two names that look the same differ.
 */
const INVISIBLE = /[\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;
/** Characters Windows refuses in names, plus the quote that would end a header parameter. */
const RESERVED = new Set(['"', '<', '>', '|', '*', '?', ':']);
const MAX_STEM = 196;

/**
 * "../../x\u0000.pdf" → "x.pdf": NFC, no folders, control, reserved or invisible characters, at most 200
 * characters, always ending in ".pdf". A display name only: storage keys never come from it.
 */
export function sanitizeFilename(name: string | undefined): string {
  const base = (name ?? '').normalize('NFC').split(/[\\/]/).pop() ?? '';
  const visible = [...base.replace(INVISIBLE, '')].filter((ch) => {
    const code = ch.codePointAt(0) ?? 0;
    return code > 0x1f && !(code >= 0x7f && code <= 0x9f) && !RESERVED.has(ch);
  });
  // Slicing code points, not UTF-16 units, so a cut never leaves half a surrogate pair.
  const clean = visible.slice(0, MAX_STEM).join('').trim();
  if (!clean || /^\.+$/.test(clean)) return 'document.pdf';
  return /\.pdf$/i.test(clean) ? clean : `${clean}.pdf`;
}
