import { Alert, Button, Card, Col, DatePicker, Form, Input, Row, Space } from 'antd';
import type { Account } from '../../api/types';
import type { OrderInput } from '../../api/orders';
import { EmptyState } from '../../components/States';
import { PICKER_FORMAT, toApiDate, type Dayjs } from '../../lib/dates';
import { Link } from '../../lib/router';
import { draftGrantOf } from '../../lib/grants';
import { AppointeePicker } from './AppointeePicker';

export interface OrderFormValues {
  orderNo: string;
  orderYear: string;
  subject: string;
  signedDate: Dayjs;
  effectiveDate: Dayjs;
  grantIds: string[];
}

const DIGITS = /^\s*(?:[0-9]{1,15}|[\u0e50-\u0e59]{1,15})\s*$/;
const digitsRule = { pattern: DIGITS, message: 'กรอกเป็นตัวเลขไทยหรืออารบิก เช่น 12 หรือ ๑๒' };

export const toOrderInput = (v: OrderFormValues): OrderInput => ({
  orderNo: v.orderNo.trim(),
  orderYear: v.orderYear.trim(),
  subject: v.subject.trim(),
  signedDate: toApiDate(v.signedDate),
  effectiveDate: toApiDate(v.effectiveDate),
  grantIds: v.grantIds,
});

/** The order's fields (ที่ n/ปี พ.ศ., dates, subject, appointees), shared by the create and edit pages. */
export function OrderForm({
  initialValues,
  candidates,
  error,
  busy,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  initialValues: OrderFormValues;
  candidates: Account[];
  error: string | null;
  busy: boolean;
  submitLabel: string;
  onSubmit(values: OrderFormValues): void;
  onCancel(): void;
}) {
  return (
    <Card>
      {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 16 }} />}
      <Form<OrderFormValues> layout="vertical" onFinish={onSubmit} initialValues={initialValues}>
        <Row gutter={12}>
          <Col xs={12} sm={6}>
            <Form.Item
              name="orderNo"
              label="เลขที่คำสั่ง (ที่)"
              rules={[{ required: true, message: 'กรุณากรอกเลขที่' }, digitsRule]}
            >
              <Input inputMode="numeric" placeholder="เช่น 12" />
            </Form.Item>
          </Col>
          <Col xs={12} sm={6}>
            <Form.Item
              name="orderYear"
              label="ปี พ.ศ."
              rules={[{ required: true, message: 'กรุณากรอกปี พ.ศ.' }, digitsRule]}
            >
              <Input inputMode="numeric" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={6}>
            <Form.Item name="signedDate" label="ลงวันที่" rules={[{ required: true, message: 'เลือกวันที่ลงนาม' }]}>
              <DatePicker format={PICKER_FORMAT} inputReadOnly style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={6}>
            <Form.Item
              name="effectiveDate"
              label="มีผลตั้งแต่วันที่"
              rules={[{ required: true, message: 'เลือกวันที่มีผล' }]}
            >
              <DatePicker format={PICKER_FORMAT} inputReadOnly style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="subject"
          label="เรื่อง"
          rules={[{ required: true, whitespace: true, message: 'กรุณากรอกเรื่อง' }, { max: 500 }]}
        >
          <Input />
        </Form.Item>
        <Form.Item
          name="grantIds"
          label="ผู้ได้รับแต่งตั้งในคำสั่งนี้"
          rules={[{ required: true, type: 'array', min: 1, message: 'เลือกผู้ได้รับแต่งตั้งอย่างน้อย 1 คน' }]}
        >
          {candidates.length === 0 ? (
            <EmptyState
              title="ไม่มีผู้ที่รอคำสั่งแต่งตั้ง ทุกคนอยู่ในคำสั่งอื่นแล้ว หรือยังไม่ได้เพิ่มเจ้าหน้าที่"
              action={<Link to="/staff">ไปหน้าเจ้าหน้าที่</Link>}
            />
          ) : (
            <AppointeePicker candidates={candidates} />
          )}
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={busy} disabled={candidates.length === 0}>
            {submitLabel}
          </Button>
          <Button onClick={onCancel}>ยกเลิก</Button>
        </Space>
      </Form>
    </Card>
  );
}

/** Staff and admins whose draft grant (first appointment or permission change) is free, or already on `orderId`, and who are not disabled. */
export const appointeeCandidates = (accounts: Account[], orderId?: string): Account[] =>
  accounts.filter((a) => {
    const grant = draftGrantOf(a);
    return !!grant && (!grant.orderId || grant.orderId === orderId) && a.status !== 'disabled';
  });
