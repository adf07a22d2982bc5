import { TeamOutlined, UserAddOutlined } from '@ant-design/icons';
import { Button, Card, Input, Space, Table, Tag, Typography } from 'antd';
import { useAbility } from '@casl/react';
import { useState } from 'react';
import { asAccount, type AppAbility } from '../../access/ability';
import { dashboardApi } from '../../api/review';
import { registryApi } from '../../api/registry';
import type { Lao, Me, ReadinessLao } from '../../api/types';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, Loadable } from '../../components/States';
import { thaiDateTime } from '../../lib/dates';
import { useLoad } from '../../lib/useLoad';
import { CreateAdminModal } from './CreateAdminModal';
import { LaoAdminsDrawer } from './LaoAdminsDrawer';
import { LaoOrders } from './LaoOrders';

/** LAOs the caller may see; a province officer creates their admins here. */
export function LaosPage({ me }: { me: Me }) {
  const [q, setQ] = useState('');
  const officer = me.role === 'province_officer';
  const state = useLoad(async () => {
    const [laos, readiness] = await Promise.all([
      registryApi.laos({ province: me.provinceCode ?? undefined, q: q || undefined, limit: 200 }),
      officer ? dashboardApi.readiness({ province: me.provinceCode ?? undefined }) : Promise.resolve(null),
    ]);
    return {
      laos: laos.items,
      more: laos.nextCursor !== null,
      readiness: new Map((readiness?.items ?? []).map((r) => [r.code, r])),
    };
  }, [q, me.provinceCode, officer]);
  const ability = useAbility<AppAbility>();
  const [creating, setCreating] = useState<{ lao: Lao; handover: boolean } | null>(null);
  const [managing, setManaging] = useState<Lao | null>(null);
  // A new admin created from the drawer shows in it: the drawer loads again.
  const [reloads, setReloads] = useState(0);

  return (
    <>
      <PageHeader
        title={officer ? 'อปท. และผู้ดูแลระบบ' : 'ทะเบียน อปท.'}
        help={
          officer
            ? 'สร้างบัญชีผู้ดูแลระบบของ อปท. ในจังหวัด ระบบจะส่งลิงก์ตั้งรหัสผ่านทางอีเมล “จัดการผู้ดูแลระบบ” ดูว่าลิงก์ถูกใช้หรือหมดอายุ ส่งลิงก์ใหม่ แก้ไขอีเมล ระงับบัญชี หรือเปลี่ยนผู้ดูแลระบบ'
            : 'อปท. ในทะเบียน ค้นหาด้วยชื่อหรือรหัส'
        }
      />
      <Card>
        <Input.Search
          aria-label="ค้นหาชื่อหรือรหัส อปท."
          placeholder="ค้นหาชื่อหรือรหัส อปท."
          allowClear
          onSearch={(v) => setQ(v.trim())}
          className="block-gap"
          style={{ maxWidth: 360 }}
        />
        <Loadable state={state}>
          {({ laos, more, readiness }) => (
            <>
              <Table<Lao>
                rowKey="code"
                dataSource={laos}
                pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
                scroll={{ x: officer ? 640 : 720 }}
                expandable={
                  officer
                    ? {
                        columnWidth: 96,
                        expandedRowRender: (lao) => <LaoOrders laoCode={lao.code} laoName={lao.nameTh} />,
                        expandIcon: ({ expanded, onExpand, record }) => (
                          <Button
                            size="small"
                            aria-expanded={expanded}
                            aria-label={`คำสั่งแต่งตั้งของ ${record.nameTh}`}
                            onClick={(e) => onExpand(record, e)}
                          >
                            {expanded ? 'ซ่อนคำสั่ง' : 'คำสั่ง'}
                          </Button>
                        ),
                      }
                    : undefined
                }
                locale={{
                  emptyText: (
                    <EmptyState
                      title={
                        q
                          ? 'ไม่พบ อปท. ที่ค้นหา'
                          : 'ยังไม่มี อปท. ในทะเบียน (สถ. นำเข้าทะเบียนได้ที่หน้า “นำเข้าทะเบียน อปท.”)'
                      }
                    />
                  ),
                }}
                columns={[
                  { title: 'รหัส', dataIndex: 'code', width: 100 },
                  { title: 'ชื่อ อปท.', dataIndex: 'nameTh', width: 220 },
                  { title: 'ประเภท', dataIndex: 'typeLabel', width: 140, responsive: ['lg'] },
                  { title: 'อำเภอ', dataIndex: 'districtTh', width: 130, responsive: ['lg'] },
                  ...(officer
                    ? [
                        {
                          title: 'ผู้ดูแลระบบ',
                          key: 'admin',
                          width: 280,
                          render: (_v: unknown, lao: Lao) => (
                            <AdminCell
                              lao={lao}
                              row={readiness.get(lao.code)}
                              canCreate={ability.can(
                                'create',
                                asAccount('lao_admin', lao.code, lao.provinceCode),
                              )}
                              onCreate={() => setCreating({ lao, handover: false })}
                              onManage={() => setManaging(lao)}
                            />
                          ),
                        },
                      ]
                    : [
                        {
                          title: 'Phase 1',
                          key: 'p1',
                          width: 90,
                          render: (_v: unknown, lao: Lao) =>
                            lao.phase1Target ? <Tag color="blue">Phase 1</Tag> : '-',
                        },
                      ]),
                ]}
              />
              {more && (
                <Typography.Paragraph type="secondary">
                  แสดง 200 รายการแรก ค้นหาเพื่อดูรายการอื่น
                </Typography.Paragraph>
              )}
            </>
          )}
        </Loadable>
      </Card>
      {managing && (
        <LaoAdminsDrawer
          key={`${managing.code}-${reloads}`}
          lao={managing}
          onClose={() => setManaging(null)}
          onCreate={(handover) => setCreating({ lao: managing, handover })}
          onChanged={() => void state.reload()}
        />
      )}
      {creating && (
        <CreateAdminModal
          lao={creating.lao}
          handover={creating.handover}
          onClose={() => setCreating(null)}
          onCreated={() => {
            setCreating(null);
            setReloads((n) => n + 1);
            void state.reload();
          }}
        />
      )}
    </>
  );
}

