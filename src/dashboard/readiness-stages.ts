/**
 * How far a LAO has come in the rollout, in checklist order. Each stage includes the ones before
 * it, so a LAO is at the furthest stage whose conditions (and all earlier ones) hold:
 *   admin_invited    a lao_admin account exists (not disabled)
 *   admin_active     that admin has signed in (account active)
 *   staff_granted    at least one staff grant in progress (not revoked or superseded)
 *   orders_verified  the admin's grant and at least one staff grant are verified or active,
 *                    i.e. their appointment orders passed the province's review
 *   services_open    at least one citizen service is open to the public
 */
export const READINESS_STAGES = [
  'no_admin',
  'admin_invited',
  'admin_active',
  'staff_granted',
  'orders_verified',
  'services_open',
] as const;
export type ReadinessStage = (typeof READINESS_STAGES)[number];

export const STAGE_LABELS: Readonly<Record<ReadinessStage, string>> = {
  no_admin: 'ยังไม่มีผู้ดูแลระบบ',
  admin_invited: 'สร้างบัญชีผู้ดูแลระบบแล้ว',
  admin_active: 'ผู้ดูแลระบบเข้าใช้งานแล้ว',
  staff_granted: 'เพิ่มเจ้าหน้าที่แล้ว',
  orders_verified: 'คำสั่งแต่งตั้งผ่านการตรวจสอบ',
  services_open: 'เปิดให้บริการประชาชนแล้ว',
};
