import { Card, Descriptions, Grid, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { ReactNode } from 'react';
import type { Account } from '../../api/types';
import { fullName } from '../../lib/labels';
import { StateTag } from '../StateTag';
import { AccountActions } from './AccountActions';
import { AccessSummary } from './InvitationInfo';

/**
 * Accounts someone manages (DLA's officers and its own team; the helpdesk's look-ups): e-mail,
 * status, invitation and last sign-in, and what the caller may do with each.
 */
export function AccountsTable({
  accounts,
  lead = [],
  reload,
  disableConsequences,
  label,
}: {
  accounts: Account[];
  /** Columns before the username (province, role). */
  lead?: ColumnsType<Account>;
  reload(): void | Promise<void>;
  disableConsequences(a: Account): string;
  label: string;
}) {
  const phone = !(Grid.useBreakpoint().md ?? true);
  if (phone) {
    // Phones: one card per account, every field and button in view.
    return (
      <div className="staff-cards" role="list" aria-label={label}>
        {accounts.map((a) => (
          <Card key={a.id} size="small" title={fullName(a)} className="account-card" role="listitem">
            <Descriptions column={1} size="small">
              {lead.map((c, i) => (
                <Descriptions.Item key={String(c.key ?? i)} label={c.title as string}>
                  {'render' in c && c.render ? (c.render(undefined, a, i) as ReactNode) : null}
                </Descriptions.Item>
              ))}
              <Descriptions.Item label="ชื่อผู้ใช้">{a.username}</Descriptions.Item>
              <Descriptions.Item label="อีเมล">
                <span className="break-all">{a.email}</span>
              </Descriptions.Item>
              <Descriptions.Item label="สถานะ">
                <StateTag kind="account" state={a.status} />
              </Descriptions.Item>
              <Descriptions.Item label="การเข้าใช้งาน">
                <AccessSummary account={a} />
              </Descriptions.Item>
            </Descriptions>
            <AccountActions account={a} onChanged={reload} disableConsequences={disableConsequences(a)} />
          </Card>
        ))}
      </div>
    );
  }
  return (
    <Table<Account>
      rowKey="id"
      size="small"
      aria-label={label}
      dataSource={accounts}
      pagination={{ pageSize: 50, hideOnSinglePage: true }}
      scroll={{ x: 1040 }}
      columns={[
        ...lead,
        { title: 'ชื่อผู้ใช้', dataIndex: 'username', width: 150 },
        { title: 'ชื่อ-นามสกุล', key: 'name', width: 170, render: (_v, a) => fullName(a) },
        {
          title: 'อีเมล',
          dataIndex: 'email',
          width: 200,
          render: (v: string) => <span className="break-all">{v}</span>,
        },
        {
          title: 'สถานะ',
          key: 'status',
          width: 100,
          render: (_v, a) => <StateTag kind="account" state={a.status} />,
        },
        {
          title: 'การเข้าใช้งาน',
          key: 'access',
          width: 220,
          render: (_v, a) => <AccessSummary account={a} />,
        },
        {
          title: 'จัดการ',
          key: 'actions',
          width: 190,
          // Stays in view while the table scrolls sideways; the buttons wrap.
          fixed: 'right',
          render: (_v, a) => (
            <AccountActions account={a} onChanged={reload} disableConsequences={disableConsequences(a)} />
          ),
        },
      ]}
    />
  );
}
