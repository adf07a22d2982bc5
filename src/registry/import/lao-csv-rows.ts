import { parseLaoType } from '../data/lao-types';
import type { LaoRecord } from '../laos/upsert-laos';
import { toArabicDigits } from '../text/search-terms';
import { normalizeOptionalText, normalizeThaiText } from '../text/thai-name';
import type { CsvRecord } from './csv-records';
import { rowError, type CsvRowError } from './csv-row-errors';

export const REQUIRED_COLUMNS = ['code', 'name_th', 'type', 'district_th', 'province_code'] as const;
export const OPTIONAL_COLUMNS = ['address', 'phone', 'email', 'website', 'phase1_target'] as const;
type Column = (typeof REQUIRED_COLUMNS)[number] | (typeof OPTIONAL_COLUMNS)[number];

const MAX_LENGTH: Partial<Record<Column, number>> = {
  name_th: 200,
  district_th: 100,
  address: 1000,
  phone: 50,
  email: 254,
  website: 300,
};
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const TRUE_VALUES = new Set(['1', 'true', 'yes', 'y', 'ใช่']);
const FALSE_VALUES = new Set(['0', 'false', 'no', 'n', 'ไม่ใช่']);

export interface CheckedFile {
  records: LaoRecord[];
  errors: CsvRowError[];
}

/**
 * Checks every row of a registry file and reports every problem with its line, so one round of
 * corrections fixes the file. Columns other than the known ones (a `note`, say) are ignored.
 */
export function checkLaoCsv(rows: readonly CsvRecord[], provinceCodes: ReadonlySet<string>): CheckedFile {
  const [header, ...body] = rows;
  if (!header) return { records: [], errors: [rowError(1, null, 'CSV_EMPTY')] };
  const columns = mapHeader(header);
  if (columns.errors.length) return { records: [], errors: columns.errors };

  const records: LaoRecord[] = [];
  const errors: CsvRowError[] = [];
  const firstLineOf = new Map<string, number>();
  for (const row of body) {
    if (row.fields.every((f) => f.trim() === '')) continue; // spreadsheet exports end with ",,,," rows
    // More fields than columns means an unquoted comma shifted the row; fewer only leaves trailing
    // (optional) cells empty, and a missing required one is reported by its own check.
    if (row.fields.length > header.fields.length) {
      errors.push(
        rowError(row.line, null, 'COLUMN_COUNT', {
          expected: header.fields.length,
          found: row.fields.length,
        }),
      );
      continue;
    }
    const get = (column: Column): string | null => {
      const index = columns.index.get(column);
      return index === undefined ? null : normalizeOptionalText(row.fields[index]);
    };
    const checked = checkRow(row.line, get, provinceCodes, errors);
    if (checked.code === null) continue;
    const first = firstLineOf.get(checked.code);
    if (first !== undefined) {
      errors.push(rowError(row.line, 'code', 'CODE_DUPLICATE', { value: checked.code, firstLine: first }));
      continue;
    }
    firstLineOf.set(checked.code, row.line);
    if (checked.record) records.push(checked.record);
  }
  if (!errors.length && !records.length) errors.push(rowError(header.line, null, 'CSV_EMPTY'));
  return { records, errors };
}

function mapHeader(header: CsvRecord): { index: Map<Column, number>; errors: CsvRowError[] } {
  const index = new Map<Column, number>();
  const errors: CsvRowError[] = [];
  const known = new Set<string>([...REQUIRED_COLUMNS, ...OPTIONAL_COLUMNS]);
  header.fields.forEach((raw, i) => {
    const name = normalizeThaiText(raw).toLowerCase();
    if (!known.has(name)) return;
    if (index.has(name as Column)) errors.push(rowError(header.line, name, 'COLUMN_DUPLICATE'));
    else index.set(name as Column, i);
  });
  for (const column of REQUIRED_COLUMNS) {
    if (!index.has(column)) errors.push(rowError(header.line, column, 'COLUMN_MISSING'));
  }
  return { index, errors };
}

/**
 * One row's values, or a null record after pushing its errors (all of them, not just the first).
 * A well-formed code is returned even when other fields fail, so duplicates are still reported.
 */
function checkRow(
  line: number,
  get: (column: Column) => string | null,
  provinceCodes: ReadonlySet<string>,
  errors: CsvRowError[],
): { code: string | null; record: LaoRecord | null } {
  const before = errors.length;
  const fail = (field: Column, code: Parameters<typeof rowError>[2], value?: string | null) =>
    errors.push(rowError(line, field, code, value ? { value } : {}));

  const code = toArabicDigits(get('code') ?? '');
  if (!/^\d{7}$/.test(code)) fail('code', 'CODE_INVALID', code);
  const nameTh = get('name_th');
  if (!nameTh) fail('name_th', 'NAME_MISSING');
  const rawType = get('type') ?? '';
  const type = parseLaoType(rawType);
  if (!type) fail('type', 'TYPE_UNKNOWN', rawType);
  const districtTh = get('district_th');
  if (!districtTh) fail('district_th', 'DISTRICT_MISSING');
  const provinceCode = toArabicDigits(get('province_code') ?? '');
  if (!provinceCodes.has(provinceCode)) fail('province_code', 'PROVINCE_UNKNOWN', provinceCode);
  const email = get('email')?.toLowerCase() ?? null;
  if (email && !EMAIL.test(email)) fail('email', 'EMAIL_INVALID', email);
  const website = get('website');
  if (website && !/^https?:\/\/\S+$/i.test(website)) fail('website', 'WEBSITE_INVALID', website);
  const phase1 = get('phase1_target');
  const phase1Target = phase1 === null ? null : parseFlag(phase1);
  if (phase1 !== null && phase1Target === null) fail('phase1_target', 'PHASE1_TARGET_INVALID', phase1);
  for (const [column, max] of Object.entries(MAX_LENGTH) as [Column, number][]) {
    const value = get(column);
    if (value && value.length > max) errors.push(rowError(line, column, 'FIELD_TOO_LONG', { max }));
  }
  const validCode = /^\d{7}$/.test(code) ? code : null;
  if (errors.length > before || !validCode || !nameTh || !type || !districtTh)
    return { code: validCode, record: null };
  const record: LaoRecord = {
    code,
    nameTh,
    type,
    districtTh,
    provinceCode,
    address: get('address'),
    phone: get('phone'),
    email,
    website,
    phase1Target,
  };
  return { code, record };
}

function parseFlag(value: string): boolean | null {
  const key = value.toLowerCase();
  if (TRUE_VALUES.has(key)) return true;
  if (FALSE_VALUES.has(key)) return false;
  return null;
}
