import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { Can, useAbility } from '@casl/react';
import { useState } from 'react';
import { asAccount, asGrant, type AppAbility } from '../../access/ability';
import { accountsApi } from '../../api/accounts';
import { errorText } from '../../api/errors';
import { registryApi } from '../../api/registry';
import type { Account } from '../../api/types';
import { PageHeader } from '../../components/PageHeader';
import { ReasonModal } from '../../components/ReasonModal';
import { StateTag } from '../../components/StateTag';
import { EmptyState, Loadable } from '../../components/States';
import { GRANT_STATE, ROLE_LABEL, fullName } from '../../lib/labels';
import { useLoad } from '../../lib/useLoad';
import { PermissionChangeModal } from './PermissionChangeModal';
import { StaffFormModal } from './StaffFormModal';

/** จัดการผู้ดูแลระบบ / เจ้าหน้าที่: the LAO's accounts with their grants; add, edit, disable staff. */
export function StaffPage({ laoCode }: { laoCode: string }) {
  const state = useLoad(async () => {
    const [accounts, divisions, services] = await Promise.all([
      accountsApi.list(laoCode),
      registryApi.divisions(laoCode),
      registryApi.services(laoCode),
    ]);
    return { accounts: accounts.items, divisions: divisions.items, services: services.items };
  }, [laoCode]);
  const ability = useAbility<AppAbility>();
  const { message } = App.useApp();
  const [editing, setEditing] = useState<Account | 'new' | null>(null);
  const [revoking, setRevoking] = useState<Account | null>(null);
  const [changing, setChanging] = useState<Account | null>(null);
  const [busy, setBusy] = useState(false);
  const staffSubject = asAccount('lao_user', laoCode, null);

  const resetPassword = async (a: Account): Promise<void> => {
    try {
      await accountsApi.resetPassword(a.id);
      message.success(`ส่งลิงก์ตั้งรหัสผ่านใหม่ไปที่ ${a.email} แล้ว`);
    } catch (e) {
      message.error(errorText(e));
    }
  };

  const disable = async (a: Account): Promise<void> => {
    try {
      await accountsApi.disable(a.id);
      message.success(`ระงับบัญชี ${a.username} แล้ว`);
      await state.reload();
    } catch (e) {
      message.error(errorText(e));
    }
  };

  const revoke = async (a: Account, reason: string): Promise<void> => {
    if (!a.grant) return;
    setBusy(true);
    try {
      await accountsApi.revokeGrant(a.grant.id, a.grant.version, reason);
      message.success(`เพิกถอนสิทธิ์ของ ${fullName(a)} แล้ว`);
      setRevoking(null);
      await state.reload();
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeader
        title="ผู้ใช้งานและเจ้าหน้าที่"
        help="เพิ่มเจ้าหน้าที่ผู้ปฏิบัติงานและกำหนดงานบริการที่รับผิดชอบ สิทธิ์จะมีผลเมื่อคำสั่งแต่งตั้งผ่านการตรวจสอบ"
        extra={
          <Can I="create" this={staffSubject}>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              เพิ่มเจ้าหน้าที่
            </Button>
          </Can>
        }
      />
      <Loadable state={state}>
        {({ accounts }) => (
          <Card>
            <Table<Account>
              rowKey="id"
              dataSource={accounts}
              pagination={false}
              scroll={{ x: 960 }}
              locale={{
                emptyText: <EmptyState title="ยังไม่มีเจ้าหน้าที่ กด “เพิ่มเจ้าหน้าที่” เพื่อสร้างบัญชีแรก" />,
              }}
              columns={[
                { title: 'ลำดับ', key: 'no', width: 70, render: (_v, _a, i) => i + 1 },
                { title: 'Username', dataIndex: 'username', width: 150 },
                {
                  title: 'ชื่อ-นามสกุล',
                  key: 'name',
                  render: (_v, a) => (
                    <div>
                      <div>{fullName(a)}</div>
                      <Typography.Text type="secondary" className="small-text">
                        {a.role === 'lao_admin' ? ROLE_LABEL.lao_admin : a.position}
                      </Typography.Text>
                    </div>
                  ),
                },
                { title: 'สำนัก/กอง', key: 'division', render: (_v, a) => a.division?.name ?? '-' },
                {
                  title: 'สถานะ',
                  key: 'status',
                  width: 200,
                  render: (_v, a) => (
                    <Space size={4} wrap>
                      <StateTag kind="account" state={a.status} />
                      {a.grant && <StateTag kind="grant" state={a.grant.state} />}
                      {a.pendingGrant && (
                        <Tag color="warning" data-kind="pending-grant" data-state={a.pendingGrant.state}>
                          สิทธิ์ใหม่: {GRANT_STATE[a.pendingGrant.state].label}
                        </Tag>
                      )}
                    </Space>
                  ),
                },
                {
                  title: <span className="sr-only">การจัดการ</span>,
                  key: 'actions',
                  // Stays in view while the table scrolls sideways (tablets); the buttons wrap.
                  width: 230,
                  fixed: 'right',
                  render: (_v, a) => {
                    const subject = asAccount(a.role, a.laoCode, a.provinceCode);
                    return (
                      <Space size={4} wrap>
                        {ability.can('update', subject) && a.status !== 'disabled' && (
                          <Button
                            size="small"
                            onClick={() => setEditing(a)}
                            aria-label={`แก้ไข ${a.username}`}
                          >
                            แก้ไข
                          </Button>
                        )}
                        {ability.can('resetPassword', subject) && a.status !== 'disabled' && (
                          <Popconfirm
                            title={`ส่งลิงก์ตั้งรหัสผ่านใหม่ให้ ${a.username}?`}
                            okText="ส่งลิงก์"
                            cancelText="ยกเลิก"
                            onConfirm={() => resetPassword(a)}
                          >
                            <Button size="small" aria-label={`ตั้งรหัสผ่านใหม่ ${a.username}`}>
                              รหัสผ่าน
                            </Button>
                          </Popconfirm>
                        )}
                        {a.role === 'lao_user' &&
                          a.grant?.state === 'active' &&
                          !a.pendingGrant &&
                          a.status !== 'disabled' &&
                          ability.can('create', asGrant('lao_user', laoCode)) && (
                            <Button
                              size="small"
                              onClick={() => setChanging(a)}
                              aria-label={`เปลี่ยนสิทธิ์ ${a.username}`}
                            >
                              เปลี่ยนสิทธิ์
                            </Button>
                          )}
                        {a.grant?.state === 'active' &&
                          ability.can('revoke', asGrant(a.grant.role, a.grant.laoCode)) && (
                            <Button
                              size="small"
                              danger
                              onClick={() => setRevoking(a)}
                              aria-label={`เพิกถอนสิทธิ์ ${a.username}`}
                            >
                              เพิกถอนสิทธิ์
                            </Button>
                          )}
                        {ability.can('disable', subject) && a.status !== 'disabled' && (
                          <Popconfirm
                            title={`ระงับบัญชี ${a.username}?`}
                            description="ผู้ใช้จะเข้าสู่ระบบไม่ได้ทันที"
                            okText="ระงับบัญชี"
                            cancelText="ยกเลิก"
                            okButtonProps={{ danger: true }}
                            onConfirm={() => disable(a)}
                          >
                            <Button size="small" danger aria-label={`ระงับ ${a.username}`}>
                              ระงับ
                            </Button>
                          </Popconfirm>
                        )}
                      </Space>
                    );
                  },
                },
              ]}
            />
          </Card>
        )}
      </Loadable>
      {revoking && (
        <ReasonModal
          title={`เพิกถอนสิทธิ์ของ ${fullName(revoking)}`}
          okText="เพิกถอนสิทธิ์"
          placeholder="เช่น ย้ายไปปฏิบัติราชการที่อื่น"
          busy={busy}
          onCancel={() => setRevoking(null)}
          onSubmit={(reason) => void revoke(revoking, reason)}
        />
      )}
      {changing && state.data && (
        <PermissionChangeModal
          account={changing}
          services={state.data.services}
          onClose={() => setChanging(null)}
          onSaved={() => {
            setChanging(null);
            void state.reload();
          }}
        />
      )}
      {editing && state.data && (
        <StaffFormModal
          laoCode={laoCode}
          account={editing === 'new' ? null : editing}
          divisions={state.data.divisions}
          services={state.data.services}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            void state.reload();
          }}
        />
      )}
    </>
  );
}
