import {
  matchName,
  normalizeThai,
  SearchableText,
  type LooseMatch,
  type PersonName,
} from '../text/thai-text';
import { NOT_FOUND_TH, type Finding } from './finding-messages';

export { FINDING_CODES, FINDING_MESSAGES, NOT_FOUND_TH } from './finding-messages';
export type { Finding, FindingCode, FindingSeverity } from './finding-messages';

/** What the admin entered for the order; `orderYear` is the Buddhist Era year. */
export interface ExpectedOrder {
  laoName: string;
  orderNo: number;
  orderYear: number;
  appointees: PersonName[];
}

export interface CrossCheckOptions {
  /** The text came from OCR: say so, since every other finding is less certain then. */
  ocr?: boolean;
}

export const ORDER_KEYWORDS: readonly string[] = ['คำสั่ง', 'แต่งตั้ง'];

/**
 * Compares the document text with what the admin entered. Findings come in a stable order: OCR, LAO name, order
 * number/year, appointees (in the order given), keywords.
 */
export function crossCheck(text: string, expected: ExpectedOrder, opts: CrossCheckOptions = {}): Finding[] {
  const doc = new SearchableText(text);
  const findings: Finding[] = [];
  if (opts.ocr) findings.push({ code: 'TEXT_FROM_OCR', severity: 'info' });
  findings.push(...checkLaoName(doc, expected.laoName));
  findings.push(...checkOrderNumber(doc, expected.orderNo, expected.orderYear));
  for (const person of expected.appointees) findings.push(...checkAppointee(doc, person));
  for (const keyword of ORDER_KEYWORDS) {
    if (!doc.find(keyword)) {
      findings.push({ code: 'KEYWORD_MISSING', severity: 'warn', expected: keyword, found: NOT_FOUND_TH });
    }
  }
  return findings;
}

/** Full type names and the abbreviations orders also print (อบต.คูเมือง = องค์การบริหารส่วนตำบลคูเมือง). */
const LAO_TYPE_PREFIXES: ReadonlyArray<readonly [string, string]> = [
  ['องค์การบริหารส่วนตำบล', 'อบต.'],
  ['องค์การบริหารส่วนจังหวัด', 'อบจ.'],
  ['เทศบาลตำบล', 'ทต.'],
  ['เทศบาลเมือง', 'ทม.'],
  ['เทศบาลนคร', 'ทน.'],
];

function laoNameVariants(laoName: string): string[] {
  const name = normalizeThai(laoName);
  for (const [full, abbr] of LAO_TYPE_PREFIXES) {
    if (name.startsWith(full)) return [name, `${abbr}${name.slice(full.length)}`];
    if (name.startsWith(abbr)) return [name, `${full}${name.slice(abbr.length)}`];
  }
  return [name];
}

function checkLaoName(doc: SearchableText, laoName: string): Finding[] {
  const variants = laoNameVariants(laoName);
  const match = variants.map((v) => doc.find(v)).sort(exactFirst)[0];
  if (!match)
    return [{ code: 'LAO_NAME_NOT_FOUND', severity: 'warn', expected: variants[0], found: NOT_FOUND_TH }];
  return looseFinding(doc, match, variants[0]);
}

function exactFirst(a: LooseMatch | null, b: LooseMatch | null): number {
  const rank = (m: LooseMatch | null): number => (m === null ? 2 : m.mode === 'exact' ? 0 : 1);
  return rank(a) - rank(b);
}

function looseFinding(doc: SearchableText, m: LooseMatch, expected: string): Finding[] {
  if (m.mode === 'exact') return [];
  return [{ code: 'NAME_MATCHED_LOOSELY', severity: 'info', expected, found: doc.snippet(m.start, m.end) }];
}

interface OrderRef {
  no: number;
  year: number;
  start: number;
  end: number;
}

/**
 * "ที่ 12/2568" (Thai digits are Arabic after normalisation; spaces tolerated). "วันที่" starts a date, not an
 * order number. Years of 2-5 digits are collected so that an OCR misreading ("2568" read as "25205") is reported as
 * a mismatch showing what was read, rather than as "not found". Without any "ที่ n/yyyy", a bare "n/25xx" not
 * preceded by a digit or "/" (so not the tail of a date like 1/10/2568) is accepted: OCR often garbles "ที่".
 */
function orderRefs(text: string): OrderRef[] {
  const collect = (re: RegExp): OrderRef[] =>
    [...text.matchAll(re)].map((m) => ({
      no: Number(m[1]),
      year: Number(m[2]),
      start: m.index,
      end: m.index + m[0].length,
    }));
  const labelled = collect(/(?<!วัน)ที่?\s?(\d{1,6})\s?\/\s?(\d{2,5})(?!\d)/g);
  return labelled.length > 0 ? labelled : collect(/(?<![\d/])(\d{1,6})\s?\/\s?(25\d\d)(?!\d)/g);
}

function sameYear(found: number, expected: number): boolean {
  return found === expected || (found < 100 && found === expected % 100);
}

function checkOrderNumber(doc: SearchableText, orderNo: number, orderYear: number): Finding[] {
  const expected = `ที่ ${orderNo}/${orderYear}`;
  const refs = orderRefs(doc.text);
  if (refs.some((r) => r.no === orderNo && sameYear(r.year, orderYear))) return [];
  if (refs.length === 0) {
    return [{ code: 'ORDER_NUMBER_MISMATCH', severity: 'error', expected, found: NOT_FOUND_TH }];
  }
  const sameNo = refs.find((r) => r.no === orderNo);
  if (sameNo) {
    const found = doc.snippet(sameNo.start, sameNo.end);
    return [{ code: 'ORDER_YEAR_MISMATCH', severity: 'error', expected: String(orderYear), found }];
  }
  const other = refs.find((r) => sameYear(r.year, orderYear)) ?? refs[0];
  const found = doc.snippet(other.start, other.end);
  const findings: Finding[] = [{ code: 'ORDER_NUMBER_MISMATCH', severity: 'error', expected, found }];
  if (!sameYear(other.year, orderYear)) {
    findings.push({ code: 'ORDER_YEAR_MISMATCH', severity: 'error', expected: String(orderYear), found });
  }
  return findings;
}

export function fullName(p: PersonName): string {
  return normalizeThai(`${p.title ?? ''}${p.firstName} ${p.lastName}`);
}

function checkAppointee(doc: SearchableText, person: PersonName): Finding[] {
  const expected = fullName(person);
  const match = matchName(doc, person);
  if (match) return looseFinding(doc, match, expected);
  // Show the reviewer the nearest thing: the surname (or first name) alone, e.g. a different first name.
  const partial = [person.lastName, person.firstName]
    .filter((part) => normalizeThai(part).length >= 3)
    .map((part) => doc.findAllExact(part)[0])
    .find((m) => m !== undefined);
  const found = partial ? doc.snippet(partial.start, partial.end) : NOT_FOUND_TH;
  return [{ code: 'APPOINTEE_NOT_FOUND', severity: 'error', expected, found }];
}
