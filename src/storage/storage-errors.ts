import { defineErrors } from '../common/errors/app-error';

/** Errors of the object-storage port; both adapters raise exactly these. */
export const StorageErrors = defineErrors({
  STORAGE_OBJECT_NOT_FOUND: {
    status: 404,
    th: 'ไม่พบไฟล์ที่ร้องขอในระบบจัดเก็บเอกสาร',
    en: 'The requested object was not found in storage',
  },
  STORAGE_UNAVAILABLE: {
    status: 503,
    th: 'ระบบจัดเก็บเอกสารไม่พร้อมใช้งานชั่วคราว กรุณาลองใหม่ภายหลัง',
    en: 'Document storage is temporarily unavailable; please try again later',
  },
  STORAGE_INVALID_KEY: {
    status: 400,
    th: 'ชื่อไฟล์สำหรับจัดเก็บไม่ถูกต้อง',
    en: 'The object key is invalid',
  },
  STORAGE_INVALID_INPUT: {
    status: 400,
    th: 'ข้อมูลประกอบไฟล์สำหรับจัดเก็บไม่ถูกต้อง',
    en: 'The object metadata or content type is invalid',
  },
  STORAGE_KEY_CONFLICT: {
    status: 409,
    th: 'ชื่อไฟล์ซ้อนทับกับไฟล์หรือโฟลเดอร์ที่มีอยู่แล้ว',
    en: 'The object key conflicts with an existing object path',
  },
  STORAGE_CONTENT_MISMATCH: {
    status: 500,
    th: 'ขนาดหรือค่าแฮชของไฟล์ไม่ตรงกับที่ระบุ ไม่ได้จัดเก็บไฟล์',
    en: 'The content does not match its declared size or sha256; nothing was stored',
  },
  STORAGE_BUCKET_NOT_FOUND: {
    status: 500,
    th: 'ไม่พบพื้นที่จัดเก็บเอกสาร กรุณาติดต่อผู้ดูแลระบบ',
    en: 'The storage bucket does not exist; contact the administrator',
  },
});

export type StorageErrorCode = keyof typeof StorageErrors.specs;

/** The `code` of a Node system error or an S3 error, when there is one. */
export function errorCodeOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}

/** Keeps the adapter's original error on the AppError so logs still show what really failed. */
export function withCause<E extends Error>(error: E, cause: unknown): E {
  error.cause = cause;
  return error;
}
