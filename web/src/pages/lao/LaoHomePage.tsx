import { Alert, Button, Card, Grid, List, Steps, Tag, Typography } from 'antd';
import { accountsApi } from '../../api/accounts';
import { ordersApi } from '../../api/orders';
import { registryApi } from '../../api/registry';
import type { Account, Me } from '../../api/types';
import { PageHeader } from '../../components/PageHeader';
import { Loadable } from '../../components/States';
import { navigate } from '../../lib/router';
import { useLoad } from '../../lib/useLoad';
import { fullName } from '../../lib/labels';
import { notOnOrder, setupSteps } from './setup-progress';

/** The LAO admin's home: setup progress and the one thing to do next. */
export function LaoHomePage({ me }: { me: Me }) {
  const code = me.laoCode ?? '';
  const state = useLoad(async () => {
    const [lao, services, accounts, orders] = await Promise.all([
      registryApi.lao(code),
      registryApi.services(code),
      accountsApi.list(code),
      ordersApi.list(code),
    ]);
    return { lao, services: services.items, accounts: accounts.items, orders: orders.items };
  }, [code]);
  const provisional = me.grantState !== 'active';
  const wide = Grid.useBreakpoint().lg ?? true;

  return (
    <Loadable state={state} rows={6}>
      {(data) => {
        const steps = setupSteps({ ...data, grantState: me.grantState });
        const current = steps.findIndex((s) => !s.done);
        const next = current >= 0 ? steps[current] : null;
        return (
          <>
            <PageHeader
              title={data.lao.nameTh}
              help={`รหัส อปท. ${data.lao.code} · ${data.lao.typeLabel} · อำเภอ${data.lao.districtTh} จังหวัด${data.lao.province.nameTh ?? ''}`}
            />
            {provisional && (
              <Alert
                type="info"
                showIcon
                className="block-gap"
                title="ท่านเป็นผู้ดูแลระบบชั่วคราว"
                description="เตรียมข้อมูล เพิ่มเจ้าหน้าที่ และอัปโหลดคำสั่งแต่งตั้งได้ทันที แต่จะเปิดให้บริการประชาชนได้หลังจากคำสั่งแต่งตั้งผู้ดูแลระบบผ่านการตรวจสอบแล้ว"
              />
            )}
            <Card title="ความคืบหน้าการตั้งค่า" className="block-gap">
              <Steps
                current={current < 0 ? steps.length : current}
                orientation={wide ? 'horizontal' : 'vertical'}
                items={steps.map((s) => ({
                  title: s.title,
                  status: s.done ? 'finish' : s === next ? 'process' : 'wait',
                  content: s.done ? 'เรียบร้อย' : undefined,
                }))}
              />
            </Card>
            <NotOnOrder people={notOnOrder(data.accounts)} show={steps[2].done || data.orders.length > 0} />
            <Card title="สิ่งที่ต้องทำต่อไป">
              {next ? (
                <>
                  <Typography.Paragraph>{next.next}</Typography.Paragraph>
                  <Button type="primary" onClick={() => navigate(next.path)}>
                    {next.action}
                  </Button>
                </>
              ) : (
                <Typography.Paragraph>
                  ตั้งค่าครบทุกขั้นตอนแล้ว ท่านสามารถเปิดงานบริการให้ประชาชนได้ที่หน้า “ระบบจัดการงานบริการ”
                </Typography.Paragraph>
              )}
            </Card>
          </>
        );
      }}
    </Loadable>
  );
}

/** Who is on no submitted order yet: each needs a signed order before their rights take effect. */
function NotOnOrder({ people, show }: { people: Account[]; show: boolean }) {
  if (!show || people.length === 0) return null;
  return (
    <Card title={`ยังไม่อยู่ในคำสั่งแต่งตั้ง (${people.length} คน)`} className="block-gap not-on-order">
      <Typography.Paragraph type="secondary">
        ผู้ที่ยังไม่อยู่ในคำสั่งแต่งตั้งที่ส่งตรวจแล้ว ทุกคนต้องอยู่ในคำสั่งแต่งตั้งที่อัปโหลดและส่งให้ สถ.จ. ตรวจสอบ สิทธิ์จึงจะมีผล
      </Typography.Paragraph>
      <List
        size="small"
        dataSource={people}
        renderItem={(a) => (
          <List.Item>
            <span>
              {fullName(a)} <Typography.Text type="secondary">({a.username})</Typography.Text>{' '}
              {a.role === 'lao_admin' && <Tag>ผู้ดูแลระบบ</Tag>}
              {(a.pendingGrant ?? a.grant)?.orderId ? (
                <Tag color="default">อยู่ในคำสั่งฉบับร่าง ยังไม่ได้อัปโหลด</Tag>
              ) : (
                <Tag color="warning">ยังไม่อยู่ในคำสั่งใด</Tag>
              )}
            </span>
          </List.Item>
        )}
      />
      <Button onClick={() => navigate('/orders')}>ไปที่คำสั่งแต่งตั้ง</Button>
    </Card>
  );
}
