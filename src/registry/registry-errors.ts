import { defineErrors } from '../common/errors/app-error';

export const RegistryErrors = defineErrors({
  LAO_NOT_FOUND: { status: 404, th: 'ไม่พบองค์กรปกครองส่วนท้องถิ่น (อปท.)', en: 'LAO not found' },
  PROVINCE_NOT_FOUND: { status: 404, th: 'ไม่พบจังหวัด', en: 'Province not found' },
  DIVISION_NOT_FOUND: { status: 404, th: 'ไม่พบสำนัก/กอง', en: 'Division not found' },
  SERVICE_NOT_FOUND: { status: 404, th: 'ไม่พบงานบริการ', en: 'Service not found' },
  SERVICE_OPEN_NOT_ALLOWED: {
    status: 403,
    th: 'ยังเปิดให้บริการประชาชนไม่ได้ จนกว่าคำสั่งแต่งตั้งผู้ดูแลระบบจะได้รับการตรวจสอบ',
    en: 'Services cannot be opened to the public until the admin appointment order is verified',
  },
  SERVICE_OPEN_REQUIRES_ENABLED: {
    status: 422,
    th: 'ต้องเปิดใช้งานบริการก่อน จึงจะเปิดให้บริการประชาชนได้',
    en: 'A service must be enabled before it is opened to the public',
  },
  LAO_FIELD_NOT_ALLOWED: {
    status: 403,
    th: 'ท่านไม่มีสิทธิ์แก้ไขข้อมูลนี้ของ อปท.',
    en: 'You are not allowed to change this field of the LAO',
  },
  DIVISION_NAME_DUPLICATE: {
    status: 422,
    th: 'ชื่อสำนัก/กองซ้ำกัน',
    en: 'Division names must be unique within the LAO',
  },
  CSV_INVALID: {
    status: 422,
    th: 'ไฟล์ CSV มีข้อผิดพลาด ไม่มีการนำเข้าข้อมูลใด ๆ',
    en: 'The CSV file has errors; nothing was imported',
  },
});
