import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Table } from 'antd';
import { Can } from '@casl/react';
import { asOrder } from '../../access/ability';
import { ordersApi } from '../../api/orders';
import type { Order } from '../../api/types';
import { PageHeader } from '../../components/PageHeader';
import { StateTag } from '../../components/StateTag';
import { EmptyState, Loadable } from '../../components/States';
import { thaiDate } from '../../lib/dates';
import { Link, navigate } from '../../lib/router';
import { useLoad } from '../../lib/useLoad';

/** The LAO's appointment orders, newest first. */
export function OrdersPage({ laoCode }: { laoCode: string }) {
  const state = useLoad(() => ordersApi.list(laoCode), [laoCode]);
  const create = (
    <Can I="create" this={asOrder(laoCode, '')}>
      <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/orders/new')}>
        สร้างคำสั่งแต่งตั้ง
      </Button>
    </Can>
  );
  return (
    <>
      <PageHeader
        title="คำสั่งแต่งตั้ง"
        help="สร้างคำสั่งแต่งตั้งผู้ดูแลระบบและเจ้าหน้าที่ แนบไฟล์ PDF ที่ลงนามแล้ว แล้วรอ สถ.จ. ตรวจสอบ"
        extra={create}
      />
      <Loadable state={state}>
        {(page) => (
          <Card>
            <Table<Order>
              rowKey="id"
              dataSource={page.items}
              pagination={false}
              scroll={{ x: 720 }}
              locale={{
                emptyText: (
                  <EmptyState title="ยังไม่มีคำสั่งแต่งตั้ง เพิ่มเจ้าหน้าที่ก่อน แล้วกด “สร้างคำสั่งแต่งตั้ง” เพื่อแนบคำสั่งที่ลงนามแล้ว" />
                ),
              }}
              columns={[
                {
                  title: 'เลขที่คำสั่ง',
                  key: 'label',
                  width: 130,
                  render: (_v, o) => <Link to={`/orders/${o.id}`}>{o.orderLabel}</Link>,
                },
                { title: 'เรื่อง', dataIndex: 'subject' },
                { title: 'ลงวันที่', key: 'signed', width: 170, render: (_v, o) => thaiDate(o.signedDate) },
                {
                  title: 'สถานะ',
                  key: 'state',
                  width: 130,
                  render: (_v, o) => <StateTag kind="order" state={o.state} />,
                },
                {
                  title: 'เอกสาร',
                  key: 'doc',
                  width: 160,
                  render: (_v, o) =>
                    o.document ? <StateTag kind="document" state={o.document.state} /> : 'ยังไม่อัปโหลด',
                },
              ]}
            />
          </Card>
        )}
      </Loadable>
    </>
  );
}
