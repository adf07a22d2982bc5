/** Byte-level helpers: PDF whitespace and a best-effort name for what a non-PDF upload really is. */

const PDF_WHITESPACE: ReadonlySet<number> = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);

export function isPdfWhitespace(bytes: Uint8Array): boolean {
  for (const b of bytes) if (!PDF_WHITESPACE.has(b)) return false;
  return true;
}

const SIGNATURES: ReadonlyArray<readonly [string, string]> = [
  ['89504e470d0a1a0a', 'PNG image'],
  ['ffd8ff', 'JPEG image'],
  ['47494638', 'GIF image'],
  ['504b0304', 'ZIP archive'],
  ['504b0506', 'ZIP archive'],
  ['d0cf11e0a1b11ae1', 'OLE document'],
  ['25504446', 'PDF'],
];

/** For log details only: the format `bytes` start with, and where a PDF header hides when not at offset 0. */
export function describeFormat(bytes: Buffer): string {
  const head = bytes.subarray(0, 16).toString('hex');
  const signature = SIGNATURES.find(([hex]) => head.startsWith(hex));
  if (signature) return signature[1];
  const text = bytes.toString('latin1', 0, Math.min(bytes.length, 1024));
  const pdfAt = text.indexOf('%PDF-');
  const lead = text.trimStart().slice(0, 15).toLowerCase();
  const kind = lead.startsWith('<!doctype html') || lead.startsWith('<html') ? 'HTML' : 'unknown format';
  return pdfAt > 0 ? `${kind}, %PDF- header at offset ${pdfAt}` : kind;
}
