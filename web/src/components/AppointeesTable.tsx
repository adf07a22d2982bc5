import { Table } from 'antd';
import type { OrderGrant } from '../api/types';
import { ROLE_LABEL, fullName } from '../lib/labels';
import { StateTag } from './StateTag';

/** The people an order appoints, with their grant states. */
export function AppointeesTable({ grants }: { grants: OrderGrant[] }) {
  return (
    <Table<OrderGrant>
      rowKey="id"
      size="small"
      dataSource={grants}
      pagination={false}
      scroll={{ x: 520 }}
      columns={[
        { title: 'ลำดับ', key: 'no', width: 64, render: (_v, _g, i) => i + 1 },
        { title: 'ชื่อ-นามสกุล', key: 'name', render: (_v, g) => fullName(g.appointee) },
        {
          title: 'ตำแหน่ง / บทบาท',
          key: 'pos',
          render: (_v, g) => `${g.appointee.position} · ${ROLE_LABEL[g.role]}`,
        },
        { title: 'Username', key: 'user', render: (_v, g) => g.appointee.username },
        { title: 'สถานะสิทธิ์', key: 'state', render: (_v, g) => <StateTag kind="grant" state={g.state} /> },
      ]}
    />
  );
}
