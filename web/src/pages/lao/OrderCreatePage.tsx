import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  DatePicker,
  Form,
  Input,
  Row,
  Space,
  Typography,
} from 'antd';
import { useState } from 'react';
import { accountsApi } from '../../api/accounts';
import { errorText } from '../../api/errors';
import { ordersApi } from '../../api/orders';
import type { Account } from '../../api/types';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, Loadable } from '../../components/States';
import { PICKER_FORMAT, currentBuddhistYear, dayjs, toApiDate, type Dayjs } from '../../lib/dates';
import { ROLE_LABEL, fullName } from '../../lib/labels';
import { Link, navigate } from '../../lib/router';
import { useLoad } from '../../lib/useLoad';

interface Values {
  orderNo: string;
  orderYear: string;
  subject: string;
  signedDate: Dayjs;
  effectiveDate: Dayjs;
  grantIds: string[];
}

const DIGITS = /^\s*(?:[0-9]{1,15}|[\u0e50-\u0e59]{1,15})\s*$/;
const digitsRule = { pattern: DIGITS, message: 'กรอกเป็นตัวเลขไทยหรืออารบิก เช่น 12 หรือ ๑๒' };

/** A new order: number (ที่ n/ปี พ.ศ.), dates and the appointees (draft grants), then the PDF on the next page. */
export function OrderCreatePage({ laoCode }: { laoCode: string }) {
  const state = useLoad(() => accountsApi.list(laoCode), [laoCode]);
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (v: Values): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      const order = await ordersApi.create(laoCode, {
        orderNo: v.orderNo.trim(),
        orderYear: v.orderYear.trim(),
        subject: v.subject.trim(),
        signedDate: toApiDate(v.signedDate),
        effectiveDate: toApiDate(v.effectiveDate),
        grantIds: v.grantIds,
      });
      message.success(`สร้างคำสั่ง ${order.orderLabel} แล้ว ขั้นต่อไป: อัปโหลดไฟล์ PDF`);
      navigate(`/orders/${order.id}`);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeader title="สร้างคำสั่งแต่งตั้ง" help="กรอกข้อมูลให้ตรงกับคำสั่งที่ลงนามแล้ว ระบบจะตรวจเทียบกับข้อความในไฟล์ PDF" />
      <Loadable state={state}>
        {(page) => {
          const candidates = page.items.filter(
            (a) => a.grant?.state === 'draft' && !a.grant.orderId && a.status !== 'disabled',
          );
          return (
            <Card>
              {error && (
                <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 16 }} />
              )}
              <Form<Values>
                layout="vertical"
                onFinish={submit}
                initialValues={{
                  orderYear: String(currentBuddhistYear()),
                  subject: 'แต่งตั้งผู้ดูแลระบบและเจ้าหน้าที่ผู้ปฏิบัติงานระบบ Digital DLA',
                  signedDate: dayjs(),
                  effectiveDate: dayjs(),
                  grantIds: candidates.map((a) => a.grant?.id ?? ''),
                }}
              >
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
                    <Form.Item
                      name="signedDate"
                      label="ลงวันที่"
                      rules={[{ required: true, message: 'เลือกวันที่ลงนาม' }]}
                    >
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
                    <Checkbox.Group className="appointee-options">
                      <Space orientation="vertical">
                        {candidates.map((a) => (
                          <Checkbox key={a.id} value={a.grant?.id}>
                            <AppointeeLabel account={a} />
                          </Checkbox>
                        ))}
                      </Space>
                    </Checkbox.Group>
                  )}
                </Form.Item>
                <Space>
                  <Button type="primary" htmlType="submit" loading={busy} disabled={candidates.length === 0}>
                    สร้างคำสั่ง
                  </Button>
                  <Button onClick={() => navigate('/orders')}>ยกเลิก</Button>
                </Space>
              </Form>
            </Card>
          );
        }}
      </Loadable>
    </>
  );
}

function AppointeeLabel({ account }: { account: Account }) {
  return (
    <span>
      {fullName(account)}{' '}
      <Typography.Text type="secondary">
        ({account.role === 'lao_admin' ? ROLE_LABEL.lao_admin : account.position}, {account.username})
      </Typography.Text>
    </span>
  );
}
