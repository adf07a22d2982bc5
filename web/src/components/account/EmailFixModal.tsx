import { App, Form, Input, Typography } from 'antd';
import { accountsApi } from '../../api/accounts';
import type { Account } from '../../api/types';
import { JUNK_HINT } from '../../lib/labels';
import { useSubmit } from '../../lib/useSubmit';
import { FormModal } from '../FormModal';

/**
 * A mistyped or dead e-mail: correct it, then send the link again to the new address (older links
 * stop working; the old address is told of the change).
 */
export function EmailFixModal({
  account,
  onClose,
  onDone,
}: {
  account: Account;
  onClose(): void;
  onDone(): void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ email: string }>();
  const { busy, error, run } = useSubmit();

  const submit = ({ email }: { email: string }): Promise<void> =>
    run(async () => {
      const next = email.trim();
      await accountsApi.update(account.id, { email: next });
      await accountsApi.sendLink(account.id);
      message.success({
        content: `แก้ไขอีเมลของ ${account.username} แล้ว และส่งลิงก์ใหม่ไปที่ ${next} แล้ว ${JUNK_HINT}`,
        duration: 10,
      });
      onDone();
    });

  return (
    <FormModal
      width={520}
      title={`แก้ไขอีเมลและส่งลิงก์ใหม่: ${account.username}`}
      okText="บันทึกและส่งลิงก์ใหม่"
      busy={busy}
      error={error}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Typography.Paragraph>
        อีเมลปัจจุบัน: <strong>{account.email}</strong>
      </Typography.Paragraph>
      <Form<{ email: string }>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ email: account.email }}
      >
        <Form.Item
          name="email"
          label="อีเมลที่ถูกต้อง"
          extra="ลิงก์เดิมจะใช้ไม่ได้ ระบบแจ้งการเปลี่ยนแปลงไปยังอีเมลเดิมด้วย"
          rules={[{ required: true, type: 'email', message: 'กรุณากรอกอีเมลที่ถูกต้อง' }]}
        >
          <Input inputMode="email" autoComplete="off" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
