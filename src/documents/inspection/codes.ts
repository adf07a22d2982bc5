/** Stable codes for documents that are rejected outright, with the messages shown to the admin (Thai first). */
export const REJECTION_CODES = [
  'DOCUMENT_EMPTY',
  'DOCUMENT_NOT_PDF',
  'DOCUMENT_POLYGLOT',
  'DOCUMENT_ENCRYPTED',
  'DOCUMENT_ACTIVE_CONTENT',
  'DOCUMENT_TOO_COMPLEX',
  'DOCUMENT_CORRUPT',
  'DOCUMENT_TOO_LARGE',
  'DOCUMENT_TOO_MANY_PAGES',
] as const;
export type RejectionCode = (typeof REJECTION_CODES)[number];

export interface LocalizedMessage {
  th: string;
  en: string;
}

export const REJECTION_MESSAGES: Readonly<Record<RejectionCode, LocalizedMessage>> = {
  DOCUMENT_EMPTY: { th: 'ไฟล์ว่างเปล่า', en: 'The file is empty' },
  DOCUMENT_NOT_PDF: { th: 'ไฟล์นี้ไม่ใช่เอกสาร PDF', en: 'The file is not a PDF document' },
  DOCUMENT_POLYGLOT: {
    th: 'ไฟล์ PDF มีข้อมูลชนิดอื่นแฝงอยู่ (เช่น ไฟล์ ZIP ต่อท้าย) จึงไม่อนุญาต',
    en: 'The PDF carries data of another format (for example an appended ZIP) and is not allowed',
  },
  DOCUMENT_ENCRYPTED: {
    th: 'ไฟล์ PDF ถูกเข้ารหัสหรือตั้งรหัสผ่านไว้ กรุณาอัปโหลดไฟล์ที่ไม่มีรหัสผ่าน',
    en: 'The PDF is encrypted or password-protected; upload a copy without a password',
  },
  DOCUMENT_ACTIVE_CONTENT: {
    th: 'ไฟล์ PDF มีสคริปต์ คำสั่งเปิดโปรแกรม หรือไฟล์แนบฝังอยู่ ซึ่งไม่อนุญาต',
    en: 'The PDF contains scripts, launch actions or embedded files, which are not allowed',
  },
  DOCUMENT_TOO_COMPLEX: {
    th: 'ไฟล์ PDF ซับซ้อนเกินกว่าจะตรวจสอบได้ภายในเวลาและหน่วยความจำที่กำหนด',
    en: 'The PDF is too complex to check within the time and memory limits',
  },
  DOCUMENT_CORRUPT: { th: 'ไฟล์ PDF เสียหายหรือไม่สมบูรณ์', en: 'The PDF is damaged or incomplete' },
  DOCUMENT_TOO_LARGE: { th: 'ไฟล์มีขนาดเกิน 20 MB', en: 'The file is larger than 20 MB' },
  DOCUMENT_TOO_MANY_PAGES: {
    th: 'เอกสารต้องมี 1-50 หน้า',
    en: 'The document must have 1 to 50 pages',
  },
};

/** A structural or parsing problem that rejects the document; `detail` is technical English for logs. */
export interface Rejection {
  ok: false;
  code: RejectionCode;
  detail: string;
}

export function reject(code: RejectionCode, detail: string): Rejection {
  return { ok: false, code, detail };
}
