import { defineErrors } from '../common/errors/app-error';

/** Refusals of the TransitionService; `details.state` always names the current state on a conflict. */
export const WorkflowErrors = defineErrors({
  ORDER_NOT_FOUND: { status: 404, th: 'ไม่พบคำสั่งแต่งตั้ง', en: 'Appointment order not found' },
  GRANT_NOT_FOUND: { status: 404, th: 'ไม่พบสิทธิ์การใช้งาน', en: 'Grant not found' },
  ORDER_STATE_CONFLICT: {
    status: 409,
    th: 'ไม่สามารถดำเนินการนี้กับคำสั่งแต่งตั้งในสถานะปัจจุบันได้',
    en: 'This action is not possible in the current state of the order',
  },
  GRANT_STATE_CONFLICT: {
    status: 409,
    th: 'ไม่สามารถดำเนินการนี้กับสิทธิ์การใช้งานในสถานะปัจจุบันได้',
    en: 'This action is not possible in the current state of the grant',
  },
  ORDER_VERSION_CONFLICT: {
    status: 409,
    th: 'คำสั่งแต่งตั้งนี้ถูกแก้ไขโดยผู้อื่นแล้ว กรุณาโหลดข้อมูลใหม่แล้วลองอีกครั้ง',
    en: 'The order was changed by someone else; reload and try again',
  },
  GRANT_VERSION_CONFLICT: {
    status: 409,
    th: 'สิทธิ์การใช้งานนี้ถูกแก้ไขโดยผู้อื่นแล้ว กรุณาโหลดข้อมูลใหม่แล้วลองอีกครั้ง',
    en: 'The grant was changed by someone else; reload and try again',
  },
  ORDER_VERIFIER_IS_APPOINTEE: {
    status: 403,
    th: 'ผู้ตรวจสอบต้องไม่เป็นผู้ได้รับการแต่งตั้งในคำสั่งนี้',
    en: 'The reviewer must not be appointed by this order',
  },
  ORDER_DOCUMENT_CHANGED: {
    status: 409,
    th: 'เอกสารคำสั่งแต่งตั้งเปลี่ยนไปจากฉบับที่ท่านตรวจสอบ กรุณาตรวจสอบเอกสารฉบับปัจจุบัน',
    en: 'The order document differs from the one you reviewed; review the current document',
  },
  ORDER_DOCUMENT_MISSING: {
    status: 409,
    th: 'คำสั่งแต่งตั้งยังไม่มีเอกสารที่ผ่านการตรวจสอบ',
    en: 'The order has no accepted document',
  },
  ORDER_HAS_NO_GRANTS: {
    status: 409,
    th: 'คำสั่งแต่งตั้งต้องระบุผู้ได้รับการแต่งตั้งอย่างน้อยหนึ่งคน',
    en: 'The order must appoint at least one account',
  },
  ORDER_NOT_YET_EFFECTIVE: {
    status: 409,
    th: 'ยังไม่ถึงวันที่คำสั่งมีผลบังคับใช้',
    en: 'The order is not yet effective',
  },
  REASON_REQUIRED: {
    status: 400,
    th: 'กรุณาระบุเหตุผลเป็นภาษาไทย',
    en: 'A reason in Thai is required',
  },
  TRANSITION_ACTOR_NOT_ALLOWED: {
    status: 403,
    th: 'ท่านไม่มีสิทธิ์ดำเนินการนี้',
    en: 'You are not allowed to do this',
  },
});
