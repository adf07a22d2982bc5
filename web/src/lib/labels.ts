import type {
  AccountStatus,
  DocumentState,
  GrantState,
  InvitationState,
  OrderState,
  Role,
} from '../api/types';

/** Thai labels and tag colours for the API's state names. */
export const ORDER_STATE: Record<OrderState, { label: string; color: string }> = {
  draft: { label: 'ร่าง', color: 'default' },
  uploaded: { label: 'รอตรวจสอบ', color: 'processing' },
  returned: { label: 'ส่งกลับแก้ไข', color: 'warning' },
  verified: { label: 'ตรวจสอบแล้ว', color: 'cyan' },
  active: { label: 'มีผลใช้งาน', color: 'success' },
  revoked: { label: 'ยกเลิกแล้ว', color: 'error' },
};

export const GRANT_STATE: Record<GrantState, { label: string; color: string }> = {
  draft: { label: 'ร่าง (รอคำสั่ง)', color: 'default' },
  uploaded: { label: 'รอตรวจคำสั่ง', color: 'processing' },
  verified: { label: 'คำสั่งผ่านการตรวจ', color: 'cyan' },
  active: { label: 'ใช้งานได้', color: 'success' },
  revoked: { label: 'เพิกถอนแล้ว', color: 'error' },
  superseded: { label: 'ถูกแทนที่', color: 'default' },
};

export const DOCUMENT_STATE: Record<DocumentState, { label: string; color: string }> = {
  received: { label: 'ได้รับไฟล์แล้ว', color: 'processing' },
  processing: { label: 'กำลังตรวจสอบไฟล์', color: 'processing' },
  // About the file itself (readable, safe, 1-50 pages); what it says is in the findings beside it.
  valid: { label: 'ไฟล์ถูกต้องตามรูปแบบ', color: 'success' },
  needs_manual_check: { label: 'ต้องตรวจด้วยตนเอง', color: 'warning' },
  rejected: { label: 'ไฟล์ไม่ผ่าน', color: 'error' },
};

export const ACCOUNT_STATUS: Record<AccountStatus, { label: string; color: string }> = {
  invited: { label: 'รอตั้งรหัสผ่าน', color: 'processing' },
  active: { label: 'ใช้งาน', color: 'success' },
  disabled: { label: 'ระงับ', color: 'default' },
};

/** The latest invitation link of an account, as its manager sees it. */
export const INVITATION_STATE: Record<InvitationState, { label: string; color: string }> = {
  pending: { label: 'ส่งลิงก์แล้ว รอตั้งรหัสผ่าน', color: 'processing' },
  expired: { label: 'ลิงก์หมดอายุ', color: 'warning' },
  used: { label: 'ตั้งรหัสผ่านแล้ว', color: 'success' },
  failed: { label: 'ส่งอีเมลไม่สำเร็จ', color: 'error' },
  none: { label: 'ยังไม่ได้ส่งลิงก์', color: 'default' },
};

/** Said wherever a link was just e-mailed: DLA's own letter tells admins to look in the spam folder. */
export const JUNK_HINT = 'หากไม่พบอีเมลในกล่องจดหมายเข้า กรุณาตรวจสอบในโฟลเดอร์จดหมายขยะ (Junk/Spam) ด้วย';

export const ROLE_LABEL: Record<Role, string> = {
  dla_admin: 'ผู้ดูแลระบบส่วนกลาง (สถ.)',
  dla_helpdesk: 'เจ้าหน้าที่ช่วยเหลือผู้ใช้ (Helpdesk สถ.)',
  province_officer: 'เจ้าหน้าที่ สถ.จ.',
  lao_admin: 'ผู้ดูแลระบบ อปท.',
  lao_user: 'เจ้าหน้าที่ผู้ปฏิบัติงาน',
};

export const HISTORY_EVENT: Record<string, string> = {
  create: 'สร้างคำสั่ง',
  upload: 'อัปโหลดเอกสาร',
  'document.accepted': 'เอกสารผ่านการตรวจอัตโนมัติ ส่งให้ สถ.จ. ตรวจสอบ',
  'document.rejected': 'เอกสารไม่ผ่านการตรวจอัตโนมัติ',
  withdraw: 'ถอนคำสั่งกลับมาแก้ไข',
  verify: 'ตรวจสอบแล้ว (ผ่าน)',
  return: 'ส่งกลับให้แก้ไข',
  activate: 'คำสั่งมีผลใช้งาน',
  revoke: 'ยกเลิกคำสั่ง',
};

export const SERVICE_ACTION_LABEL = { view: 'ดูข้อมูล', process: 'ดำเนินการ' } as const;

export const fullName = (p: { title: string; firstName: string; lastName: string }): string =>
  `${p.title}${p.firstName} ${p.lastName}`.trim();

/** Thai ordering of names, never by code point. */
export const thaiCollator = new Intl.Collator('th');
