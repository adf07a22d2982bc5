import type { LocalizedMessage } from '../../common/errors/app-error';

/** Why one row (or the file) was refused; the code is stable, the messages are for people. */
export const CSV_ROW_ERRORS = {
  CSV_SYNTAX: {
    th: 'รูปแบบ CSV ไม่ถูกต้อง (เช่น เครื่องหมายคำพูดไม่ครบคู่)',
    en: 'The file is not valid CSV (e.g. an unclosed quote)',
  },
  CSV_ENCODING: {
    th: 'ไฟล์ต้องบันทึกเป็น UTF-8 (ใน Excel เลือก "CSV UTF-8") ไม่ใช่ TIS-620/Windows-874',
    en: 'The file must be UTF-8 (Excel: "CSV UTF-8"), not TIS-620/Windows-874',
  },
  CSV_EMPTY: { th: 'ไฟล์ไม่มีข้อมูล อปท.', en: 'The file has no LAO rows' },
  COLUMN_MISSING: { th: 'ไม่พบคอลัมน์ที่จำเป็นในแถวหัวตาราง', en: 'A required column is missing from the header' },
  COLUMN_DUPLICATE: { th: 'มีคอลัมน์ชื่อซ้ำในแถวหัวตาราง', en: 'A column appears twice in the header' },
  COLUMN_COUNT: {
    th: 'จำนวนช่องในแถวไม่ตรงกับหัวตาราง',
    en: 'The row does not have as many fields as the header',
  },
  CODE_INVALID: { th: 'รหัส อปท. ต้องเป็นตัวเลข 7 หลัก', en: 'The LAO code must be 7 digits' },
  CODE_DUPLICATE: { th: 'รหัส อปท. ซ้ำกับแถวก่อนหน้าในไฟล์', en: 'The LAO code appears earlier in the file' },
  NAME_MISSING: { th: 'ไม่ได้ระบุชื่อ อปท.', en: 'The LAO name is missing' },
  TYPE_UNKNOWN: {
    th: 'ประเภท อปท. ไม่ถูกต้อง (อบจ. เทศบาลนคร เทศบาลเมือง เทศบาลตำบล อบต. หรือเมืองพัทยา)',
    en: 'Unknown LAO type (pao, city_municipality, town_municipality, subdistrict_municipality, sao, pattaya)',
  },
  DISTRICT_MISSING: { th: 'ไม่ได้ระบุอำเภอ', en: 'The district is missing' },
  PROVINCE_UNKNOWN: { th: 'ไม่พบรหัสจังหวัดนี้', en: 'Unknown province code' },
  EMAIL_INVALID: { th: 'อีเมลไม่ถูกต้อง', en: 'The e-mail address is invalid' },
  WEBSITE_INVALID: {
    th: 'เว็บไซต์ต้องขึ้นต้นด้วย http:// หรือ https://',
    en: 'The website must start with http:// or https://',
  },
  PHASE1_TARGET_INVALID: {
    th: 'phase1_target ต้องเป็น 1/0, true/false หรือ ใช่/ไม่ใช่',
    en: 'phase1_target must be 1/0, true/false or yes/no',
  },
  FIELD_TOO_LONG: { th: 'ข้อความยาวเกินกำหนด', en: 'The value is too long' },
} as const satisfies Record<string, LocalizedMessage>;

export type CsvRowErrorCode = keyof typeof CSV_ROW_ERRORS;

export interface CsvRowError {
  line: number;
  /** The CSV column, or null for a problem of the whole row or file. */
  field: string | null;
  code: CsvRowErrorCode;
  message: string;
  messageEn: string;
  /** What the file had (shortened), so the person can find it. */
  value?: string;
  [extra: string]: unknown;
}

export function rowError(
  line: number,
  field: string | null,
  code: CsvRowErrorCode,
  extra: Record<string, unknown> & { value?: string } = {},
): CsvRowError {
  const { th, en } = CSV_ROW_ERRORS[code];
  const value = extra.value === undefined ? undefined : extra.value.slice(0, 100);
  return {
    line,
    field,
    code,
    message: th,
    messageEn: en,
    ...extra,
    ...(value === undefined ? {} : { value }),
  };
}
