import { Alert, App, Button, Card, Form, Input, List, Select } from 'antd';
import { useState } from 'react';
import { accountsApi, type OfficerInput } from '../../api/accounts';
import { errorText } from '../../api/errors';
import { registryApi } from '../../api/registry';
import type { Account } from '../../api/types';
import { PageHeader } from '../../components/PageHeader';
import { Loadable } from '../../components/States';
import { fullName } from '../../lib/labels';
import { useLoad } from '../../lib/useLoad';

/** DLA creates provincial officers (สถ.จ.); each gets a set-password link by e-mail. */
export function OfficersPage() {
  const provinces = useLoad(() => registryApi.provinces(), []);
  const { message } = App.useApp();
  const [form] = Form.useForm<OfficerInput>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<Account[]>([]);

  const submit = async (v: OfficerInput): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      const account = await accountsApi.createOfficer({
        ...v,
        username: v.username.trim(),
        fullName: v.fullName.trim(),
        email: v.email.trim(),
      });
      setCreated((list) => [account, ...list]);
      message.success(`สร้างบัญชี ${account.username} แล้ว ระบบส่งลิงก์ตั้งรหัสผ่านทางอีเมล`);
      form.resetFields();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeader
        title="เจ้าหน้าที่ สถ.จ."
        help="สร้างบัญชีเจ้าหน้าที่สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัด ผู้ตรวจสอบคำสั่งแต่งตั้งและสร้างผู้ดูแลระบบ อปท."
      />
      <Card title="เพิ่มเจ้าหน้าที่ สถ.จ." className="block-gap">
        {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 16 }} />}
        <Loadable state={provinces}>
          {(page) => (
            <Form<OfficerInput> form={form} layout="vertical" onFinish={submit} className="form-narrow">
              <Form.Item name="provinceCode" label="จังหวัด" rules={[{ required: true, message: 'เลือกจังหวัด' }]}>
                <Select
                  showSearch={{ optionFilterProp: 'label' }}
                  placeholder="เลือกจังหวัด"
                  options={page.items.map((p) => ({
                    value: p.code,
                    label: `${p.nameTh}${p.phase1Target ? ' (Phase 1)' : ''}`,
                  }))}
                />
              </Form.Item>
              <Form.Item
                name="fullName"
                label="ชื่อ-นามสกุล"
                rules={[{ required: true, whitespace: true, min: 2, message: 'กรุณากรอกชื่อ-นามสกุล' }]}
              >
                <Input placeholder="เช่น นางสาวสุดา ตรวจดี" />
              </Form.Item>
              <Form.Item
                name="username"
                label="ชื่อผู้ใช้ (Username)"
                rules={[{ required: true, min: 3, max: 64, message: 'ชื่อผู้ใช้ 3-64 ตัวอักษร' }]}
              >
                <Input placeholder="เช่น cpm.officer01" autoComplete="off" />
              </Form.Item>
              <Form.Item
                name="email"
                label="อีเมล"
                rules={[{ required: true, type: 'email', message: 'กรุณากรอกอีเมลที่ถูกต้อง' }]}
              >
                <Input inputMode="email" autoComplete="off" />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={busy}>
                สร้างบัญชีและส่งอีเมล
              </Button>
            </Form>
          )}
        </Loadable>
      </Card>
      {created.length > 0 && (
        <Card title="สร้างแล้วในรอบนี้">
          <List
            dataSource={created}
            renderItem={(a) => <List.Item>{`${a.username} · ${fullName(a)} · ${a.email}`}</List.Item>}
          />
        </Card>
      )}
    </>
  );
}
