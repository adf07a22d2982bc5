import { Alert, App, Button, Card, Form, Input, Popconfirm, Select, Table } from 'antd';
import { useAbility } from '@casl/react';
import { asAccount, type AppAbility } from '../../access/ability';
import { useState } from 'react';
import { accountsApi, type OfficerInput } from '../../api/accounts';
import { errorText } from '../../api/errors';
import { registryApi } from '../../api/registry';
import type { Account } from '../../api/types';
import { PageHeader } from '../../components/PageHeader';
import { StateTag } from '../../components/StateTag';
import { EmptyState, Loadable } from '../../components/States';
import { fullName } from '../../lib/labels';
import { useLoad } from '../../lib/useLoad';

/** DLA creates provincial officers (สถ.จ.); each gets a set-password link by e-mail. */
export function OfficersPage() {
  const provinces = useLoad(() => registryApi.provinces(), []);
  const { message } = App.useApp();
  const [form] = Form.useForm<OfficerInput>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const officers = useLoad(() => accountsApi.officers(), []);

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
      await officers.reload();
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
      <Card title="เจ้าหน้าที่ สถ.จ. ทั้งหมด">
        <Loadable state={officers}>
          {(page) => {
            const provinceName = new Map(provinces.data?.items.map((p) => [p.code, p.nameTh]) ?? []);
            return (
              <OfficersTable officers={page.items} provinceName={provinceName} reload={officers.reload} />
            );
          }}
        </Loadable>
      </Card>
    </>
  );
}

function OfficersTable({
  officers,
  provinceName,
  reload,
}: {
  officers: Account[];
  provinceName: Map<string, string>;
  reload(): Promise<void>;
}) {
  const ability = useAbility<AppAbility>();
  const { message } = App.useApp();
  const disable = async (a: Account): Promise<void> => {
    try {
      await accountsApi.disable(a.id);
      message.success(`ระงับบัญชี ${a.username} แล้ว`);
      await reload();
    } catch (e) {
      message.error(errorText(e));
    }
  };
  if (officers.length === 0) return <EmptyState title="ยังไม่มีเจ้าหน้าที่ สถ.จ. เพิ่มได้จากแบบฟอร์มด้านบน" />;
  return (
    <Table<Account>
      rowKey="id"
      size="small"
      dataSource={officers}
      pagination={{ pageSize: 50, hideOnSinglePage: true }}
      scroll={{ x: 640 }}
      columns={[
        {
          title: 'จังหวัด',
          key: 'province',
          render: (_v, a) => provinceName.get(a.provinceCode ?? '') ?? a.provinceCode,
        },
        { title: 'ชื่อผู้ใช้', dataIndex: 'username' },
        { title: 'ชื่อ-นามสกุล', key: 'name', render: (_v, a) => fullName(a) },
        { title: 'อีเมล', dataIndex: 'email' },
        { title: 'สถานะ', key: 'status', render: (_v, a) => <StateTag kind="account" state={a.status} /> },
        {
          title: 'จัดการ',
          key: 'actions',
          render: (_v, a) =>
            ability.can('disable', asAccount(a.role, a.laoCode, a.provinceCode)) &&
            a.status !== 'disabled' ? (
              <Popconfirm
                title={`ระงับบัญชี ${a.username}?`}
                description="เจ้าหน้าที่จะเข้าสู่ระบบไม่ได้ทันที"
                okText="ระงับบัญชี"
                cancelText="ยกเลิก"
                okButtonProps={{ danger: true }}
                onConfirm={() => disable(a)}
              >
                <Button size="small" danger aria-label={`ระงับ ${a.username}`}>
                  ระงับ
                </Button>
              </Popconfirm>
            ) : null,
        },
      ]}
    />
  );
}
