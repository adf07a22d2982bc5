import { defineErrors } from '../common/errors/app-error';

export const AuthErrors = defineErrors({
  AUTH_INVALID_CREDENTIALS: {
    status: 401,
    th: 'ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง',
    en: 'Wrong username or password',
  },
  AUTH_TOKEN_INVALID: {
    status: 401,
    th: 'เซสชันหมดอายุหรือไม่ถูกต้อง กรุณาเข้าสู่ระบบใหม่',
    en: 'Your session has expired or is invalid; please sign in again',
  },
  AUTH_TOKEN_REVOKED: {
    status: 401,
    th: 'สิทธิ์การใช้งานของท่านมีการเปลี่ยนแปลง กรุณาเข้าสู่ระบบใหม่',
    en: 'Your access has changed; please sign in again',
  },
  AUTH_SESSION_ENDED: {
    status: 401,
    th: 'ท่านออกจากระบบแล้ว กรุณาเข้าสู่ระบบใหม่',
    en: 'You have signed out; please sign in again',
  },
  AUTH_ACCOUNT_DISABLED: {
    status: 401,
    th: 'บัญชีนี้ถูกระงับการใช้งาน',
    en: 'This account is disabled',
  },
  AUTH_REFRESH_INVALID: {
    status: 401,
    th: 'เซสชันหมดอายุ กรุณาเข้าสู่ระบบใหม่',
    en: 'Your session has expired; please sign in again',
  },
  AUTH_REFRESH_REUSED: {
    status: 401,
    th: 'ตรวจพบการใช้โทเคนซ้ำ ระบบได้ยกเลิกเซสชันทั้งหมดของชุดนี้ กรุณาเข้าสู่ระบบใหม่',
    en: 'A refresh token was reused; the whole session family is revoked. Please sign in again',
  },
  AUTH_LOCKED: {
    status: 429,
    th: 'มีการเข้าสู่ระบบผิดหลายครั้ง กรุณารอสักครู่แล้วลองใหม่',
    en: 'Too many failed sign-ins; please wait and try again',
  },
  AUTH_FORGOT_TOO_MANY: {
    status: 429,
    th: 'มีการขอตั้งรหัสผ่านใหม่จากเครื่องนี้หลายครั้ง กรุณารอสักครู่แล้วลองใหม่ หรือติดต่อ Helpdesk',
    en: 'Too many password requests from this address; please wait, or contact the helpdesk',
  },
  AUTH_PASSWORD_WEAK: {
    status: 400,
    th: 'รหัสผ่านไม่เป็นไปตามนโยบาย (10-128 ตัวอักษร ไม่ซ้ำกับชื่อผู้ใช้ และไม่ใช่รหัสผ่านที่ใช้กันทั่วไป)',
    en: 'The password does not meet the policy (10-128 characters, not the username, not a common password)',
  },
  AUTH_CURRENT_PASSWORD_WRONG: {
    status: 400,
    th: 'รหัสผ่านปัจจุบันไม่ถูกต้อง',
    en: 'The current password is wrong',
  },
  AUTH_LINK_INVALID: {
    status: 400,
    th: 'ลิงก์ตั้งรหัสผ่านไม่ถูกต้อง หมดอายุ หรือถูกใช้ไปแล้ว',
    en: 'The set-password link is invalid, expired or already used',
  },
  AUTH_PASSWORD_CHANGE_REQUIRED: {
    status: 403,
    th: 'กรุณาเปลี่ยนรหัสผ่านก่อนใช้งาน',
    en: 'Please change your password first',
  },
});
