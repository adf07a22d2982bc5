import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Grid, Table, Typography } from 'antd';
import { Can, useAbility } from '@casl/react';
import { useState } from 'react';
import { asAccount, type AppAbility } from '../../access/ability';
import { accountsApi } from '../../api/accounts';
import { errorText } from '../../api/errors';
import { registryApi } from '../../api/registry';
import type { Account } from '../../api/types';
import { AccessSummary } from '../../components/account/InvitationInfo';
import { PageHeader } from '../../components/PageHeader';
import { ReasonModal } from '../../components/ReasonModal';
import { EmptyState, Loadable } from '../../components/States';
import { ROLE_LABEL, fullName } from '../../lib/labels';
import { useLoad } from '../../lib/useLoad';
import { CredentialsModal } from './CredentialsModal';
import { PermissionChangeModal } from './PermissionChangeModal';
import { StaffActions, StaffStatus, type StaffHandlers } from './StaffActions';
import { StaffAddedPrompt } from './StaffAdded';
import { StaffFormModal, type StaffAdded } from './StaffFormModal';

/** จัดการผู้ดูแลระบบ (the letter's menu): the LAO's accounts with their grants; add, edit, disable staff. */
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
  const phone = !(Grid.useBreakpoint().md ?? true);
  const [editing, setEditing] = useState<Account | 'new' | null>(null);
  const [revoking, setRevoking] = useState<Account | null>(null);
  const [changing, setChanging] = useState<Account | null>(null);
  const [credentials, setCredentials] = useState<Account | null>(null);
  const [added, setAdded] = useState<StaffAdded | null>(null);
  const [busy, setBusy] = useState(false);
  const staffSubject = asAccount('lao_user', laoCode, null);
  const allowTemporary = ability.can('setTemporaryPassword', staffSubject);

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

  const on: StaffHandlers = {
    edit: setEditing,
    credentials: setCredentials,
    changePermissions: setChanging,
    revoke: setRevoking,
    changed: state.reload,
  };
  const person = (a: Account) => (
    <div>
      <div>{fullName(a)}</div>
      <Typography.Text type="secondary" className="small-text">
        {a.role === 'lao_admin' ? ROLE_LABEL.lao_admin : a.position}
      </Typography.Text>
    </div>
  );

  return (
    <>
      <PageHeader
        title="จัดการผู้ดูแลระบบ"
        help="ผู้ใช้งานและเจ้าหน้าที่ของ อปท.: เพิ่มเจ้าหน้าที่ผู้ปฏิบัติงานและกำหนดงานบริการที่รับผิดชอบ สิทธิ์จะมีผลเมื่อคำสั่งแต่งตั้งผ่านการตรวจสอบ"
        extra={
          <Can I="create" this={staffSubject}>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              เพิ่มเจ้าหน้าที่
            </Button>
          </Can>
        }
      />
      {added && !added.temporaryPassword && <StaffAddedPrompt added={added} onClose={() => setAdded(null)} />}
      <Loadable state={state}>
        {({ accounts }) =>
          phone ? (
            <div className="staff-cards">
              {accounts.length === 0 && <EmptyState title="ยังไม่มีเจ้าหน้าที่ กด “เพิ่มเจ้าหน้าที่” เพื่อสร้างบัญชีแรก" />}
              {accounts.map((a) => (
                <Card key={a.id} size="small" title={fullName(a)} className="account-card">
                  <Descriptions column={1} size="small">
                    <Descriptions.Item label="ชื่อผู้ใช้">{a.username}</Descriptions.Item>
                    <Descriptions.Item label="ตำแหน่ง">
                      {a.role === 'lao_admin' ? ROLE_LABEL.lao_admin : a.position}
                    </Descriptions.Item>
                    <Descriptions.Item label="สำนัก/กอง">{a.division?.name ?? '-'}</Descriptions.Item>
                    <Descriptions.Item label="สถานะ">
                      <StaffStatus account={a} />
                    </Descriptions.Item>
                    <Descriptions.Item label="การเข้าใช้งาน">
                      <AccessSummary account={a} />
                    </Descriptions.Item>
                  </Descriptions>
                  <StaffActions account={a} laoCode={laoCode} on={on} />
                </Card>
              ))}
            </div>
          ) : (
            <Card>
              <Table<Account>
                rowKey="id"
                dataSource={accounts}
                pagination={false}
                scroll={{ x: 1120 }}
                locale={{
                  emptyText: <EmptyState title="ยังไม่มีเจ้าหน้าที่ กด “เพิ่มเจ้าหน้าที่” เพื่อสร้างบัญชีแรก" />,
                }}
                columns={[
                  { title: 'ลำดับ', key: 'no', width: 70, render: (_v, _a, i) => i + 1 },
                  { title: 'Username', dataIndex: 'username', width: 150 },
                  { title: 'ชื่อ-นามสกุล', key: 'name', render: (_v, a) => person(a) },
                  { title: 'สำนัก/กอง', key: 'division', render: (_v, a) => a.division?.name ?? '-' },
                  {
                    title: 'สถานะ',
                    key: 'status',
                    width: 190,
                    render: (_v, a) => <StaffStatus account={a} />,
                  },
                  {
                    title: 'การเข้าใช้งาน',
                    key: 'access',
                    width: 220,
                    render: (_v, a) => <AccessSummary account={a} />,
                  },
                  {
                    title: <span className="sr-only">การจัดการ</span>,
                    key: 'actions',
                    // Stays in view while the table scrolls sideways (tablets); the buttons wrap.
                    width: 230,
                    fixed: 'right',
                    render: (_v, a) => <StaffActions account={a} laoCode={laoCode} on={on} />,
                  },
                ]}
              />
            </Card>
          )
        }
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
      {credentials && (
        <CredentialsModal
          account={credentials}
          allowTemporary={allowTemporary}
          onClose={() => {
            setCredentials(null);
            void state.reload();
          }}
        />
      )}
      {added?.temporaryPassword && <StaffAddedPrompt added={added} onClose={() => setAdded(null)} />}
      {editing && state.data && (
        <StaffFormModal
          laoCode={laoCode}
          account={editing === 'new' ? null : editing}
          divisions={state.data.divisions}
          services={state.data.services}
          allowTemporary={allowTemporary}
          onClose={() => setEditing(null)}
          onSaved={(result) => {
            setEditing(null);
            if (result) setAdded(result);
            void state.reload();
          }}
        />
      )}
    </>
  );
}
