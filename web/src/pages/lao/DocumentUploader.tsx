import { InboxOutlined } from '@ant-design/icons';
import { Alert, Progress, Upload } from 'antd';
import { useState } from 'react';
import { errorText } from '../../api/errors';
import { ordersApi } from '../../api/orders';

const MAX_BYTES = 20 * 1024 * 1024;

/** Drop or pick the signed PDF; shows real upload progress (XMLHttpRequest) and Thai errors. */
export function DocumentUploader({ orderId, onUploaded }: { orderId: string; onUploaded(): void }) {
  const [percent, setPercent] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);

  const start = async (file: File): Promise<void> => {
    setError(null);
    if (!/\.pdf$/i.test(file.name) && file.type !== 'application/pdf') {
      setError('กรุณาเลือกไฟล์ PDF เท่านั้น');
      return;
    }
    if (file.size > MAX_BYTES) {
      setError('ไฟล์มีขนาดเกิน 20 MB');
      return;
    }
    try {
      await ordersApi.upload(orderId, file, setPercent);
      onUploaded();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setPercent(null);
    }
  };

  return (
    <div className="uploader">
      <Upload.Dragger
        accept="application/pdf,.pdf"
        multiple={false}
        showUploadList={false}
        disabled={percent !== null}
        beforeUpload={(file) => {
          void start(file);
          return false;
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">คลิกหรือลากไฟล์คำสั่งแต่งตั้ง (PDF) มาวางที่นี่</p>
        <p className="ant-upload-hint">ไฟล์ PDF ที่ลงนามแล้ว ขนาดไม่เกิน 20 MB ไม่เกิน 50 หน้า ไม่ตั้งรหัสผ่าน</p>
      </Upload.Dragger>
      {percent !== null && (
        <div role="status" aria-live="polite" className="upload-progress">
          <span>กำลังอัปโหลด…</span>
          <Progress percent={percent} status="active" aria-label="ความคืบหน้าการอัปโหลด" />
        </div>
      )}
      {error && <Alert type="error" showIcon title={error} role="alert" className="block-gap-top" />}
    </div>
  );
}
