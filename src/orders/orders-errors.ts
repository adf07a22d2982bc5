import { defineErrors } from '../common/errors/app-error';

export const OrdersErrors = defineErrors({
  ORDER_NUMBER_TAKEN: {
    status: 409,
    th: 'เลขที่คำสั่งนี้ของปีนี้มีอยู่แล้วใน อปท. นี้',
    en: 'This order number is already used in this LAO for that year',
  },
  ORDER_NUMBER_INVALID: {
    status: 400,
    th: 'เลขที่คำสั่งต้องเป็นตัวเลขไทยหรือตัวเลขอารบิก ตั้งแต่ 1 ถึง 99999',
    en: 'The order number must be Thai or Arabic digits, 1 to 99999',
  },
  ORDER_YEAR_INVALID: {
    status: 400,
    th: 'ปีของคำสั่งต้องเป็นปีพุทธศักราช (2500-2700) ด้วยตัวเลขไทยหรือตัวเลขอารบิก',
    en: 'The order year must be a Buddhist Era year (2500-2700) in Thai or Arabic digits',
  },
  ORDER_NOT_EDITABLE: {
    status: 409,
    th: 'แก้ไขคำสั่งแต่งตั้งได้เฉพาะเมื่ออยู่ในสถานะร่างหรือส่งกลับแก้ไขเท่านั้น',
    en: 'An order can only be edited while it is a draft or returned',
  },
  ORDER_DOCUMENT_PROCESSING: {
    status: 409,
    th: 'ระบบกำลังตรวจไฟล์ PDF ของคำสั่งนี้ กรุณารอผลการตรวจก่อนแก้ไขข้อมูล',
    en: "The order's PDF is being checked; wait for the result before editing",
  },
  GRANT_NOT_DRAFT: {
    status: 409,
    th: 'ผูกได้เฉพาะสิทธิ์การใช้งานที่อยู่ในสถานะร่างเท่านั้น',
    en: 'Only draft grants can be put on an order',
  },
  GRANT_ON_OTHER_ORDER: {
    status: 409,
    th: 'สิทธิ์การใช้งานนี้อยู่ในคำสั่งแต่งตั้งอื่นแล้ว',
    en: 'This grant is already on another order',
  },
  DOCUMENT_NOT_PDF: {
    status: 415,
    th: 'ไฟล์นี้ไม่ใช่เอกสาร PDF',
    en: 'The file is not a PDF document',
  },
  DOCUMENT_TOO_LARGE: { status: 413, th: 'ไฟล์มีขนาดเกิน 20 MB', en: 'The file is larger than 20 MB' },
  DOCUMENT_FILE_MISSING: {
    status: 400,
    th: 'กรุณาแนบไฟล์ PDF ในช่อง file (multipart/form-data)',
    en: 'Attach the PDF in the multipart field "file"',
  },
  DOCUMENT_NOT_FOUND: { status: 404, th: 'ไม่พบเอกสารคำสั่งแต่งตั้ง', en: 'Order document not found' },
});
