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
  CSV_INVALID: {
    status: 422,
    th: 'ไฟล์ CSV มีข้อผิดพลาด ไม่มีการนำเข้าข้อมูลใด ๆ',
    en: 'The CSV file has errors; nothing was imported',
  },
});
