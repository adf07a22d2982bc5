import { Alert, Button, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { authApi } from '../api/auth';
import { errorText } from '../api/errors';

interface Props {
  open: boolean;
  username: string;
  onSignedIn(): void;
  onGiveUp(): void;
}

/**
 * The session ended (token revoked or expired): sign in again in place. The page underneath keeps
 * its half-filled form, and the request that found the session gone is sent again afterwards.
 */
export function ReloginModal({ open, username, onSignedIn, onGiveUp }: Props) {
  const [form] = Form.useForm<{ password: string }>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async ({ password }: { password: string }): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      await authApi.login(username, password);
      form.resetFields();
      onSignedIn();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title="เซสชันหมดอายุ กรุณาเข้าสู่ระบบอีกครั้ง"
      closable={false}
      mask={{ closable: false }}
      keyboard={false}
      footer={null}
      destroyOnHidden
    >
      <Typography.Paragraph>
        ข้อมูลที่ท่านกรอกไว้ยังอยู่ครบ เมื่อเข้าสู่ระบบแล้ว ระบบจะทำรายการที่ค้างอยู่ต่อให้ (Your session ended; your unsaved work
        is kept.)
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item label="ชื่อผู้ใช้ (Username)">
          <Input value={username} readOnly autoComplete="username" />
        </Form.Item>
        <Form.Item name="password" label="รหัสผ่าน" rules={[{ required: true, message: 'กรุณากรอกรหัสผ่าน' }]}>
          <Input.Password autoFocus autoComplete="current-password" />
        </Form.Item>
        <div style={{ display: 'flex', gap: 8, justifyContent: 'flex-end', flexWrap: 'wrap' }}>
          <Button onClick={onGiveUp}>ออกจากระบบ</Button>
          <Button type="primary" htmlType="submit" loading={busy}>
            เข้าสู่ระบบ
          </Button>
        </div>
      </Form>
    </Modal>
  );
}
