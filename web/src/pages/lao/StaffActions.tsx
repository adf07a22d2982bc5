import { Button, Space, Tag } from 'antd';
import { useAbility } from '@casl/react';
import { asAccount, asGrant, type AppAbility } from '../../access/ability';
import type { Account } from '../../api/types';
import { AccountActions } from '../../components/account/AccountActions';
import { StateTag } from '../../components/StateTag';
import { GRANT_STATE } from '../../lib/labels';

/** Account status, its grant, and a permission change waiting for its order. */
export function StaffStatus({ account: a }: { account: Account }) {
  return (
    <Space size={4} wrap>
      <StateTag kind="account" state={a.status} />
      {a.grant && <StateTag kind="grant" state={a.grant.state} />}
      {a.pendingGrant && (
        <Tag color="warning" data-kind="pending-grant" data-state={a.pendingGrant.state}>
          สิทธิ์ใหม่: {GRANT_STATE[a.pendingGrant.state].label}
        </Tag>
      )}
    </Space>
  );
}

export interface StaffHandlers {
  edit(a: Account): void;
  credentials(a: Account): void;
  changePermissions(a: Account): void;
  revoke(a: Account): void;
  changed(): Promise<void>;
}

/** What the LAO admin may do with one account of the LAO, by the abilities from /api/me. */
export function StaffActions({
  account: a,
  laoCode,
  on,
}: {
  account: Account;
  laoCode: string;
  on: StaffHandlers;
}) {
  const ability = useAbility<AppAbility>();
  const subject = asAccount(a.role, a.laoCode, a.provinceCode);
  const live = a.status !== 'disabled';
  return (
    <AccountActions
      account={a}
      resend={false}
      onChanged={on.changed}
      disableConsequences="เจ้าหน้าที่จะเข้าสู่ระบบไม่ได้ทันที เซสชันที่เปิดอยู่สิ้นสุด และลิงก์ที่ยังไม่ได้ใช้จะใช้ไม่ได้ สิทธิ์ตามคำสั่งแต่งตั้งยังคงอยู่ เปิดใช้งานอีกครั้งได้ภายหลัง"
      extra={
        <>
          {live && ability.can('update', subject) && (
            <Button size="small" onClick={() => on.edit(a)} aria-label={`แก้ไข ${a.username}`}>
              แก้ไข
            </Button>
          )}
          {live && ability.can('resetPassword', subject) && (
            <Button size="small" onClick={() => on.credentials(a)} aria-label={`รหัสผ่าน ${a.username}`}>
              รหัสผ่าน
            </Button>
          )}
          {a.role === 'lao_user' &&
            a.grant?.state === 'active' &&
            !a.pendingGrant &&
            live &&
            ability.can('create', asGrant('lao_user', laoCode)) && (
              <Button
                size="small"
                onClick={() => on.changePermissions(a)}
                aria-label={`เปลี่ยนสิทธิ์ ${a.username}`}
              >
                เปลี่ยนสิทธิ์
              </Button>
            )}
          {a.grant?.state === 'active' && ability.can('revoke', asGrant(a.grant.role, a.grant.laoCode)) && (
            <Button size="small" danger onClick={() => on.revoke(a)} aria-label={`เพิกถอนสิทธิ์ ${a.username}`}>
              เพิกถอนสิทธิ์
            </Button>
          )}
        </>
      }
    />
  );
}
