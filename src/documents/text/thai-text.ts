/**
 * Thai text normalisation and loose matching for text extracted from PDFs (pdf.js, OCR).
 *
 * Extraction output differs per producer (see docs/STACK.md): pdf-lib/pdfkit write "คำสั่ง" so that it reads back as
 * "คำาสั่ง", cairo drops SARA UU, some producers emit SARA AM as NIKHAHIT + SARA AA. Everything that compares
 * document text with what an admin typed goes through `normalizeThai` on both sides first.
 */

const THAI_ZERO = 0x0e50;
const NIKHAHIT = '\u0e4d';
const SARA_AA = '\u0e32';
const SARA_AM = '\u0e33';
const TONE_MARKS = '\u0e48-\u0e4b';
/** Above/below vowels and signs that combine with the preceding consonant (not tone marks). */
const UPPER_LOWER_VOWELS = '\u0e31\u0e34-\u0e3a\u0e47';

const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;
const THAI_DIGITS = /[\u0e50-\u0e59]/g;
const WHITESPACE = /[\s\u00a0\u2000-\u200a\u202f\u205f\u3000]+/g;

/** Thai digits ๐-๙ → 0-9; everything else unchanged. */
export function toArabicDigits(s: string): string {
  return s.replace(THAI_DIGITS, (d) => String(d.charCodeAt(0) - THAI_ZERO));
}

/**
 * NFC, drop zero-width characters, Thai digits → Arabic, repair SARA AM, undo doubled marks, collapse whitespace.
 * Idempotent: normalizeThai(normalizeThai(s)) === normalizeThai(s).
 */
export function normalizeThai(s: string): string {
  let t = s.normalize('NFC').replace(ZERO_WIDTH, '');
  t = toArabicDigits(t);
  // Split SARA AM: NIKHAHIT + SARA AA, also with the tone mark on either side of NIKHAHIT ("น้ํา", "นํ้า" → "น้ำ").
  t = t.replace(
    new RegExp(`([${TONE_MARKS}]?)${NIKHAHIT}([${TONE_MARKS}]?)${SARA_AA}`, 'g'),
    `$1$2${SARA_AM}`,
  );
  // pdf-lib/pdfkit artefact: SARA AM followed by a stray SARA AA ("คำาสั่ง"). No Thai word has ำา.
  t = t.replace(new RegExp(`${SARA_AM}${SARA_AA}+`, 'g'), SARA_AM);
  // A tone mark after SARA AM ("คำ่") belongs before it ("ค่ำ").
  t = t.replace(new RegExp(`${SARA_AM}([${TONE_MARKS}])`, 'g'), `$1${SARA_AM}`);
  // A tone mark written before an upper/lower vowel ("ท่ี") is the same cluster as the standard order ("ที่").
  t = t.replace(new RegExp(`([${TONE_MARKS}])([${UPPER_LOWER_VOWELS}])`, 'g'), '$2$1');
  // A doubled combining mark ("ผููดูแล" from pdf-lib output) is never valid Thai: keep one.
  t = t.replace(new RegExp(`([${UPPER_LOWER_VOWELS}${TONE_MARKS}\u0e4c-\u0e4e])\\1+`, 'g'), '$1');
  return t.replace(WHITESPACE, ' ').trim();
}

/** "๑๒" or "12" → 12. Anything else (mixed digit sets, signs, separators, empty, > 15 digits) → null. */
export function parseThaiInt(s: string): number | null {
  const t = s.trim();
  if (!/^(?:[0-9]{1,15}|[\u0e50-\u0e59]{1,15})$/.test(t)) return null;
  return Number(toArabicDigits(t));
}

/** A Thai character that extraction commonly drops, duplicates or splits; ignored by skeleton matching. */
const SKELETON_DROP = new RegExp(`[${UPPER_LOWER_VOWELS}${TONE_MARKS}\u0e4c-\u0e4e${SARA_AA}${SARA_AM}]`);

export type MatchMode = 'exact' | 'skeleton';

/** A loose match in a normalised text: [start, end) are offsets into `SearchableText.text`. */
export interface LooseMatch {
  mode: MatchMode;
  start: number;
  end: number;
  /** The normalised text between start and end. */
  matched: string;
}

interface Compact {
  chars: string;
  /** offsets[i] = index in the normalised text of chars[i]. */
  offsets: number[];
}

function compact(normalised: string, mode: MatchMode): Compact {
  let chars = '';
  const offsets: number[] = [];
  for (let i = 0; i < normalised.length; i++) {
    const ch = normalised[i];
    if (ch === ' ') continue;
    if (mode === 'skeleton' && SKELETON_DROP.test(ch)) continue;
    chars += ch;
    offsets.push(i);
  }
  return { chars, offsets };
}

/**
 * A normalised text prepared for repeated loose searches. Spaces are ignored on both sides (extraction inserts and
 * drops them); the skeleton fallback also ignores tone marks, upper/lower vowels and SARA AA/AM, which extraction
 * drops, doubles or splits.
 */
