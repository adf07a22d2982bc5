import { defineErrors } from '../common/errors/app-error';

export const AccountsErrors = defineErrors({
  ACCOUNT_NOT_FOUND: { status: 404, th: 'ไม่พบบัญชีผู้ใช้', en: 'Account not found' },
  USERNAME_TAKEN: {
    status: 409,
    th: 'ชื่อผู้ใช้นี้มีผู้ใช้งานแล้ว (ไม่แยกตัวพิมพ์เล็ก-ใหญ่)',
    en: 'This username is already taken (case-insensitive)',
  },
  USERNAME_INVALID: {
    status: 400,
    th: 'ชื่อผู้ใช้ต้องมี 3-64 ตัวอักษร ประกอบด้วยตัวอักษร ตัวเลข จุด ขีดกลาง หรือขีดล่าง',
    en: 'A username has 3-64 letters, digits, dots, hyphens or underscores',
  },
  PROVINCE_NOT_FOUND: { status: 404, th: 'ไม่พบจังหวัด', en: 'Province not found' },
  DIVISION_NOT_FOUND: { status: 404, th: 'ไม่พบสำนัก/กองของ อปท. นี้', en: 'Division not found in this LAO' },
  SERVICE_NOT_ENABLED: {
    status: 404,
    th: 'ไม่พบงานบริการนี้ หรือ อปท. ยังไม่ได้เปิดใช้งานบริการนี้',
    en: 'The service does not exist or is not enabled in this LAO',
  },
  GRANT_NOT_FOUND: { status: 404, th: 'ไม่พบสิทธิ์การใช้งาน', en: 'Grant not found' },
  ACCOUNT_ALREADY_DISABLED: { status: 409, th: 'บัญชีนี้ถูกระงับแล้ว', en: 'The account is already disabled' },
  ACCOUNT_NOT_DISABLED: { status: 409, th: 'บัญชีนี้ไม่ได้ถูกระงับ', en: 'The account is not disabled' },
  ACCOUNT_IS_DISABLED: {
    status: 409,
    th: 'บัญชีนี้ถูกระงับการใช้งาน กรุณาเปิดใช้งานบัญชีก่อนส่งลิงก์หรือตั้งรหัสผ่าน',
    en: 'The account is disabled: enable it before sending a link or setting a password',
  },
  LAST_DLA_ADMIN: {
    status: 409,
    th: 'ระงับไม่ได้: ต้องมีผู้ดูแลระบบส่วนกลางที่ใช้งานได้อย่างน้อยหนึ่งบัญชี',
    en: 'The last active DLA administrator cannot be disabled',
  },
  LAO_ADMIN_HANDOVER_PENDING: {
    status: 409,
    th: 'อปท. นี้มีผู้ดูแลระบบใหม่ที่รอคำสั่งแต่งตั้งอยู่แล้ว กรุณาดำเนินการให้เสร็จหรือระงับบัญชีนั้นก่อน',
    en: 'A new admin for this LAO is already waiting for its order',
  },
  ACCOUNT_DISABLED: {
    status: 409,
    th: 'บัญชีนี้ถูกระงับการใช้งาน จึงเปลี่ยนสิทธิ์ไม่ได้',
    en: 'The account is disabled, so its permissions cannot change',
  },
  GRANT_ONLY_FOR_STAFF: {
    status: 409,
    th: 'เปลี่ยนสิทธิ์รายงานบริการได้เฉพาะเจ้าหน้าที่ (ผู้ดูแลระบบมีสิทธิ์ทุกงานบริการอยู่แล้ว)',
    en: 'Only staff accounts have per-service permissions to change',
  },
  GRANT_CHANGE_PENDING: {
    status: 409,
    th: 'มีคำขอเปลี่ยนสิทธิ์ของบัญชีนี้รอคำสั่งแต่งตั้งอยู่แล้ว กรุณาใช้รายการเดิมหรือถอนคำสั่งก่อน',
    en: 'A permission change for this account is already waiting for its order',
  },
});
