import { defineErrors } from './app-error';

/** Errors not owned by one bounded context. */
export const CommonErrors = defineErrors({
  VALIDATION_FAILED: { status: 400, th: 'ข้อมูลที่ส่งมาไม่ถูกต้อง', en: 'The request is invalid' },
  MALFORMED_JSON: { status: 400, th: 'รูปแบบ JSON ไม่ถูกต้อง', en: 'The request body is not valid JSON' },
  MALFORMED_REQUEST: {
    status: 400,
    th: 'คำขอมีรูปแบบไม่ถูกต้องตามมาตรฐาน HTTP',
    en: 'The request is not valid HTTP',
  },
  REQUEST_HEADERS_TOO_LARGE: {
    status: 431,
    th: 'ที่อยู่ (URL) หรือส่วนหัวของคำขอยาวเกินไป',
    en: 'The URL or the request headers are too long',
  },
  UNAUTHENTICATED: { status: 401, th: 'กรุณาเข้าสู่ระบบ', en: 'Authentication is required' },
  FORBIDDEN: { status: 403, th: 'ท่านไม่มีสิทธิ์ดำเนินการนี้', en: 'You are not allowed to do this' },
  NOT_FOUND: { status: 404, th: 'ไม่พบข้อมูลที่ร้องขอ', en: 'Not found' },
  PAYLOAD_TOO_LARGE: { status: 413, th: 'ข้อมูลที่ส่งมีขนาดใหญ่เกินไป', en: 'The request is too large' },
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    th: 'ชนิดของข้อมูลที่ส่งไม่รองรับ',
    en: 'Unsupported media type',
  },
  RATE_LIMITED: {
    status: 429,
    th: 'มีการร้องขอมากเกินไป กรุณารอสักครู่แล้วลองใหม่',
    en: 'Too many requests; please wait and try again',
  },
  IDEMPOTENCY_CONFLICT: {
    status: 409,
    th: 'คำขอนี้กำลังดำเนินการหรือใช้ Idempotency-Key ซ้ำกับข้อมูลอื่น',
    en: 'This Idempotency-Key was used for a different or still-running request',
  },
  INTERNAL_ERROR: {
    status: 500,
    th: 'ระบบขัดข้อง กรุณาลองใหม่อีกครั้ง',
    en: 'Something went wrong; please try again',
  },
});
