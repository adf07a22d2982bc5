import { Card, Descriptions, Tag } from 'antd';
import { registryApi } from '../../api/registry';
import type { Me, ServicePermission } from '../../api/types';
import { PageHeader } from '../../components/PageHeader';
import { StateTag } from '../../components/StateTag';
import { SERVICE_ACTION_LABEL, fullName } from '../../lib/labels';
import { useLoad } from '../../lib/useLoad';

/**
 * A staff member (lao_user): the services in force (an active grant) and, apart, permissions still
 * waiting for their appointment order, which do not count yet.
 */
export function UserHomePage({ me }: { me: Me }) {
  const inForce = me.grant?.state === 'active' ? me.grant.services : [];
  const waiting = me.pendingGrant ?? (me.grant && me.grant.state !== 'active' ? me.grant : null);
  const names = useLoad(async () => {
    const page = await registryApi.catalog();
    return new Map(page.items.map((s) => [s.key, s.nameTh]));
  }, []);
  const list = (services: ServicePermission[]) =>
    services.map((s) => (
      <div key={s.serviceKey}>
        {names.data?.get(s.serviceKey) ?? s.serviceKey}:{' '}
        {s.actions.map((a) => (
          <Tag key={a}>{SERVICE_ACTION_LABEL[a]}</Tag>
        ))}
      </div>
    ));
  return (
    <>
      <PageHeader title={`สวัสดี ${fullName(me)}`} help="สิทธิ์การใช้งานของท่านในระบบ Digital DLA" />
      <Card>
        <Descriptions column={1} bordered size="small">
          <Descriptions.Item label="ชื่อผู้ใช้">{me.username}</Descriptions.Item>
          <Descriptions.Item label="สำนัก/กอง">{me.division?.name ?? '-'}</Descriptions.Item>
          <Descriptions.Item label="สถานะสิทธิ์">
            {me.grantState ? (
              <StateTag kind="grant" state={me.grantState} />
            ) : (
              'ยังไม่มีสิทธิ์ รอคำสั่งแต่งตั้งผ่านการตรวจสอบ'
            )}
          </Descriptions.Item>
          <Descriptions.Item label="งานบริการที่ได้รับมอบหมาย">
            {inForce.length === 0 ? 'ยังไม่ได้รับมอบหมาย กรุณาติดต่อผู้ดูแลระบบของ อปท.' : list(inForce)}
          </Descriptions.Item>
          {waiting && waiting.services.length > 0 && (
            <Descriptions.Item label="สิทธิ์ที่รอคำสั่งแต่งตั้ง (ยังไม่มีผล)">
              <StateTag kind="grant" state={waiting.state} />
              {list(waiting.services)}
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
    </>
  );
}
