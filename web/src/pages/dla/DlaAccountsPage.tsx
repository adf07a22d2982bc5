import { Alert, App, Button, Card, Form, Input, Select, Tag } from 'antd';
import { accountsApi, type DlaAccountInput } from '../../api/accounts';
import type { Account } from '../../api/types';
import { AccountsTable } from '../../components/account/AccountsTable';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, Loadable } from '../../components/States';
import { JUNK_HINT, ROLE_LABEL } from '../../lib/labels';
import { useLoad } from '../../lib/useLoad';
import { useSubmit } from '../../lib/useSubmit';

const ROLES: DlaAccountInput['role'][] = ['dla_admin', 'dla_helpdesk'];

/**
 * DLA central is a team: further dla_admins and helpdesk accounts (who answer the letter's phone and
 * LINE), each invited by link; the last active dla_admin cannot be disabled (LAST_DLA_ADMIN).
 */
export function DlaAccountsPage() {
  const accounts = useLoad(() => accountsApi.dlaAccounts(), []);
  const { message } = App.useApp();
  const [form] = Form.useForm<DlaAccountInput>();
  const { busy, error, run } = useSubmit();

  const submit = (v: DlaAccountInput): Promise<void> =>
    run(async () => {
      const account = await accountsApi.createDlaAccount({
        role: v.role,
        username: v.username.trim(),
        fullName: v.fullName.trim(),
        email: v.email.trim(),
      });
      message.success({
        content: `สร้างบัญชี ${account.username} แล้ว ระบบส่งลิงก์ตั้งรหัสผ่านไปที่ ${account.email} ${JUNK_HINT}`,
        duration: 10,
      });
      form.resetFields();
      await accounts.reload();
    });

  return (
    <>
      <PageHeader
        title="บัญชี สถ. ส่วนกลาง"
        help="ผู้ดูแลระบบส่วนกลางและเจ้าหน้าที่ Helpdesk ของกรมส่งเสริมการปกครองท้องถิ่น Helpdesk ค้นหา อปท. และบัญชีผู้ใช้ และส่งลิงก์ตั้งรหัสผ่านได้เท่านั้น"
      />
      <Card title="เพิ่มบัญชี สถ. ส่วนกลาง" className="block-gap">
        {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 16 }} />}
        <Form<DlaAccountInput>
          form={form}
          layout="vertical"
          onFinish={submit}
          className="form-narrow"
          initialValues={{ role: 'dla_helpdesk' }}
        >
          <Form.Item name="role" label="บทบาท" rules={[{ required: true, message: 'เลือกบทบาท' }]}>
            <Select options={ROLES.map((r) => ({ value: r, label: ROLE_LABEL[r] }))} />
          </Form.Item>
          <Form.Item
            name="fullName"
            label="ชื่อ-นามสกุล"
            rules={[{ required: true, whitespace: true, min: 2, message: 'กรุณากรอกชื่อ-นามสกุล' }]}
          >
            <Input placeholder="เช่น นายสมศักดิ์ ช่วยเหลือ" />
          </Form.Item>
          <Form.Item
            name="username"
            label="ชื่อผู้ใช้ (Username)"
            rules={[{ required: true, min: 3, max: 64, message: 'ชื่อผู้ใช้ 3-64 ตัวอักษร' }]}
          >
            <Input placeholder="เช่น dla.helpdesk01" autoComplete="off" />
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
      </Card>
      <Card title="บัญชี สถ. ส่วนกลางทั้งหมด">
        <Loadable state={accounts}>
          {(page) =>
            page.items.length === 0 ? (
              <EmptyState title="ยังไม่มีบัญชี" />
            ) : (
              <AccountsTable
                label="บัญชี สถ. ส่วนกลาง"
                accounts={page.items}
                reload={accounts.reload}
                disableConsequences={(a: Account) =>
                  a.role === 'dla_admin'
                    ? 'บัญชีจะเข้าสู่ระบบไม่ได้ทันที และเซสชันที่เปิดอยู่สิ้นสุด ระบบต้องมีผู้ดูแลระบบส่วนกลางที่ใช้งานได้อย่างน้อยหนึ่งบัญชีเสมอ'
                    : 'บัญชีจะเข้าสู่ระบบไม่ได้ทันที และเซสชันที่เปิดอยู่สิ้นสุด เปิดใช้งานอีกครั้งได้ภายหลัง'
                }
                lead={[
                  {
                    title: 'บทบาท',
                    key: 'role',
                    width: 150,
                    render: (_v, a: Account) => (
                      <Tag color={a.role === 'dla_admin' ? 'blue' : 'purple'}>
                        {a.role === 'dla_admin' ? 'ผู้ดูแลระบบส่วนกลาง' : 'Helpdesk'}
                      </Tag>
                    ),
                  },
                ]}
              />
            )
          }
        </Loadable>
      </Card>
    </>
  );
}
