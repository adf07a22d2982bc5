import { SwapOutlined, UserAddOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Drawer, Grid, Space, Tag, Typography } from 'antd';
import { useAbility } from '@casl/react';
import { asAccount, type AppAbility } from '../../access/ability';
import { accountsApi } from '../../api/accounts';
import type { Account, Lao } from '../../api/types';
import { AccountActions } from '../../components/account/AccountActions';
import { AccessSummary } from '../../components/account/InvitationInfo';
import { StateTag } from '../../components/StateTag';
import { EmptyState, Loadable } from '../../components/States';
import { fullName } from '../../lib/labels';
import { useLoad } from '../../lib/useLoad';

const WAITING = new Set(['draft', 'uploaded', 'verified']);

/** An admin who can act for the LAO now or once its order takes effect. */
const live = (a: Account): boolean =>
  a.status !== 'disabled' && !!a.grant && a.grant.state !== 'revoked' && a.grant.state !== 'superseded';

function disableText(a: Account, admins: Account[]): string {
  const others = admins.filter((x) => x.id !== a.id && live(x));
  const base = 'ผู้ดูแลระบบจะเข้าสู่ระบบไม่ได้ทันที เซสชันที่เปิดอยู่สิ้นสุด และลิงก์ตั้งรหัสผ่านที่ยังไม่ได้ใช้จะใช้ไม่ได้';
  return others.length === 0
    ? `${base} อปท. จะไม่มีผู้ดูแลระบบที่ทำงานได้ จนกว่าท่านจะสร้างผู้ดูแลระบบคนใหม่และคำสั่งแต่งตั้งมีผล (เปิดใช้งานบัญชีนี้อีกครั้งได้ภายหลัง)`
    : `${base} ${others.map((o) => o.username).join(', ')} ยังเป็นผู้ดูแลระบบของ อปท. นี้ (เปิดใช้งานบัญชีนี้อีกครั้งได้ภายหลัง)`;
}

/**
 * จัดการผู้ดูแลระบบ of one LAO for the provincial officer: every admin account with its e-mail,
 * invitation, last sign-in and grant; resend, correct the e-mail, disable, enable; and the handover
 * (a new admin who takes over when its order takes effect).
 */
export function LaoAdminsDrawer({
  lao,
  onClose,
  onCreate,
  onChanged,
}: {
  lao: Lao;
  onClose(): void;
  onCreate(handover: boolean): void;
  onChanged(): void;
}) {
  const state = useLoad(async () => {
    const page = await accountsApi.list(lao.code);
    return page.items
      .filter((a) => a.role === 'lao_admin')
      .sort((x, y) => y.createdAt.localeCompare(x.createdAt));
  }, [lao.code]);
  const ability = useAbility<AppAbility>();
  const screens = Grid.useBreakpoint();
  const canCreate = ability.can('create', asAccount('lao_admin', lao.code, lao.provinceCode));
  const reload = async (): Promise<void> => {
    await state.reload();
    onChanged();
  };

  return (
    <Drawer
      open
      onClose={onClose}
      title={`จัดการผู้ดูแลระบบ: ${lao.nameTh}`}
      size={screens.md ? 600 : window.innerWidth}
      placement="right"
    >
      <Loadable state={state} rows={4}>
        {(admins) => {
          const anyLive = admins.some(live);
          const waiting = admins.some(
            (a) => a.status !== 'disabled' && a.grant && WAITING.has(a.grant.state),
          );
          const activeAdmin = admins.find((a) => a.status !== 'disabled' && a.grant?.state === 'active');
          return (
            <>
              {admins.length === 0 && <EmptyState title="อปท. นี้ยังไม่มีผู้ดูแลระบบ" />}
              {admins.map((a) => (
                <Card
                  key={a.id}
                  size="small"
                  className="block-gap account-card"
                  title={
                    <Space size={4} wrap>
                      <span>{fullName(a)}</span>
                      {activeAdmin && a.id !== activeAdmin.id && a.grant && WAITING.has(a.grant.state) && (
                        <Tag color="purple">ผู้ดูแลระบบคนใหม่ (รอคำสั่งแต่งตั้งมีผล)</Tag>
                      )}
                    </Space>
                  }
                  aria-label={`ผู้ดูแลระบบ ${a.username}`}
                >
                  <Descriptions column={1} size="small">
                    <Descriptions.Item label="ชื่อผู้ใช้">{a.username}</Descriptions.Item>
                    <Descriptions.Item label="ตำแหน่ง">{a.position}</Descriptions.Item>
                    <Descriptions.Item label="อีเมล">
                      <span className="break-all">{a.email}</span>
                    </Descriptions.Item>
                    <Descriptions.Item label="สถานะ">
                      <Space size={4} wrap>
                        <StateTag kind="account" state={a.status} />
                        {a.grant ? (
                          <StateTag kind="grant" state={a.grant.state} />
                        ) : (
                          // Lists carry live grants only: revoked or superseded (a newer admin took over).
                          <Tag data-kind="grant" data-state="ended">
                            สิทธิ์ผู้ดูแลระบบสิ้นสุดแล้ว
                          </Tag>
                        )}
                      </Space>
                    </Descriptions.Item>
                    <Descriptions.Item label="ลิงก์ตั้งรหัสผ่าน">
                      <AccessSummary account={a} />
                    </Descriptions.Item>
                  </Descriptions>
                  <AccountActions
                    account={a}
                    onChanged={reload}
                    disableConsequences={disableText(a, admins)}
                  />
                </Card>
              ))}
              {canCreate && (
                <Card size="small" title={anyLive ? 'เปลี่ยนผู้ดูแลระบบ (โอนงาน)' : 'สร้างผู้ดูแลระบบ'}>
                  {anyLive ? (
                    <>
                      <Typography.Paragraph>
                        เมื่อผู้ดูแลระบบย้ายหรือพ้นหน้าที่ ให้สร้างผู้ดูแลระบบคนใหม่
                        ผู้ดูแลระบบคนใหม่จะรับงานต่อเมื่อคำสั่งแต่งตั้งของตนผ่านการตรวจสอบและมีผล
                        จากนั้นสิทธิ์ของคนเดิมจะสิ้นสุดโดยอัตโนมัติ และระบบจะแจ้งทั้งสองคนและท่าน
                      </Typography.Paragraph>
                      {waiting && (
                        <Alert
                          type="warning"
                          showIcon
                          className="block-gap"
                          title="มีผู้ดูแลระบบที่รอคำสั่งแต่งตั้งมีผลอยู่แล้ว"
                          description="สร้างผู้ดูแลระบบคนใหม่ได้ครั้งละหนึ่งคน ให้คำสั่งแต่งตั้งของคนที่รออยู่มีผลก่อน หรือระงับบัญชีนั้นหากสร้างผิดคน"
                        />
                      )}
                      <Button icon={<SwapOutlined />} onClick={() => onCreate(true)}>
                        สร้างผู้ดูแลระบบคนใหม่ / โอนงาน
                      </Button>
                    </>
                  ) : (
                    <Button type="primary" icon={<UserAddOutlined />} onClick={() => onCreate(false)}>
                      สร้างผู้ดูแลระบบ
                    </Button>
                  )}
                </Card>
              )}
            </>
          );
        }}
      </Loadable>
    </Drawer>
  );
}
