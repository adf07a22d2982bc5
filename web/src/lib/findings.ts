import type { Finding } from '../api/types';

/** Thai text for the cross-check findings (codes from src/documents/inspection/finding-messages.ts). */
const FINDING_TEXT: Record<string, string> = {
  LAO_NAME_NOT_FOUND: 'ไม่พบชื่อ อปท. ในเอกสาร',
  ORDER_NUMBER_MISMATCH: 'เลขที่คำสั่งไม่ตรงกับเอกสาร',
  ORDER_YEAR_MISMATCH: 'ปี พ.ศ. ของคำสั่งไม่ตรงกับเอกสาร',
  APPOINTEE_NOT_FOUND: 'ชื่อผู้ได้รับแต่งตั้งไม่ตรงกับเอกสาร',
  KEYWORD_MISSING: 'ไม่พบคำสำคัญของคำสั่งแต่งตั้งในเอกสาร',
  NAME_MATCHED_LOOSELY: 'ชื่อในเอกสารตรงกันแบบใกล้เคียง (วรรณยุกต์หรือสระอาจต่างกัน) กรุณาตรวจสอบ',
  TEXT_FROM_OCR: 'ข้อความอ่านจากภาพสแกนด้วย OCR อาจคลาดเคลื่อน',
  OCR_UNAVAILABLE: 'เอกสารเป็นภาพสแกนและระบบอ่านข้อความ (OCR) ไม่พร้อมใช้งาน ต้องตรวจสอบด้วยตนเอง',
  OCR_FAILED: 'อ่านข้อความจากภาพสแกนไม่สำเร็จ ต้องตรวจสอบด้วยตนเอง',
  TEXT_TOO_THIN: 'อ่านข้อความจากเอกสารได้น้อยเกินไป ต้องตรวจสอบด้วยตนเอง',
};

export function findingText(finding: Finding): string {
  return FINDING_TEXT[finding.code] ?? finding.code;
}

export const SEVERITY = {
  error: { label: 'ผิดพลาด', color: 'error' },
  warn: { label: 'ควรตรวจ', color: 'warning' },
  info: { label: 'ข้อมูล', color: 'default' },
} as const;

/** Findings that a reviewer must look at (not just information). */
export const seriousFindings = (findings: Finding[]): Finding[] =>
  findings.filter((f) => f.severity !== 'info');
