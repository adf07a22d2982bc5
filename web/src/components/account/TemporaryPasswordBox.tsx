import { CopyOutlined, ReloadOutlined } from '@ant-design/icons';
import { App, Button, Space, Typography } from 'antd';

/**
 * A temporary password, large and spaced for reading aloud, with a copy button (and, before it is
 * saved, a button for another one). It is shown only here, once: the server never shows it again.
 */
export function TemporaryPasswordBox({
  password,
  onRegenerate,
}: {
  password: string;
  onRegenerate?: () => void;
}) {
  const { message } = App.useApp();
  const copy = async (): Promise<void> => {
    try {
      await navigator.clipboard.writeText(password);
      message.success('คัดลอกรหัสผ่านชั่วคราวแล้ว');
    } catch {
      message.warning('คัดลอกอัตโนมัติไม่ได้ กรุณาจดรหัสผ่านจากหน้าจอ');
    }
  };
  return (
    <div className="temp-password">
      <div className="field-label">รหัสผ่านชั่วคราว</div>
      <Typography.Text className="temp-password-value" data-testid="temporary-password">
        {password}
      </Typography.Text>
      <Space size={4} wrap>
        <Button icon={<CopyOutlined />} onClick={() => void copy()}>
          คัดลอก
        </Button>
        {onRegenerate && (
          <Button icon={<ReloadOutlined />} onClick={onRegenerate}>
            สร้างรหัสใหม่
          </Button>
        )}
      </Space>
    </div>
  );
}

/** What the admin must tell the holder of a temporary password. */
export const TEMPORARY_PASSWORD_HELP =
  'แจ้งรหัสผ่านนี้กับเจ้าหน้าที่โดยตรง (ไม่ส่งทางอีเมลหรือกลุ่มแชต) เจ้าหน้าที่ต้องเปลี่ยนเป็นรหัสผ่านของตนเองเมื่อเข้าสู่ระบบครั้งแรก ระบบจะไม่แสดงรหัสนี้อีกหลังปิดหน้าต่างนี้';
