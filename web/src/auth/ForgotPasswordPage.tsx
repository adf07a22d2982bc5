import { Alert, Button, Form, Input, Result } from 'antd';
import { useState } from 'react';
import { authApi } from '../api/auth';
import { errorText } from '../api/errors';
import { HelpContactsBlock } from '../components/HelpContacts';
import { JUNK_HINT } from '../lib/labels';
import { Link } from '../lib/router';
import { AuthCard } from './AuthCard';

/**
 * ลืมรหัสผ่าน: a username or an e-mail; the answer is the same whether or not such an account exists
 * (nobody learns who has one), and an active account gets a one-time link by e-mail.
 */
export function ForgotPasswordPage() {
  const [sent, setSent] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async ({ login }: { login: string }): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      await authApi.forgotPassword(login.trim());
      setSent(true);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <AuthCard
      title="ลืมรหัสผ่าน"
      subtitle="กรอกชื่อผู้ใช้หรืออีเมลของบัญชี ระบบจะส่งลิงก์ตั้งรหัสผ่านใหม่ทางอีเมล (Forgot password.)"
    >
      {sent ? (
        <Result
          status="success"
          title="รับคำขอแล้ว"
          subTitle={`หากชื่อผู้ใช้หรืออีเมลนี้ตรงกับบัญชีที่ใช้งานอยู่ ระบบได้ส่งลิงก์ตั้งรหัสผ่านใหม่ไปที่อีเมลของบัญชีแล้ว ลิงก์ใช้ได้ครั้งเดียวและมีอายุจำกัด ${JUNK_HINT} หากไม่ได้รับอีเมล กรุณาติดต่อผู้ดูแลระบบของ อปท. หรือ สถ.จ.`}
          extra={<Link to="/login">กลับไปหน้าเข้าสู่ระบบ</Link>}
        />
      ) : (
        <>
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
          <Form<{ login: string }> layout="vertical" onFinish={submit} requiredMark={false}>
            <Form.Item
              name="login"
              label="ชื่อผู้ใช้หรืออีเมล"
              rules={[{ required: true, whitespace: true, message: 'กรุณากรอกชื่อผู้ใช้หรืออีเมล' }]}
            >
              <Input autoComplete="username" autoFocus />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={busy}>
              ส่งลิงก์ตั้งรหัสผ่านใหม่
            </Button>
          </Form>
          <p className="auth-links">
            <Link to="/login">กลับไปหน้าเข้าสู่ระบบ</Link>
          </p>
        </>
      )}
      <HelpContactsBlock />
    </AuthCard>
  );
}
