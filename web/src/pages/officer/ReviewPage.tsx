import { App, Button, Card, Col, Descriptions, Row, Space, Typography } from 'antd';
import { useAbility } from '@casl/react';
import { useCallback, useState } from 'react';
import { asOrder, type AppAbility } from '../../access/ability';
import { errorText } from '../../api/errors';
import { ordersApi } from '../../api/orders';
import type { Order } from '../../api/types';
import { AppointeesTable } from '../../components/AppointeesTable';
import { FindingsList } from '../../components/FindingsList';
import { OrderTimeline } from '../../components/OrderTimeline';
import { PageHeader } from '../../components/PageHeader';
import { PdfPreview } from '../../components/PdfPreview';
import { ReasonModal } from '../../components/ReasonModal';
import { RevokeOrderButton } from '../../components/RevokeOrderButton';
import { StateTag } from '../../components/StateTag';
import { Loadable } from '../../components/States';
import { useAuth } from '../../auth/AuthContext';
import { thaiDate, thaiDateTime } from '../../lib/dates';
import { Link, navigate } from '../../lib/router';
import { useLoad } from '../../lib/useLoad';

/** The officer's review: the PDF beside the order's data and findings; verify or return with a reason. */
export function ReviewPage({ id }: { id: string }) {
  const state = useLoad(() => ordersApi.get(id), [id]);
  return (
    <Loadable state={state} rows={8}>
      {(order) => <Review order={order} reload={state.reload} />}
    </Loadable>
  );
}

function Review({ order, reload }: { order: Order; reload(): Promise<void> }) {
  const { me } = useAuth();
  const ability = useAbility<AppAbility>();
  const { message } = App.useApp();
  const [returning, setReturning] = useState(false);
  const [busy, setBusy] = useState(false);
  const subject = asOrder(order.laoCode, order.provinceCode);
  const doc = order.document ?? null;
  const reviewable = order.state === 'uploaded' && !!doc;
  const loadPdf = useCallback(() => ordersApi.document(order.id), [order.id]);

  const act = async (work: () => Promise<Order>, done: string): Promise<void> => {
    setBusy(true);
    try {
      await work();
      message.success(done);
      navigate('/review-queue');
    } catch (e) {
      message.error(errorText(e));
      await reload();
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeader
        title={reviewable ? `ตรวจสอบคำสั่ง ${order.orderLabel}` : `คำสั่ง ${order.orderLabel}`}
        help={
          <span>
            {order.laoName} ({order.laoCode}) ·{' '}
            {me?.role === 'province_officer' ? (
              <Link to="/review-queue">กลับไปคิวตรวจสอบ</Link>
            ) : (
              <Link to="/">กลับหน้าหลัก</Link>
            )}
          </span>
        }
        extra={
          order.state === 'active' ? (
            // No longer reviewed; the officer may still end it (the appointees lose their rights).
            <RevokeOrderButton order={order} onRevoked={reload} />
          ) : (
            reviewable && (
              <Space wrap>
                {ability.can('return', subject) && (
                  <Button danger onClick={() => setReturning(true)} disabled={busy}>
                    ส่งกลับแก้ไข
                  </Button>
                )}
                {ability.can('verify', subject) && doc && (
                  <Button
                    type="primary"
                    loading={busy}
                    onClick={() =>
                      void act(
                        () => ordersApi.verify(order.id, order.version, doc.sha256),
                        `คำสั่ง ${order.orderLabel} ผ่านการตรวจสอบแล้ว`,
                      )
                    }
                  >
                    ผ่านการตรวจสอบ
                  </Button>
                )}
              </Space>
            )
          )
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} md={13}>
          <Card title={doc ? `เอกสาร: ${doc.filename}` : 'เอกสาร'} className="review-document">
            {doc ? (
              <PdfPreview load={loadPdf} label={`คำสั่ง ${order.orderLabel}`} />
            ) : (
              <Typography.Text type="secondary">ยังไม่มีเอกสาร</Typography.Text>
            )}
          </Card>
        </Col>
        <Col xs={24} md={11}>
          <Card title="ข้อมูลที่ อปท. กรอก" className="block-gap">
            <Descriptions column={1} size="small">
              <Descriptions.Item label="สถานะ">
                <StateTag kind="order" state={order.state} />
              </Descriptions.Item>
              <Descriptions.Item label="อปท.">{order.laoName}</Descriptions.Item>
              <Descriptions.Item label="เลขที่">{order.orderLabel}</Descriptions.Item>
              <Descriptions.Item label="เรื่อง">{order.subject}</Descriptions.Item>
              <Descriptions.Item label="ลงวันที่">{thaiDate(order.signedDate)}</Descriptions.Item>
              <Descriptions.Item label="มีผลตั้งแต่">{thaiDate(order.effectiveDate)}</Descriptions.Item>
              <Descriptions.Item label="ส่งเมื่อ">{thaiDateTime(order.submittedAt)}</Descriptions.Item>
            </Descriptions>
          </Card>
          <Card title="ผลการตรวจเทียบเอกสารอัตโนมัติ" className="block-gap">
            {doc ? (
              <>
                <Space className="block-gap" wrap>
                  <StateTag kind="document" state={doc.state} />
                  <Typography.Text type="secondary">
                    {doc.pages ?? '-'} หน้า{doc.ocr ? ' · ข้อความจาก OCR' : ''} · SHA-256{' '}
                    {doc.sha256.slice(0, 12)}…
                  </Typography.Text>
                </Space>
                <FindingsList findings={doc.findings} />
              </>
            ) : (
              '-'
            )}
          </Card>
          <Card title="ผู้ได้รับแต่งตั้ง" className="block-gap">
            <AppointeesTable grants={order.grants ?? []} />
          </Card>
          <Card title="ประวัติ">
            <OrderTimeline history={order.history ?? []} />
          </Card>
        </Col>
      </Row>
      {returning && (
        <ReasonModal
          title="ส่งกลับให้ อปท. แก้ไข"
          okText="ส่งกลับ"
          placeholder="เช่น เลขที่คำสั่งในเอกสารไม่ตรงกับที่กรอก"
          busy={busy}
          onCancel={() => setReturning(false)}
          onSubmit={(reason) =>
            void act(
              () => ordersApi.returnOrder(order.id, order.version, reason),
              `ส่งคำสั่ง ${order.orderLabel} กลับให้แก้ไขแล้ว`,
            )
          }
        />
      )}
    </>
  );
}
