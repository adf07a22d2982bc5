import { Alert, App, Button, Modal, Radio, Space, Typography } from 'antd';
import { useState } from 'react';
import { accountsApi } from '../../api/accounts';
import type { Account } from '../../api/types';
import { linkSentText } from '../../components/account/AccountActions';
import { TEMPORARY_PASSWORD_HELP, TemporaryPasswordBox } from '../../components/account/TemporaryPasswordBox';
import { generateTemporaryPassword } from '../../lib/temporary-password';
import { useSubmit } from '../../lib/useSubmit';

type Way = 'link' | 'temporary';

/**
 * "รหัสผ่าน" of a staff member, both ways of the letter: a link by e-mail (the invitation again, or a
 * reset), or a temporary password for staff without working e-mail, shown once and changed at first
 * sign-in.
 */
export function CredentialsModal({
  account,
  allowTemporary,
  onClose,
}: {
  account: Account;
  allowTemporary: boolean;
  onClose(): void;
}) {
  const { message } = App.useApp();
  const [way, setWay] = useState<Way>('link');
  const [password, setPassword] = useState(generateTemporaryPassword);
  const [saved, setSaved] = useState(false);
  const { busy, error, run } = useSubmit();
  const waitingForOrder = account.invitation?.state === 'none' && account.grant?.state !== 'active';

  const submit = (): Promise<void> =>
    run(async () => {
      if (way === 'link') {
        await accountsApi.sendLink(account.id);
        message.success({ content: linkSentText(account), duration: 10 });
        onClose();
      } else {
        await accountsApi.setTemporaryPassword(account.id, password);
        setSaved(true);
      }
    });

  const footer = saved
    ? [
        <Button key="done" type="primary" onClick={onClose}>
          จดรหัสแล้ว ปิดหน้าต่าง
        </Button>,
      ]
    : [
        <Button key="cancel" onClick={onClose}>
          ยกเลิก
        </Button>,
        <Button key="ok" type="primary" loading={busy} onClick={() => void submit()}>
          {way === 'link' ? 'ส่งลิงก์ทางอีเมล' : 'ตั้งรหัสผ่านชั่วคราว'}
        </Button>,
      ];

  return (
    <Modal open width={560} title={`รหัสผ่านของ ${account.username}`} onCancel={onClose} footer={footer}>
      {error && <Alert type="error" showIcon title={error} role="alert" className="block-gap" />}
      {saved ? (
        <>
          <Alert
            type="success"
            showIcon
            className="block-gap"
            title={`ตั้งรหัสผ่านชั่วคราวของ ${account.username} แล้ว`}
            description="ลิงก์ตั้งรหัสผ่านที่เคยส่งไปใช้ไม่ได้แล้ว และเซสชันที่เปิดอยู่ของบัญชีนี้สิ้นสุดแล้ว"
          />
          <TemporaryPasswordBox password={password} />
          <Typography.Paragraph>{TEMPORARY_PASSWORD_HELP}</Typography.Paragraph>
        </>
      ) : (
        <>
          <Radio.Group
            value={way}
            onChange={(e) => setWay(e.target.value as Way)}
            aria-label="วิธีให้รหัสผ่าน"
            className="block-gap"
          >
            <Space orientation="vertical">
              <Radio value="link">ส่งลิงก์ตั้งรหัสผ่านทางอีเมล ({account.email})</Radio>
              <Radio value="temporary" disabled={!allowTemporary}>
                กำหนดรหัสผ่านชั่วคราว (เจ้าหน้าที่ที่ไม่มีอีเมลใช้งาน)
              </Radio>
            </Space>
          </Radio.Group>
          {!allowTemporary && (
            <Typography.Paragraph type="secondary">
              กำหนดรหัสผ่านชั่วคราวได้เมื่อคำสั่งแต่งตั้งผู้ดูแลระบบของท่านมีผลแล้ว
            </Typography.Paragraph>
          )}
          {way === 'link' ? (
            <Typography.Paragraph>
              {waitingForOrder
                ? 'ปกติระบบจะส่งลิงก์ให้เองเมื่อคำสั่งแต่งตั้งของเจ้าหน้าที่มีผล ส่งตอนนี้ได้หากต้องการให้ตั้งรหัสผ่านไว้ก่อน '
                : ''}
              ลิงก์ที่ส่งไปก่อนหน้าจะใช้ไม่ได้ หากเจ้าหน้าที่ไม่พบอีเมล ให้ตรวจสอบโฟลเดอร์จดหมายขยะ (Junk/Spam)
            </Typography.Paragraph>
          ) : (
            <>
              <TemporaryPasswordBox
                password={password}
                onRegenerate={() => setPassword(generateTemporaryPassword())}
              />
              <Typography.Paragraph>{TEMPORARY_PASSWORD_HELP}</Typography.Paragraph>
            </>
          )}
        </>
      )}
    </Modal>
  );
}
