import { defineErrors } from '../common/errors/app-error';

/** Errors of the document pipeline that reach the API (validation verdicts are codes in codes.ts). */
export const DocumentsErrors = defineErrors({
  DOCUMENT_INTEGRITY_ERROR: {
    status: 500,
    th: 'ไฟล์เอกสารที่จัดเก็บไว้ไม่ตรงกับค่าแฮชที่บันทึกไว้ ระบบจึงไม่ส่งไฟล์ให้ กรุณาแจ้งผู้ดูแลระบบ',
    en: 'The stored document does not match its recorded sha256, so it was not sent; please tell the administrator',
  },
});
