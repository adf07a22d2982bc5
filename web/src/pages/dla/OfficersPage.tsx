import { Alert, App, Button, Card, Form, Input, Select } from 'antd';
import { useAbility } from '@casl/react';
import { asAccount, type AppAbility } from '../../access/ability';
import { useState } from 'react';
import { AccountsTable } from '../../components/account/AccountsTable';
import { accountsApi, type OfficerInput } from '../../api/accounts';
import { errorText } from '../../api/errors';
import { registryApi } from '../../api/registry';
import type { Account } from '../../api/types';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, Loadable } from '../../components/States';
import { JUNK_HINT } from '../../lib/labels';
import { useLoad } from '../../lib/useLoad';

/** DLA creates provincial officers (สถ.จ.); each gets a set-password link by e-mail. */
export function OfficersPage() {
  const provinces = useLoad(() => registryApi.provinces(), []);
  const { message } = App.useApp();
  const [form] = Form.useForm<OfficerInput>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const officers = useLoad(() => accountsApi.officers(), []);
  const [find, setFind] = useState('');
  // DLA central creates officers; the helpdesk only looks them up and sends links.
  const canCreate = useAbility<AppAbility>().can('create', asAccount('province_officer', null, null));

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
      message.success({
        content: `สร้างบัญชี ${account.username} แล้ว ระบบส่งลิงก์ตั้งรหัสผ่านไปที่ ${account.email} ${JUNK_HINT}`,
        duration: 10,
      });
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
        help={
          canCreate
            ? 'สร้างบัญชีเจ้าหน้าที่สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัด ผู้ตรวจสอบคำสั่งแต่งตั้งและสร้างผู้ดูแลระบบ อปท. ดูสถานะลิงก์ ส่งลิงก์ใหม่ แก้ไขอีเมล ระงับหรือเปิดใช้งานบัญชี'
            : 'ค้นหาเจ้าหน้าที่ สถ.จ. ดูสถานะลิงก์ตั้งรหัสผ่านและการเข้าสู่ระบบ และส่งลิงก์ใหม่'
        }
      />
      {canCreate && (
        <Card title="เพิ่มเจ้าหน้าที่ สถ.จ." className="block-gap">
          {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 16 }} />}
          <Loadable state={provinces}>
            {(page) => (
              <Form<OfficerInput> form={form} layout="vertical" onFinish={submit} className="form-narrow">
                <Form.Item
                  name="provinceCode"
                  label="จังหวัด"
                  rules={[{ required: true, message: 'เลือกจังหวัด' }]}
                >
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
      )}
      <Card title="เจ้าหน้าที่ สถ.จ. ทั้งหมด">
        <Loadable state={officers}>
          {(page) => {
            const provinceName = new Map(provinces.data?.items.map((p) => [p.code, p.nameTh]) ?? []);
            const words = find.toLowerCase();
            const shown = words
              ? page.items.filter((a) =>
                  [a.username, a.firstName, a.lastName, a.email, provinceName.get(a.provinceCode ?? '') ?? '']
                    .join(' ')
                    .toLowerCase()
                    .includes(words),
                )
              : page.items;
            return (
              <>
                <Input.Search
                  aria-label="ค้นหาเจ้าหน้าที่ สถ.จ."
                  placeholder="ชื่อ ชื่อผู้ใช้ อีเมล หรือจังหวัด"
                  allowClear
                  onSearch={(v) => setFind(v.trim())}
                  className="block-gap"
                  style={{ maxWidth: 360 }}
                />
                <OfficersTable officers={shown} provinceName={provinceName} reload={officers.reload} />
              </>
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
  if (officers.length === 0) return <EmptyState title="ยังไม่มีเจ้าหน้าที่ สถ.จ." />;
  return (
    <AccountsTable
      label="เจ้าหน้าที่ สถ.จ."
      accounts={officers}
      reload={reload}
      disableConsequences={() =>
        'เจ้าหน้าที่จะเข้าสู่ระบบไม่ได้ทันที เซสชันที่เปิดอยู่สิ้นสุด ลิงก์ที่ยังไม่ได้ใช้จะใช้ไม่ได้ คำสั่งในคิวตรวจสอบของจังหวัดรอเจ้าหน้าที่คนอื่น เปิดใช้งานอีกครั้งได้ภายหลัง'
      }
      lead={[
        {
          title: 'จังหวัด',
          key: 'province',
          width: 120,
          render: (_v, a) => provinceName.get(a.provinceCode ?? '') ?? a.provinceCode,
        },
      ]}
    />
  );
}
