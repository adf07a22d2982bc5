import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { authApi } from '../api/auth';
import { errorText } from '../api/errors';
import { navigate } from '../lib/router';
import { AuthCard } from './AuthCard';
import { useAuth } from './AuthContext';
import { confirmRules, newPasswordRules } from './password-rules';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/** Forced (temporary password) or voluntary password change. */
export function ChangePasswordPage() {
  const { me, signIn, signOut } = useAuth();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const forced = me?.mustChangePassword ?? false;

  const submit = async (values: Values): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      await authApi.changePassword(values.currentPassword, values.newPassword);
      // A new password ends every session of the account, this one too: sign in again with it.
      if (me) await signIn(me.username, values.newPassword);
      navigate('/', { replace: true });
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <AuthCard
      title="เปลี่ยนรหัสผ่าน"
      subtitle={
        forced
          ? 'ท่านเข้าสู่ระบบด้วยรหัสผ่านชั่วคราว กรุณาตั้งรหัสผ่านใหม่ก่อนใช้งาน (You must change your password first.)'
          : 'ตั้งรหัสผ่านใหม่อย่างน้อย 10 ตัวอักษร'
      }
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
      <Form<Values> layout="vertical" onFinish={submit} requiredMark={false}>
        <input
          type="text"
          name="username"
          autoComplete="username"
          value={me?.username ?? ''}
          readOnly
          hidden
        />
        <Form.Item
          name="currentPassword"
          label="รหัสผ่านปัจจุบัน"
          rules={[{ required: true, message: 'กรุณากรอกรหัสผ่านปัจจุบัน' }]}
        >
          <Input.Password autoComplete="current-password" autoFocus />
        </Form.Item>
        <Form.Item name="newPassword" label="รหัสผ่านใหม่" rules={newPasswordRules} hasFeedback>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label="ยืนยันรหัสผ่านใหม่"
          dependencies={['newPassword']}
          rules={confirmRules('newPassword')}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={busy}>
          บันทึกรหัสผ่านใหม่
        </Button>
        <Button
          type="link"
          block
          onClick={() => void signOut().then(() => navigate('/login'))}
          style={{ marginTop: 8 }}
        >
          ออกจากระบบ
        </Button>
      </Form>
    </AuthCard>
  );
}
