import { Table, Typography } from 'antd';
import { ordersApi } from '../../api/orders';
import type { Order } from '../../api/types';
import { StateTag } from '../../components/StateTag';
import { Loadable } from '../../components/States';
import { thaiDate } from '../../lib/dates';
import { Link } from '../../lib/router';
import { useLoad } from '../../lib/useLoad';

/** One LAO's appointment orders for the province officer (any state), each linking to its page. */
export function LaoOrders({ laoCode, laoName }: { laoCode: string; laoName: string }) {
  const state = useLoad(() => ordersApi.list(laoCode), [laoCode]);
  return (
    <Loadable state={state} rows={2}>
      {(page) =>
        page.items.length === 0 ? (
          <Typography.Text type="secondary">{laoName} ยังไม่มีคำสั่งแต่งตั้ง</Typography.Text>
        ) : (
          <>
            <Table<Order>
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={page.items}
              aria-label={`คำสั่งแต่งตั้งของ ${laoName}`}
              columns={[
                {
                  title: 'เลขที่',
                  key: 'no',
                  render: (_v, o) => (
                    <Link to={`/orders/${o.id}`} aria-label={`คำสั่ง ${o.orderLabel} ของ ${laoName}`}>
                      {o.orderLabel}
                    </Link>
                  ),
                },
                { title: 'เรื่อง', dataIndex: 'subject' },
                { title: 'มีผลตั้งแต่', key: 'effective', render: (_v, o) => thaiDate(o.effectiveDate) },
                {
                  title: 'สถานะ',
                  key: 'state',
                  render: (_v, o) => <StateTag kind="order" state={o.state} />,
                },
              ]}
            />
            {page.nextCursor && (
              <Typography.Text type="secondary">แสดง {page.items.length} คำสั่งล่าสุด</Typography.Text>
            )}
          </>
        )
      }
    </Loadable>
  );
}