function AdminCell({
  lao,
  row,
  canCreate,
  onCreate,
  onManage,
}: {
  lao: Lao;
  row?: ReadinessLao;
  canCreate: boolean;
  onCreate(): void;
  onManage(): void;
}) {
  const manage = (
    <Button
      size="small"
      icon={<TeamOutlined />}
      onClick={onManage}
      aria-label={`จัดการผู้ดูแลระบบ ${lao.nameTh}`}
    >
      จัดการผู้ดูแลระบบ
    </Button>
  );
  if (row?.adminAccount.exists) {
    const signedIn = row.adminAccount.lastSignInAt;
    return (
      <Space orientation="vertical" size={2}>
        <Space size={4} wrap>
          <span>{row.adminAccount.username}</span>
          <Tag color={row.adminAccount.status === 'active' ? 'success' : 'processing'}>
            {row.adminAccount.status === 'active' ? 'เข้าใช้งานแล้ว' : 'รอตั้งรหัสผ่าน'}
          </Tag>
        </Space>
        <Typography.Text type="secondary" className="small-text">
          {signedIn ? `เข้าสู่ระบบล่าสุด ${thaiDateTime(signedIn)}` : 'ยังไม่เคยเข้าสู่ระบบ'}
        </Typography.Text>
        {manage}
      </Space>
    );
  }
  return (
    <Space size={4} wrap>
      {canCreate ? (
        <Button size="small" icon={<UserAddOutlined />} onClick={onCreate}>
          สร้างผู้ดูแลระบบ
        </Button>
      ) : (
        <Typography.Text type="secondary">ยังไม่มี</Typography.Text>
      )}
      {manage}
    </Space>
  );
}
