import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { errorText } from '../api/errors';
import { HelpContactsBlock } from '../components/HelpContacts';
import { Link, navigate, useLocation } from '../lib/router';
import { AuthCard } from './AuthCard';
import { useAuth } from './AuthContext';

interface Values {
  username: string;
  password: string;
}

/** Sign-in. A temporary password leads to the forced change first. */
export function LoginPage() {
  const { signIn } = useAuth();
  const { query } = useLocation();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async ({ username, password }: Values): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      const me = await signIn(username.trim(), password);
      const next = query.get('next');
      navigate(me.mustChangePassword ? '/change-password' : next && next.startsWith('/') ? next : '/', {
        replace: true,
      });
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <AuthCard title="เข้าสู่ระบบ Digital DLA" subtitle="ระบบคำสั่งแต่งตั้งและสิทธิ์การใช้งานของ อปท.">
      {query.get('reason') === 'password-set' && (
        <Alert type="success" showIcon title="ตั้งรหัสผ่านเรียบร้อยแล้ว กรุณาเข้าสู่ระบบ" style={{ marginBottom: 16 }} />
      )}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
      <Form<Values> layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item
          name="username"
          label="ชื่อผู้ใช้ (Username)"
          rules={[{ required: true, message: 'กรุณากรอกชื่อผู้ใช้' }]}
        >
          <Input autoComplete="username" autoFocus />
        </Form.Item>
        <Form.Item
          name="password"
          label="รหัสผ่าน (Password)"
          rules={[{ required: true, message: 'กรุณากรอกรหัสผ่าน' }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={busy}>
          เข้าสู่ระบบ
        </Button>
      </Form>
      <p className="auth-links">
        <Link to="/forgot-password">ลืมรหัสผ่าน?</Link>
      </p>
      <HelpContactsBlock intro="ติดปัญหาการเข้าสู่ระบบ? ติดต่อ Helpdesk กรมส่งเสริมการปกครองท้องถิ่น" />
    </AuthCard>
  );
}
