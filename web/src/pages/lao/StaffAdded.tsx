import { FileAddOutlined } from '@ant-design/icons';
import { Alert, Button, Modal, Space, Typography } from 'antd';
import { TEMPORARY_PASSWORD_HELP, TemporaryPasswordBox } from '../../components/account/TemporaryPasswordBox';
import { JUNK_HINT, fullName } from '../../lib/labels';
import { navigate } from '../../lib/router';
import type { StaffAdded } from './StaffFormModal';

const toOrder = (
  <Button type="primary" icon={<FileAddOutlined />} onClick={() => navigate('/orders/new')}>
    เพิ่มในคำสั่งแต่งตั้ง
  </Button>
);

const ORDER_NEXT = 'ขั้นต่อไป: เพิ่มเจ้าหน้าที่ในคำสั่งแต่งตั้ง สิทธิ์จะมีผลเมื่อคำสั่งแต่งตั้งผ่านการตรวจสอบของ สถ.จ.';

/**
 * Adding staff ends with what happens next: the temporary password once (a dialog, it is a secret),
 * or when the link will arrive; and in both cases "add them to an order".
 */
export function StaffAddedPrompt({ added, onClose }: { added: StaffAdded; onClose(): void }) {
  const { account, temporaryPassword } = added;
  if (temporaryPassword) {
    return (
      <Modal
        open
        width={560}
        title={`เพิ่ม ${fullName(account)} แล้ว`}
        onCancel={onClose}
        footer={
          <Space wrap>
            <Button onClick={onClose}>ปิด</Button>
            {toOrder}
          </Space>
        }
      >
        <Typography.Paragraph>
          ชื่อผู้ใช้ <strong>{account.username}</strong>
        </Typography.Paragraph>
        <TemporaryPasswordBox password={temporaryPassword} />
        <Typography.Paragraph>{TEMPORARY_PASSWORD_HELP}</Typography.Paragraph>
        <Typography.Paragraph strong>{ORDER_NEXT}</Typography.Paragraph>
      </Modal>
    );
  }
  return (
    <Alert
      type="success"
      showIcon
      closable={{ onClose, 'aria-label': 'ปิดข้อความ' }}
      className="block-gap"
      title={`เพิ่ม ${fullName(account)} แล้ว ชื่อผู้ใช้ ${account.username}`}
      description={
        <>
          <Typography.Paragraph>
            ระบบจะส่งลิงก์ตั้งรหัสผ่านไปที่ {account.email} เมื่อคำสั่งแต่งตั้งมีผล {JUNK_HINT}
          </Typography.Paragraph>
          <Typography.Paragraph strong>{ORDER_NEXT}</Typography.Paragraph>
          {toOrder}
        </>
      }
    />
  );
}
