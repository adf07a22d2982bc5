import { Alert, App, Form, Input } from 'antd';
import { accountsApi, type PersonInput } from '../../api/accounts';
import type { Lao } from '../../api/types';
import { FormModal } from '../../components/FormModal';
import { PersonNameFields } from '../../components/PersonNameFields';
import { JUNK_HINT } from '../../lib/labels';
import { useSubmit } from '../../lib/useSubmit';

/**
 * The province officer creates a LAO's admin: account + draft grant; the set-password link is e-mailed.
 * While the LAO has an admin, this is a handover: the newcomer takes over when its order takes effect.
 */
export function CreateAdminModal({
  lao,
  handover = false,
  onClose,
  onCreated,
}: {
  lao: Lao;
  handover?: boolean;
  onClose(): void;
  onCreated(): void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<PersonInput>();
  const { busy, error, run } = useSubmit();

  const submit = (v: PersonInput): Promise<void> =>
    run(async () => {
      const account = await accountsApi.createLaoAdmin(lao.code, {
        title: v.title,
        firstName: v.firstName.trim(),
        lastName: v.lastName.trim(),
        position: v.position.trim(),
        email: v.email.trim(),
        ...(v.username?.trim() ? { username: v.username.trim() } : {}),
      });
      message.success({
        content: `สร้างผู้ดูแลระบบ ${account.username} แล้ว ระบบส่งลิงก์ตั้งรหัสผ่านไปที่ ${account.email} ${JUNK_HINT}`,
        duration: 10,
      });
      onCreated();
    });

  return (
    <FormModal
      width={640}
      title={handover ? `สร้างผู้ดูแลระบบคนใหม่ (โอนงาน): ${lao.nameTh}` : `สร้างผู้ดูแลระบบ: ${lao.nameTh}`}
      okText="สร้างบัญชีและส่งอีเมล"
      busy={busy}
      error={error}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      {handover && (
        <Alert
          type="info"
          showIcon
          className="block-gap"
          title="ผู้ดูแลระบบคนใหม่จะรับงานต่อเมื่อคำสั่งแต่งตั้งมีผล"
          description="ระหว่างนี้ผู้ดูแลระบบคนใหม่เตรียมงานได้ (เช่น อัปโหลดคำสั่งแต่งตั้งของตนเอง) และผู้ดูแลระบบคนเดิมยังทำงานได้ตามปกติ เมื่อคำสั่งแต่งตั้งผู้ดูแลระบบคนใหม่ผ่านการตรวจสอบและมีผล สิทธิ์ของผู้ดูแลระบบคนเดิมจะสิ้นสุดโดยอัตโนมัติ และระบบจะแจ้งทั้งสองคนและท่าน หากต้องให้ผู้ดูแลระบบคนเดิมหยุดใช้งานทันที ให้ระงับบัญชีของคนเดิม"
        />
      )}
      <Form<PersonInput> form={form} layout="vertical" onFinish={submit} initialValues={{ title: 'นาย' }}>
        <PersonNameFields />
        <Form.Item
          name="position"
          label="ตำแหน่ง"
          rules={[{ required: true, whitespace: true, message: 'กรุณากรอกตำแหน่ง' }]}
        >
          <Input placeholder="เช่น นักวิชาการคอมพิวเตอร์" />
        </Form.Item>
        <Form.Item
          name="email"
          label="อีเมล (รับลิงก์ตั้งรหัสผ่าน)"
          rules={[{ required: true, type: 'email', message: 'กรุณากรอกอีเมลที่ถูกต้อง' }]}
        >
          <Input inputMode="email" />
        </Form.Item>
        <Form.Item
          name="username"
          label="ชื่อผู้ใช้ (Username)"
          extra={`เว้นว่างเพื่อใช้ค่าเริ่มต้น เช่น ${lao.code}${handover ? 'admin02' : 'admin01'}`}
        >
          <Input />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
