/** Zero-width characters that editors and PDF copy-paste leave inside Thai words. */
const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF]/g;
/** SARA AM typed (or decomposed by NFKD tools) as NIKHAHIT + SARA AA, possibly around a tone mark. */
const SPLIT_SARA_AM = /\u0E4D([\u0E48-\u0E4B]?)\u0E32/g;
const TONE_THEN_NIKHAHIT_SARA_AA = /([\u0E48-\u0E4B])\u0E4D\u0E32/g;

/**
 * The stored form of a Thai name or text field: NFC (which also puts SARA U/UU before tone marks),
 * split SARA AM repaired (NFC cannot: ำ has only a compatibility decomposition), no zero-width
 * characters, spaces collapsed. The same name typed differently then matches and sorts alike.
 */
export function normalizeThaiText(value: string): string {
  return value
    .normalize('NFC')
    .replace(ZERO_WIDTH, '')
    .replace(TONE_THEN_NIKHAHIT_SARA_AA, '$1\u0E33')
    .replace(SPLIT_SARA_AM, '$1\u0E33')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Optional text: blank becomes null. */
export function normalizeOptionalText(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const normalized = normalizeThaiText(value);
  return normalized === '' ? null : normalized;
}
