import { InboxOutlined } from '@ant-design/icons';
import { Alert, Progress, Upload } from 'antd';
import { useState } from 'react';
import { ApiError, errorText } from '../../api/errors';
import { ordersApi } from '../../api/orders';
import { adviceFor } from '../../lib/rejections';

const MAX_BYTES = 20 * 1024 * 1024;

/** Drop or pick the signed PDF; shows real upload progress (XMLHttpRequest) and Thai errors. */
export function DocumentUploader({ orderId, onUploaded }: { orderId: string; onUploaded(): void }) {
  const [percent, setPercent] = useState<number | null>(null);
  // The reason, and what to do about it when the code has advice (not a PDF, too large).
  const [error, setError] = useState<{ text: string; advice?: string } | null>(null);

  const start = async (file: File): Promise<void> => {
    setError(null);
    if (!/\.pdf$/i.test(file.name) && file.type !== 'application/pdf') {
      setError({ text: 'กรุณาเลือกไฟล์ PDF เท่านั้น', advice: adviceFor('DOCUMENT_NOT_PDF') });
      return;
    }
    if (file.size > MAX_BYTES) {
      setError({ text: 'ไฟล์มีขนาดเกิน 20 MB', advice: adviceFor('DOCUMENT_TOO_LARGE') });
      return;
    }
    try {
      await ordersApi.upload(orderId, file, setPercent);
      onUploaded();
    } catch (e) {
      setError({ text: errorText(e), advice: e instanceof ApiError ? adviceFor(e.code) : undefined });
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
      {error && (
        <Alert
          type="error"
          showIcon
          title={error.text}
          description={error.advice && <div className="rejection-advice">{error.advice}</div>}
          role="alert"
          className="block-gap-top"
        />
      )}
    </div>
  );
}
