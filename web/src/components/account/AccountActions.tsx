import { App, Button, Popconfirm, Space } from 'antd';
import { useAbility } from '@casl/react';
import { useState, type ReactNode } from 'react';
import { asAccount, type AppAbility } from '../../access/ability';
import { accountsApi } from '../../api/accounts';
import { errorText } from '../../api/errors';
import type { Account } from '../../api/types';
import { JUNK_HINT } from '../../lib/labels';
import { EmailFixModal } from './EmailFixModal';

/** Whether the account has ever had a password: its next link is a reset, not the invitation again. */
export const hasSignedIn = (a: Account): boolean =>
  a.lastSignInAt !== null || a.invitation?.state === 'used' || a.status === 'active';

/** The success text after a link went out, with the junk-folder hint. */
export const linkSentText = (a: Account): string =>
  `${hasSignedIn(a) ? 'ส่งลิงก์ตั้งรหัสผ่านใหม่' : 'ส่งลิงก์เชิญตั้งรหัสผ่านอีกครั้ง'}ไปที่ ${a.email} แล้ว ลิงก์เดิมใช้ไม่ได้แล้ว ${JUNK_HINT}`;

/**
 * Resend the link, correct the e-mail then resend, disable (what happens is said first), enable:
 * each shown only when the caller's abilities allow it on this account.
 */
export function AccountActions({
  account: a,
  onChanged,
  disableConsequences,
  emailFix = true,
  resend = true,
  extra,
}: {
  account: Account;
  onChanged(): void | Promise<void>;
  /** What disabling this account does, in the reader's terms. */
  disableConsequences: string;
  emailFix?: boolean;
  /** Off where the page offers its own way (the staff page's "รหัสผ่าน": link or temporary password). */
  resend?: boolean;
  /** More buttons of the page, placed before disable/enable. */
  extra?: ReactNode;
}) {
  const ability = useAbility<AppAbility>();
  const { message } = App.useApp();
  const [fixing, setFixing] = useState(false);
  const subject = asAccount(a.role, a.laoCode, a.provinceCode);
  const live = a.status !== 'disabled';

  const act = async (work: () => Promise<unknown>, done: string, duration = 5): Promise<void> => {
    try {
      await work();
      message.success({ content: done, duration });
      await onChanged();
    } catch (e) {
      message.error({ content: errorText(e), duration: 8 });
    }
  };

  return (
    <Space size={4} wrap>
      {live && resend && ability.can('resetPassword', subject) && (
        <Popconfirm
          title={hasSignedIn(a) ? `ส่งลิงก์ตั้งรหัสผ่านใหม่ให้ ${a.username}?` : `ส่งลิงก์เชิญให้ ${a.username} อีกครั้ง?`}
          description={`ส่งไปที่ ${a.email} ลิงก์ที่ส่งไปก่อนหน้าจะใช้ไม่ได้`}
          okText="ส่งลิงก์"
          cancelText="ยกเลิก"
          onConfirm={() => act(() => accountsApi.sendLink(a.id), linkSentText(a), 10)}
        >
          <Button size="small" aria-label={`ส่งลิงก์ใหม่ ${a.username}`}>
            ส่งลิงก์ใหม่
          </Button>
        </Popconfirm>
      )}
      {live &&
        resend &&
        emailFix &&
        ability.can('update', subject) &&
        ability.can('resetPassword', subject) && (
          <Button size="small" onClick={() => setFixing(true)} aria-label={`แก้ไขอีเมล ${a.username}`}>
            แก้ไขอีเมล
          </Button>
        )}
      {extra}
      {live && ability.can('disable', subject) && (
        <Popconfirm
          title={`ระงับบัญชี ${a.username}?`}
          description={<div className="confirm-text">{disableConsequences}</div>}
          okText="ระงับบัญชี"
          cancelText="ยกเลิก"
          okButtonProps={{ danger: true }}
          onConfirm={() => act(() => accountsApi.disable(a.id), `ระงับบัญชี ${a.username} แล้ว`)}
        >
          <Button size="small" danger aria-label={`ระงับ ${a.username}`}>
            ระงับ
          </Button>
        </Popconfirm>
      )}
      {!live && ability.can('enable', subject) && (
        <Popconfirm
          title={`เปิดใช้งานบัญชี ${a.username} อีกครั้ง?`}
          description="ผู้ใช้จะเข้าสู่ระบบได้ด้วยรหัสผ่านเดิม หรือส่งลิงก์ใหม่ให้หลังเปิดใช้งาน"
          okText="เปิดใช้งาน"
          cancelText="ยกเลิก"
          onConfirm={() => act(() => accountsApi.enable(a.id), `เปิดใช้งานบัญชี ${a.username} แล้ว`)}
        >
          <Button size="small" aria-label={`เปิดใช้งาน ${a.username}`}>
            เปิดใช้งาน
          </Button>
        </Popconfirm>
      )}
      {fixing && (
        <EmailFixModal
          account={a}
          onClose={() => setFixing(false)}
          onDone={() => {
            setFixing(false);
            void onChanged();
          }}
        />
      )}
    </Space>
  );
}
