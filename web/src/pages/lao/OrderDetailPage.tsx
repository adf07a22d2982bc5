import { DownloadOutlined, EditOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Descriptions, Popconfirm, Row, Space } from 'antd';
import { useAbility } from '@casl/react';
import { useEffect } from 'react';
import { asOrder, type AppAbility } from '../../access/ability';
import { errorText } from '../../api/errors';
import { ordersApi } from '../../api/orders';
import type { Order } from '../../api/types';
import { AppointeesTable } from '../../components/AppointeesTable';
import { OrderTimeline } from '../../components/OrderTimeline';
import { PageHeader } from '../../components/PageHeader';
import { RevokeOrderButton } from '../../components/RevokeOrderButton';
import { StateTag } from '../../components/StateTag';
import { Loadable } from '../../components/States';
import { thaiDate } from '../../lib/dates';
import { saveBlob } from '../../lib/download';
import { Link, navigate } from '../../lib/router';
import { useLoad } from '../../lib/useLoad';
import { DocumentStatus, isProcessing } from './DocumentStatus';
import { DocumentUploader } from './DocumentUploader';

const POLL_MS = 1500;
const EDITABLE = new Set(['draft', 'returned']);

/** One order for its LAO admin: data, appointees, the PDF (upload + live processing), history, withdraw. */
export function OrderDetailPage({ id }: { id: string }) {
  const state = useLoad(() => ordersApi.get(id), [id]);
  const processing = state.data ? isProcessing(state.data) : false;
  const { reload } = state;

  useEffect(() => {
    if (!processing) return;
    const timer = window.setInterval(() => void reload(), POLL_MS);
    return () => window.clearInterval(timer);
  }, [processing, reload]);

  return (
    <Loadable state={state}>
      {(order) => <OrderView order={order} reload={reload} setOrder={state.setData} />}
    </Loadable>
  );
}

function OrderView({
  order,
  reload,
  setOrder,
}: {
  order: Order;
  reload(): Promise<void>;
  setOrder(o: Order): void;
}) {
  const ability = useAbility<AppAbility>();
  const { message } = App.useApp();
  const subject = asOrder(order.laoCode, order.provinceCode);
  const canUpload = ability.can('upload', subject) && EDITABLE.has(order.state) && !isProcessing(order);
  const canEdit = ability.can('update', subject) && EDITABLE.has(order.state) && !isProcessing(order);
  const canWithdraw = ability.can('withdraw', subject) && order.state === 'uploaded';
  const withdraw = async (): Promise<void> => {
    try {
      setOrder({ ...(await ordersApi.withdraw(order.id, order.version)), latestUpload: order.latestUpload });
      message.success('ถอนคำสั่งกลับมาแก้ไขแล้ว');
      await reload();
    } catch (e) {
      message.error(errorText(e));
    }
  };

  const download = async (): Promise<void> => {
    try {
      saveBlob(await ordersApi.document(order.id), order.document?.filename ?? 'order.pdf');
    } catch (e) {
      message.error(errorText(e));
    }
  };

  return (
    <>
      <PageHeader
        title={`คำสั่ง ${order.orderLabel}`}
        help={<Link to="/orders">← กลับไปรายการคำสั่งแต่งตั้ง</Link>}
        extra={
          <Space wrap>
            {order.document && (
              <Button icon={<DownloadOutlined />} onClick={() => void download()}>
                ดาวน์โหลด PDF
              </Button>
            )}
            {canEdit && (
              <Button icon={<EditOutlined />} onClick={() => navigate(`/orders/${order.id}/edit`)}>
                แก้ไขข้อมูลคำสั่ง
              </Button>
            )}
            {canWithdraw && (
              <Popconfirm
                title="ถอนคำสั่งกลับมาแก้ไข?"
                description="คำสั่งจะออกจากคิวตรวจสอบของ สถ.จ. จนกว่าจะอัปโหลดใหม่"
                okText="ถอนคำสั่ง"
                cancelText="ยกเลิก"
                onConfirm={withdraw}
              >
                <Button danger>ถอนคำสั่ง</Button>
              </Popconfirm>
            )}
            <RevokeOrderButton order={order} onRevoked={reload} />
          </Space>
        }
      />
      {order.state === 'returned' && <ReturnedNotice order={order} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Card title="ข้อมูลคำสั่ง" className="block-gap">
            <Descriptions column={{ xs: 1, sm: 2 }} size="small">
              <Descriptions.Item label="สถานะ">
                <StateTag kind="order" state={order.state} />
              </Descriptions.Item>
              <Descriptions.Item label="เลขที่">{order.orderLabel}</Descriptions.Item>
              <Descriptions.Item label="เรื่อง" span="filled">
                {order.subject}
              </Descriptions.Item>
              <Descriptions.Item label="ลงวันที่">{thaiDate(order.signedDate)}</Descriptions.Item>
              <Descriptions.Item label="มีผลตั้งแต่">{thaiDate(order.effectiveDate)}</Descriptions.Item>
            </Descriptions>
          </Card>
          <Card title="ผู้ได้รับแต่งตั้ง" className="block-gap">
            <AppointeesTable grants={order.grants ?? []} />
          </Card>
          <Card title="ไฟล์คำสั่งแต่งตั้ง (PDF)" className="block-gap">
            <DocumentStatus order={order} />
            {canUpload && (
              <div className="block-gap-top">
                <DocumentUploader orderId={order.id} onUploaded={() => void reload()} />
              </div>
            )}
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card title="ประวัติการดำเนินการ">
            <OrderTimeline history={order.history ?? []} />
          </Card>
        </Col>
      </Row>
    </>
  );
}

/** Why the province sent the order back, and the two steps that resubmit it. */
function ReturnedNotice({ order }: { order: Order }) {
  const returned = [...(order.history ?? [])].reverse().find((h) => h.event === 'return');
  return (
    <Alert
      type="warning"
      showIcon
      role="alert"
      className="block-gap"
      title="สถ.จ. ส่งคำสั่งนี้กลับให้แก้ไข (Returned for correction)"
      description={
        <>
          <div className="returned-reason">เหตุผล: {returned?.reason ?? '-'}</div>
          <div>
            แก้ไขข้อมูลคำสั่งหากไม่ถูกต้อง (ปุ่ม “แก้ไขข้อมูลคำสั่ง”) แล้วอัปโหลดไฟล์ PDF ที่ถูกต้องอีกครั้ง ระบบจะส่งคำสั่งให้ สถ.จ.
            ตรวจสอบใหม่เมื่อไฟล์ผ่านการตรวจ
          </div>
        </>
      }
    />
  );
}
