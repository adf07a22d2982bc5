import type { RejectionCode } from '../../../src/documents/inspection/codes';

/**
 * What an LAO admin can do about each rejection code (src/documents/inspection/codes.ts), shown under
 * the server's reason. Written for civil servants, not for engineers. Typed by the server's list, so a
 * new rejection code without advice does not compile. The upload itself may be refused with the
 * same codes (the API's DOCUMENT_NOT_PDF and DOCUMENT_TOO_LARGE): the uploader shows this advice too.
 */
const ADVICE: Readonly<Record<RejectionCode, string>> = {
  DOCUMENT_NOT_PDF:
    'วิธีแก้: เลือกไฟล์คำสั่งที่เป็น PDF (นามสกุล .pdf) หากมีเป็นไฟล์ภาพหรือ Word ให้สั่งพิมพ์เป็นไฟล์ PDF (Print to PDF) หรือสแกนคำสั่งฉบับลงนามเป็น PDF แล้วอัปโหลดใหม่',
  DOCUMENT_ENCRYPTED:
    'วิธีแก้: เปิดไฟล์ด้วยโปรแกรมอ่าน PDF แล้วสั่งพิมพ์เป็นไฟล์ PDF ใหม่ (Print to PDF / Microsoft Print to PDF) หรือสแกนคำสั่งใหม่โดยไม่ตั้งรหัสผ่าน แล้วอัปโหลดไฟล์ใหม่',
  DOCUMENT_ACTIVE_CONTENT:
    'วิธีแก้: สแกนคำสั่งฉบับลงนามใหม่ หรือสั่งพิมพ์เป็นไฟล์ PDF ใหม่ (Print to PDF) เพื่อตัดสคริปต์และไฟล์แนบออก',
  DOCUMENT_POLYGLOT: 'วิธีแก้: สั่งพิมพ์เป็นไฟล์ PDF ใหม่ (Print to PDF) หรือสแกนคำสั่งใหม่ แล้วอัปโหลดไฟล์ใหม่',
  DOCUMENT_CORRUPT: 'วิธีแก้: เปิดไฟล์ดูว่าเปิดได้ครบทุกหน้า หากเปิดไม่ได้ให้สแกนหรือบันทึกเป็น PDF ใหม่',
  DOCUMENT_EMPTY: 'วิธีแก้: ตรวจว่าเลือกไฟล์ถูกต้อง แล้วอัปโหลดใหม่',
  DOCUMENT_TOO_COMPLEX: 'วิธีแก้: สแกนคำสั่งใหม่ด้วยความละเอียดปกติ (200-300 dpi) หรือสั่งพิมพ์เป็นไฟล์ PDF ใหม่ แล้วอัปโหลดใหม่',
  DOCUMENT_TOO_MANY_PAGES: 'วิธีแก้: อัปโหลดเฉพาะคำสั่งแต่งตั้ง (ไม่เกิน 50 หน้า) ไม่รวมเอกสารอื่น',
  DOCUMENT_TOO_LARGE: 'วิธีแก้: สแกนใหม่แบบขาวดำหรือลดความละเอียด ให้ไฟล์มีขนาดไม่เกิน 20 MB',
};

const KNOWN: Readonly<Record<string, string>> = ADVICE;

/** Advice for a code the server may send, if there is any. */
export const adviceFor = (code: string | undefined): string | undefined => (code ? KNOWN[code] : undefined);

export const rejectionAdvice = (code: string | undefined): string =>
  adviceFor(code) ?? 'กรุณาแก้ไขไฟล์แล้วอัปโหลดใหม่';
