import type { LocalizedMessage } from './codes';

/** Stable finding codes. Findings never reject a document: they are shown to the admin and the reviewer. */
export const FINDING_CODES = [
  'LAO_NAME_NOT_FOUND',
  'ORDER_NUMBER_MISMATCH',
  'ORDER_YEAR_MISMATCH',
  'APPOINTEE_NOT_FOUND',
  'KEYWORD_MISSING',
  'NAME_MATCHED_LOOSELY',
  'TEXT_FROM_OCR',
  'OCR_UNAVAILABLE',
  'OCR_FAILED',
  'TEXT_TOO_THIN',
  'DUPLICATE_DOCUMENT',
] as const;
export type FindingCode = (typeof FINDING_CODES)[number];

export type FindingSeverity = 'info' | 'warn' | 'error';

/** Same shape as the `findings` jsonb of OrderDocument. */
export interface Finding {
  code: FindingCode;
  severity: FindingSeverity;
  expected?: string;
  found?: string;
}

/** Shown as `found` when nothing resembling the expected value is in the text. */
export const NOT_FOUND_TH = 'ไม่พบ';

export const FINDING_MESSAGES: Readonly<Record<FindingCode, LocalizedMessage>> = {
  LAO_NAME_NOT_FOUND: {
    th: 'ไม่พบชื่อ อปท. ในเอกสาร',
    en: "The LAO's name was not found in the document",
  },
  ORDER_NUMBER_MISMATCH: {
    th: 'เลขที่คำสั่งไม่ตรงกับเอกสาร',
    en: 'The order number does not match the document',
  },
  ORDER_YEAR_MISMATCH: {
    th: 'ปี พ.ศ. ของคำสั่งไม่ตรงกับเอกสาร',
    en: 'The order year does not match the document',
  },
  APPOINTEE_NOT_FOUND: {
    th: 'ชื่อผู้ได้รับแต่งตั้งไม่ตรงกับเอกสาร',
    en: 'Appointee name not found in the document',
  },
  KEYWORD_MISSING: {
    th: 'ไม่พบคำสำคัญของคำสั่งแต่งตั้งในเอกสาร',
    en: 'A keyword of an appointment order is missing from the document',
  },
  NAME_MATCHED_LOOSELY: {
    th: 'ชื่อในเอกสารตรงกันแบบใกล้เคียง (วรรณยุกต์หรือสระอาจต่างกัน) กรุณาตรวจสอบ',
    en: 'A name matched only loosely (tone marks or vowels differ); please check it',
  },
  TEXT_FROM_OCR: {
    th: 'ข้อความอ่านจากภาพสแกนด้วย OCR อาจคลาดเคลื่อน',
    en: 'The text was read from scanned pages by OCR and may contain errors',
  },
  OCR_UNAVAILABLE: {
    th: 'เอกสารเป็นภาพสแกนและระบบอ่านข้อความ (OCR) ไม่พร้อมใช้งาน ต้องให้เจ้าหน้าที่ตรวจสอบ',
    en: 'The document is a scan and OCR is unavailable; it needs a manual check',
  },
  OCR_FAILED: {
    th: 'อ่านข้อความจากภาพสแกนไม่สำเร็จ ต้องให้เจ้าหน้าที่ตรวจสอบ',
    en: 'OCR of the scanned pages failed; it needs a manual check',
  },
  TEXT_TOO_THIN: {
    th: 'อ่านข้อความจากเอกสารได้น้อยเกินไป ต้องให้เจ้าหน้าที่ตรวจสอบ',
    en: 'Too little text could be read from the document; it needs a manual check',
  },
  DUPLICATE_DOCUMENT: {
    th: 'ไฟล์นี้เป็นไฟล์เดียวกับเอกสารของคำสั่งอื่นของ อปท. นี้ กรุณาตรวจสอบว่าแนบไฟล์ถูกคำสั่ง',
    en: 'This file is identical to the document of another order of this LAO; check it is attached to the right order',
  },
};
