import { Table, Tag } from 'antd';
import type { ReadinessLao } from '../api/types';
import { thaiDate } from '../lib/dates';
import { stageTag } from './readiness';

/** One row per LAO: stage, admin, staff and orders in progress, services open, details. */
export function ReadinessTable({
  items,
  showProvince = false,
}: {
  items: ReadinessLao[];
  showProvince?: boolean;
}) {
  return (
    <Table<ReadinessLao>
      rowKey="code"
      size="small"
      dataSource={items}
      pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
      scroll={{ x: 890 }}
      columns={[
        {
          title: 'อปท.',
          key: 'lao',
          width: 280,
          render: (_v, r) => (
            <div>
              {r.nameTh} {r.phase1Target && <Tag color="blue">Phase 1</Tag>}
              <div className="small-text">
                {r.code}
                {showProvince ? ` · ${r.province.nameTh}` : ''}
              </div>
            </div>
          ),
        },
        { title: 'ขั้นตอน', key: 'stage', width: 210, render: (_v, r) => stageTag(r.stage) },
        {
          title: 'ผู้ดูแลระบบ',
          key: 'admin',
          width: 150,
          responsive: ['md'],
          render: (_v, r) => r.adminAccount.username ?? '-',
        },
        {
          title: 'ผู้ดูแลเคยเข้าระบบ',
          key: 'signedIn',
          width: 130,
          responsive: ['sm'],
          render: (_v, r) =>
            !r.adminAccount.exists ? (
              '-'
            ) : r.adminAccount.lastSignInAt ? (
              <div>
                <Tag color="success">เคยเข้าระบบ</Tag>
                <div className="small-text">ล่าสุด {thaiDate(r.adminAccount.lastSignInAt)}</div>
              </div>
            ) : (
              <Tag color="warning">ยังไม่เคย</Tag>
            ),
        },
        {
          title: 'คำสั่ง (รอตรวจ/ผ่าน)',
          key: 'orders',
          width: 140,
          responsive: ['md'],
          render: (_v, r) => `${r.orders.uploaded} / ${r.orders.verified + r.orders.active}`,
        },
        {
          title: 'บริการที่เปิด',
          key: 'services',
          width: 100,
          responsive: ['sm'],
          render: (_v, r) => r.servicesOpen,
        },
        {
          title: 'ข้อมูล อปท.',
          key: 'details',
          width: 100,
          responsive: ['sm'],
          render: (_v, r) => (r.detailsComplete ? <Tag color="success">ครบ</Tag> : <Tag>ยังไม่ครบ</Tag>),
        },
      ]}
    />
  );
}
