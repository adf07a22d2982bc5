import { defineErrors } from '../common/errors/app-error';

/** Integration clients, tokens and decisions (issue 14). OAuth errors also carry RFC 6749's `error`. */
export const IntegrationErrors = defineErrors({
  INTEGRATION_CLIENT_NOT_FOUND: {
    status: 404,
    th: 'ไม่พบระบบเชื่อมต่อที่ระบุ',
    en: 'Integration client not found',
  },
  INTEGRATION_CLIENT_REVOKED: {
    status: 409,
    th: 'ระบบเชื่อมต่อนี้ถูกยกเลิกแล้ว',
    en: 'This integration client is revoked',
  },
  OAUTH_INVALID_REQUEST: {
    status: 400,
    th: 'คำขอโทเคนไม่ถูกต้อง ต้องระบุ grant_type, client_id และ client_secret',
    en: 'Invalid token request: grant_type, client_id and client_secret are required',
  },
  OAUTH_UNSUPPORTED_GRANT_TYPE: {
    status: 400,
    th: 'รองรับเฉพาะ grant_type=client_credentials',
    en: 'Only grant_type=client_credentials is supported',
  },
  OAUTH_INVALID_SCOPE: {
    status: 400,
    th: 'ขอขอบเขตสิทธิ์ (scope) เกินกว่าที่ระบบเชื่อมต่อได้รับ',
    en: 'The requested scope exceeds what the client was granted',
  },
  OAUTH_INVALID_CLIENT: {
    status: 401,
    th: 'รหัสระบบเชื่อมต่อหรือรหัสลับไม่ถูกต้อง',
    en: 'Wrong client id or secret',
  },
  OAUTH_CLIENT_LOCKED: {
    status: 429,
    th: 'ใส่รหัสลับผิดหลายครั้ง กรุณารอสักครู่แล้วลองใหม่',
    en: 'Too many wrong secrets; please wait and try again',
  },
  AUTHZ_BATCH_TOO_LARGE: {
    status: 400,
    th: 'ตรวจสอบได้ไม่เกิน 100 รายการต่อครั้ง',
    en: 'At most 100 checks per batch',
  },
  EVENTS_CURSOR_INVALID: {
    status: 400,
    th: 'ตำแหน่งอ่านต่อ (cursor) ไม่ถูกต้อง ให้ใช้ค่า nextCursor จากหน้าก่อนหน้า',
    en: 'Invalid cursor; use the nextCursor of the previous page',
  },
});
