import { Button, Card, Grid, Input, Table, Typography } from 'antd';
import { useState } from 'react';
import { accountsApi } from '../../api/accounts';
import { registryApi } from '../../api/registry';
import type { Account, Lao } from '../../api/types';
import { AccountsTable } from '../../components/account/AccountsTable';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, Loadable } from '../../components/States';
import { ROLE_LABEL } from '../../lib/labels';
import { useLoad } from '../../lib/useLoad';

/**
 * The helpdesk's tool (the letter's phone line and LINE OpenChat): find an LAO by name, see its
 * accounts with where their invitation stands and when they last signed in, and send a fresh link.
 */
export function HelpdeskPage() {
  const [q, setQ] = useState('');
  const screens = Grid.useBreakpoint();
  const laos = useLoad(
    async () => (q ? registryApi.laos({ q, limit: 50 }) : { items: [] as Lao[], nextCursor: null }),
    [q],
  );
  return (
    <>
      <PageHeader
        title="ค้นหา อปท. และบัญชีผู้ใช้"
        help="ค้นหา อปท. จากชื่อหรือรหัส ดูบัญชีผู้ดูแลระบบและเจ้าหน้าที่ สถานะลิงก์ตั้งรหัสผ่าน และส่งลิงก์ใหม่ให้ผู้ที่ติดต่อมา (ลิงก์จะส่งไปที่อีเมลของบัญชีเท่านั้น)"
      />
      <Card>
        <Input.Search
          aria-label="ชื่อหรือรหัส อปท."
          placeholder="ชื่อหรือรหัส อปท. เช่น คูเมือง"
          allowClear
          enterButton="ค้นหา"
          onSearch={(v) => setQ(v.trim())}
          className="block-gap"
          style={{ maxWidth: 420 }}
        />
        {q && (
          <Loadable state={laos}>
            {(page) => (
              <Table<Lao>
                rowKey="code"
                size="small"
                dataSource={page.items}
                pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
                scroll={screens.md ? { x: 560 } : undefined}
                locale={{ emptyText: <EmptyState title={`ไม่พบ อปท. ที่ชื่อหรือรหัสมีคำว่า “${q}”`} /> }}
                expandable={{
                  columnWidth: screens.md ? 120 : 104,
                  expandedRowRender: (lao) => <LaoAccounts lao={lao} />,
                  expandIcon: ({ expanded, onExpand, record }) => (
                    <Button
                      size="small"
                      aria-expanded={expanded}
                      aria-label={`บัญชีผู้ใช้ของ ${record.nameTh}`}
                      onClick={(e) => onExpand(record, e)}
                    >
                      {expanded ? 'ซ่อนบัญชี' : 'บัญชีผู้ใช้'}
                    </Button>
                  ),
                }}
                columns={[
                  { title: 'รหัส', dataIndex: 'code', width: 100, responsive: ['sm'] },
                  { title: 'ชื่อ อปท.', dataIndex: 'nameTh', width: 240 },
                  {
                    title: 'อำเภอ / จังหวัด',
                    key: 'where',
                    responsive: ['md'],
                    width: 200,
                    render: (_v, l) => `${l.districtTh} / ${l.province.nameTh ?? l.provinceCode}`,
                  },
                ]}
              />
            )}
          </Loadable>
        )}
        {!q && (
          <Typography.Paragraph type="secondary">ถามชื่อ อปท. จากผู้ที่ติดต่อมา แล้วค้นหาด้านบน</Typography.Paragraph>
        )}
      </Card>
    </>
  );
}

function LaoAccounts({ lao }: { lao: Lao }) {
  const state = useLoad(() => accountsApi.list(lao.code), [lao.code]);
  return (
    <Loadable state={state} rows={2}>
      {(page) =>
        page.items.length === 0 ? (
          <Typography.Text type="secondary">{lao.nameTh} ยังไม่มีบัญชีผู้ใช้</Typography.Text>
        ) : (
          <AccountsTable
            label={`บัญชีผู้ใช้ของ ${lao.nameTh}`}
            accounts={page.items}
            reload={state.reload}
            disableConsequences={() => ''}
            lead={[
              {
                title: 'บทบาท',
                key: 'role',
                width: 150,
                render: (_v, a: Account) => (a.role === 'lao_admin' ? ROLE_LABEL.lao_admin : a.position),
              },
            ]}
          />
        )
      }
    </Loadable>
  );
}