export class SearchableText {
  readonly text: string;
  private readonly exact: Compact;
  private skeletonCache?: Compact;

  constructor(raw: string) {
    this.text = normalizeThai(raw);
    this.exact = compact(this.text, 'exact');
  }

  /** First exact (space-insensitive) occurrence of `needle`, else the first skeleton occurrence, else null. */
  find(needle: string): LooseMatch | null {
    const n = normalizeThai(needle);
    return this.findMode(n, 'exact') ?? this.findMode(n, 'skeleton');
  }

  /** All exact (space-insensitive) occurrences. */
  findAllExact(needle: string): LooseMatch[] {
    const n = compact(normalizeThai(needle), 'exact').chars;
    const out: LooseMatch[] = [];
    if (!n) return out;
    for (let at = this.exact.chars.indexOf(n); at >= 0; at = this.exact.chars.indexOf(n, at + 1)) {
      out.push(this.toMatch(this.exact, at, n.length, 'exact'));
    }
    return out;
  }

  snippet(start: number, end: number, max = 80): string {
    return snippetAround(this.text, start, end, max);
  }

  private findMode(normalisedNeedle: string, mode: MatchMode): LooseMatch | null {
    const c = mode === 'exact' ? this.exact : (this.skeletonCache ??= compact(this.text, 'skeleton'));
    const n = compact(normalisedNeedle, mode).chars;
    if (!n) return null;
    const at = c.chars.indexOf(n);
    return at < 0 ? null : this.toMatch(c, at, n.length, mode);
  }

  private toMatch(c: Compact, at: number, length: number, mode: MatchMode): LooseMatch {
    const start = c.offsets[at];
    let end = c.offsets[at + length - 1] + 1;
    // Marks that follow the last kept character belong to its cluster.
    while (end < this.text.length && SKELETON_DROP.test(this.text[end])) end++;
    return { mode, start, end, matched: this.text.slice(start, end) };
  }
}

/** `new SearchableText(text).find(needle)`, for one-off searches. */
export function findLoose(text: string | SearchableText, needle: string): LooseMatch | null {
  return (typeof text === 'string' ? new SearchableText(text) : text).find(needle);
}

/** Titles an order may print before a name; longest first so "นางสาว" wins over "นาง". */
export const THAI_TITLES: readonly string[] = [
  'ว่าที่ร้อยตรีหญิง',
  'ว่าที่ร้อยตรี',
  'ว่าที่ร.ต.หญิง',
  'ว่าที่ร.ต.',
  'ว่าที่ ร.ต.',
  'นางสาว',
  'น.ส.',
  'นาง',
  'นาย',
  'ดร.',
].map(normalizeThai);

export interface PersonName {
  title?: string;
  firstName: string;
  lastName: string;
}

export interface NameMatch extends LooseMatch {
  /** The title printed directly before the name, if any. */
  title?: string;
  /** ≤ 80 characters of the normalised text around the match. */
  snippet: string;
}

/**
 * Loose name match: the title is optional on both sides (any known title printed before the name is reported),
 * spaces between and inside names are ignored, and the skeleton fallback tolerates dropped/doubled marks
 * (`mode` says which one matched, so callers can surface a loose match instead of passing it silently).
 */
export function matchName(text: string | SearchableText, name: PersonName): NameMatch | null {
  const hay = typeof text === 'string' ? new SearchableText(text) : text;
  for (const first of firstNameVariants(name.firstName)) {
    const m = hay.find(`${first}${name.lastName}`);
    if (m) return withTitle(hay.text, m);
  }
  return null;
}

/** An admin may type the title into the first-name field; retry without it rather than fail. */
function firstNameVariants(firstName: string): string[] {
  const f = normalizeThai(firstName);
  const title = THAI_TITLES.find((t) => f.startsWith(t) && f.length > t.length);
  return title ? [f, f.slice(title.length).trim()] : [f];
}

function withTitle(hay: string, m: LooseMatch): NameMatch {
  const before = hay.slice(Math.max(0, m.start - 24), m.start).replace(/ /g, '');
  const title = THAI_TITLES.find((t) => before.endsWith(t.replace(/ /g, '')));
  let start = m.start;
  if (title) {
    const want = title.replace(/ /g, '').length;
    let seen = 0;
    while (start > 0 && seen < want) {
      start--;
      if (hay[start] !== ' ') seen++;
    }
  }
  const matched = hay.slice(start, m.end);
  return { ...m, start, matched, title, snippet: snippetAround(hay, start, m.end) };
}

/** At most `max` characters of `text` centred on [start, end), with "…" where it was cut. */
export function snippetAround(text: string, start: number, end: number, max = 80): string {
  if (text.length <= max) return text;
  const room = Math.max(0, max - (end - start) - 2);
  let from = Math.max(0, start - Math.floor(room / 2));
  const to = Math.min(text.length, from + max - 2);
  from = Math.max(0, to - (max - 2));
  return `${from > 0 ? '…' : ''}${text.slice(from, to)}${to < text.length ? '…' : ''}`;
}
