import { LoadingOutlined } from '@ant-design/icons';
import { Alert, Space, Typography } from 'antd';
import type { Order } from '../../api/types';
import { FindingsList } from '../../components/FindingsList';
import { StateTag } from '../../components/StateTag';
import { thaiDateTime } from '../../lib/dates';
import { rejectionAdvice } from '../../lib/rejections';

export const isProcessing = (order: Order): boolean =>
  !!order.latestUpload &&
  (order.latestUpload.state === 'processing' || order.latestUpload.state === 'received');

/** Where the newest upload is: processing (live), rejected with the reason, or accepted with findings. */
export function DocumentStatus({ order }: { order: Order }) {
  const latest = order.latestUpload ?? null;
  const current = order.document ?? null;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      {latest && isProcessing(order) && (
        <Alert
          type="info"
          showIcon
          icon={<LoadingOutlined />}
          role="status"
          title="กำลังตรวจสอบไฟล์…"
          description={`ระบบกำลังตรวจไฟล์ “${latest.filename}” และเทียบข้อความกับข้อมูลคำสั่ง หน้านี้จะแสดงผลเมื่อเสร็จ`}
        />
      )}
      {latest && latest.state === 'rejected' && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={`ไฟล์ “${latest.filename}” ไม่ผ่านการตรวจสอบ`}
          description={
            <>
              <div>{latest.rejection?.message ?? 'ไฟล์ไม่ถูกต้อง'}</div>
              <div className="rejection-advice">{rejectionAdvice(latest.rejection?.code)}</div>
            </>
          }
        />
      )}
      {current ? (
        <div>
          <Space wrap>
            <Typography.Text strong>ไฟล์ปัจจุบัน:</Typography.Text>
            <Typography.Text>{current.filename}</Typography.Text>
            <StateTag kind="document" state={current.state} />
            <Typography.Text type="secondary">
              {current.pages ?? '-'} หน้า · อัปโหลด {thaiDateTime(current.createdAt)}
              {current.ocr ? ' · อ่านด้วย OCR' : ''}
            </Typography.Text>
          </Space>
          <div className="block-gap-top">
            <FindingsList findings={current.findings} />
          </div>
        </div>
      ) : (
        !latest && <Typography.Text type="secondary">ยังไม่ได้อัปโหลดไฟล์คำสั่ง</Typography.Text>
      )}
    </Space>
  );
}
