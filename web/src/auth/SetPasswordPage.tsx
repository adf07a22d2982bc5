import { Alert, Button, Form, Input, Result } from 'antd';
import { useEffect, useState } from 'react';
import { authApi } from '../api/auth';
import { ApiError, errorText } from '../api/errors';
import { HelpContactsBlock } from '../components/HelpContacts';
import { Link, navigate, useLocation } from '../lib/router';
import { AuthCard } from './AuthCard';
import { confirmRules, newPasswordRules } from './password-rules';

interface Values {
  newPassword: string;
  confirm: string;
}

/**
 * The link's token rides in the fragment (`#token=…`), which browsers never send to a server; it is
 * read once and wiped from the address bar and history. `?token=` links mailed before are still read.
 */
function takeLinkToken(query: URLSearchParams): string {
  const fromHash = new URLSearchParams(window.location.hash.slice(1)).get('token');
  const token = fromHash ?? query.get('token') ?? '';
  if (token) window.history.replaceState(window.history.state, '', '/set-password');
  return token;
}

/** What to do when a link expired (links live a limited time) or was used already (each works once). */
const WHAT_TO_DO =
  'ลิงก์แต่ละลิงก์ใช้ได้ครั้งเดียวและมีอายุจำกัด และลิงก์เก่าจะใช้ไม่ได้เมื่อมีการส่งลิงก์ใหม่ หากลิงก์หมดอายุหรือถูกใช้แล้ว ให้ขอลิงก์ใหม่: เจ้าหน้าที่ขอจากผู้ดูแลระบบของ อปท. ผู้ดูแลระบบ อปท. ขอจาก สถ.จ. หรือใช้ “ลืมรหัสผ่าน?” ที่หน้าเข้าสู่ระบบ';

function LinkHelp() {
  return (
    <span className="text-links">
      <Link to="/forgot-password">ลืมรหัสผ่าน?</Link> · <Link to="/login">ไปหน้าเข้าสู่ระบบ</Link>
    </span>
  );
}

/** `/set-password#token=…`: the one-time link from the invitation, activation or reset e-mail. */
export function SetPasswordPage() {
  const { query } = useLocation();
  const [token, setToken] = useState(() => takeLinkToken(query));
  const [error, setError] = useState<{ text: string; link: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  // A newer link opened in the same tab (only the fragment changes, so the page stays): use it.
  useEffect(() => {
    const onHash = (): void => {
      const next = takeLinkToken(new URLSearchParams());
      if (!next) return;
      setToken(next);
      setError(null);
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  if (token.length < 10) {
    return (
      <AuthCard title="ตั้งรหัสผ่าน">
        <Result
          status="warning"
          title="ลิงก์ไม่ถูกต้อง"
          subTitle={`กรุณาเปิดลิงก์จากอีเมลอีกครั้ง (คัดลอกลิงก์ทั้งบรรทัด) ${WHAT_TO_DO}`}
          extra={<LinkHelp />}
        />
        <HelpContactsBlock />
      </AuthCard>
    );
  }

  const submit = async ({ newPassword }: Values): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      await authApi.setPassword(token, newPassword);
      navigate('/login?reason=password-set', { replace: true });
    } catch (e) {
      setError({ text: errorText(e), link: e instanceof ApiError && e.code === 'AUTH_LINK_INVALID' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <AuthCard title="ตั้งรหัสผ่าน" subtitle="ตั้งรหัสผ่านสำหรับบัญชีของท่าน ลิงก์นี้ใช้ได้ครั้งเดียว (Set your password.)">
      {error && (
        <Alert
          type="error"
          showIcon
          title={error.text}
          description={
            error.link ? (
              <>
                {WHAT_TO_DO} <LinkHelp />
              </>
            ) : undefined
          }
          style={{ marginBottom: 16 }}
          role="alert"
        />
      )}
      <Form<Values> layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item
          name="newPassword"
          label="รหัสผ่านใหม่"
          rules={newPasswordRules}
          extra="อย่างน้อย 10 ตัวอักษร ไม่ซ้ำกับชื่อผู้ใช้ และไม่ใช่รหัสผ่านที่คาดเดาง่าย"
        >
          <Input.Password autoComplete="new-password" autoFocus />
        </Form.Item>
        <Form.Item
          name="confirm"
          label="ยืนยันรหัสผ่าน"
          dependencies={['newPassword']}
          rules={confirmRules('newPassword')}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={busy}>
          ตั้งรหัสผ่าน
        </Button>
      </Form>
      <HelpContactsBlock />
    </AuthCard>
  );
}
