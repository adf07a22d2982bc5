import { Card, Descriptions, Tag } from 'antd';
import { registryApi } from '../../api/registry';
import type { Me } from '../../api/types';
import { PageHeader } from '../../components/PageHeader';
import { StateTag } from '../../components/StateTag';
import { SERVICE_ACTION_LABEL, fullName } from '../../lib/labels';
import { useLoad } from '../../lib/useLoad';

/** A staff member (lao_user): the grant and the services it covers. */
export function UserHomePage({ me }: { me: Me }) {
  const services = me.grant?.services ?? [];
  const names = useLoad(async () => {
    if (!me.laoCode || me.grantState !== 'active') return new Map<string, string>();
    const page = await registryApi.services(me.laoCode);
    return new Map(page.items.map((s) => [s.serviceKey, s.nameTh]));
  }, [me.laoCode, me.grantState]);
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
            {services.length === 0
              ? 'ยังไม่ได้รับมอบหมาย กรุณาติดต่อผู้ดูแลระบบของ อปท.'
              : services.map((s) => (
                  <div key={s.serviceKey}>
                    {names.data?.get(s.serviceKey) ?? s.serviceKey}:{' '}
                    {s.actions.map((a) => (
                      <Tag key={a}>{SERVICE_ACTION_LABEL[a]}</Tag>
                    ))}
                  </div>
                ))}
          </Descriptions.Item>
        </Descriptions>
      </Card>
    </>
  );
}
