import { Col, Form, Input, Row, Select } from 'antd';

const TITLES = ['นาย', 'นาง', 'นางสาว'];

/** คำนำหน้า · ชื่อ · นามสกุล as one row of a person form (LAO admins and staff). */
export function PersonNameFields() {
  return (
    <Row gutter={12}>
      <Col xs={24} sm={6}>
        <Form.Item name="title" label="คำนำหน้า" rules={[{ required: true, message: 'เลือกคำนำหน้า' }]}>
          <Select options={TITLES.map((t) => ({ value: t, label: t }))} />
        </Form.Item>
      </Col>
      <Col xs={24} sm={9}>
        <Form.Item
          name="firstName"
          label="ชื่อ"
          rules={[{ required: true, whitespace: true, message: 'กรุณากรอกชื่อ' }]}
        >
          <Input autoComplete="off" />
        </Form.Item>
      </Col>
      <Col xs={24} sm={9}>
        <Form.Item
          name="lastName"
          label="นามสกุล"
          rules={[{ required: true, whitespace: true, message: 'กรุณากรอกนามสกุล' }]}
        >
          <Input autoComplete="off" />
        </Form.Item>
      </Col>
    </Row>
  );
}
