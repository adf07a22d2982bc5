import { Space, Tag, Typography } from 'antd';
import type { Account } from '../../api/types';
import { thaiDateTime } from '../../lib/dates';
import { INVITATION_STATE } from '../../lib/labels';

/** The invitation's state as a tag, with when it was sent and when it expires (or expired). */
export function InvitationTag({
  account,
}: {
  account: Pick<Account, 'invitation' | 'role' | 'mustChangePassword' | 'lastSignInAt'>;
}) {
  const inv = account.invitation;
  if (account.mustChangePassword && inv?.state !== 'pending') {
    // A temporary password was given instead of a link: changed at first sign-in.
    return (
      <Tag color="warning" data-kind="invitation" data-state="temporary">
        รหัสผ่านชั่วคราว (ต้องเปลี่ยนเมื่อเข้าสู่ระบบ)
      </Tag>
    );
  }
  // Never invited by link but signing in (an account set up another way): nothing to say.
  if (!inv || (inv.state === 'none' && account.lastSignInAt)) return null;
  const entry = INVITATION_STATE[inv.state];
  // Staff get their link when their order takes effect.
  const label = inv.state === 'none' && account.role === 'lao_user' ? 'ส่งลิงก์เมื่อคำสั่งแต่งตั้งมีผล' : entry.label;
  return (
    <Tag color={entry.color} data-kind="invitation" data-state={inv.state}>
      {label}
    </Tag>
  );
}

/** Sent at / expires at of the latest link, in Buddhist Era. */
export function InvitationDates({ account }: { account: Pick<Account, 'invitation'> }) {
  const inv = account.invitation;
  if (!inv?.sentAt) return null;
  return (
    <Typography.Text type="secondary" className="small-text account-dates">
      ส่งเมื่อ {thaiDateTime(inv.sentAt)}
      {inv.state !== 'used' && inv.expiresAt && (
        <>
          {' · '}
          {inv.state === 'expired' ? 'หมดอายุเมื่อ' : 'ใช้ได้ถึง'} {thaiDateTime(inv.expiresAt)}
        </>
      )}
    </Typography.Text>
  );
}

export function LastSignIn({ account }: { account: Pick<Account, 'lastSignInAt'> }) {
  return (
    <Typography.Text type={account.lastSignInAt ? undefined : 'secondary'} className="small-text">
      {account.lastSignInAt ? `เข้าสู่ระบบล่าสุด ${thaiDateTime(account.lastSignInAt)}` : 'ยังไม่เคยเข้าสู่ระบบ'}
    </Typography.Text>
  );
}

/** Everything about getting in: invitation (state, sent, expiry) and the last sign-in. */
export function AccessSummary({
  account,
}: {
  account: Pick<Account, 'invitation' | 'lastSignInAt' | 'role' | 'mustChangePassword'>;
}) {
  return (
    <Space orientation="vertical" size={0}>
      <InvitationTag account={account} />
      <InvitationDates account={account} />
      <LastSignIn account={account} />
    </Space>
  );
}
