import type { Rule } from 'antd/es/form';

/** The API's policy (10-128 characters, not the username, not a common password), checked early. */
export const newPasswordRules: Rule[] = [
  { required: true, message: 'กรุณากรอกรหัสผ่านใหม่' },
  { min: 10, message: 'รหัสผ่านต้องมีอย่างน้อย 10 ตัวอักษร' },
  { max: 128, message: 'รหัสผ่านต้องไม่เกิน 128 ตัวอักษร' },
];

export const confirmRules = (field: string): Rule[] => [
  { required: true, message: 'กรุณายืนยันรหัสผ่าน' },
  ({ getFieldValue }) => ({
    validator: (_rule, value: string) =>
      !value || getFieldValue(field) === value
        ? Promise.resolve()
        : Promise.reject(new Error('รหัสผ่านทั้งสองช่องไม่ตรงกัน')),
  }),
];
