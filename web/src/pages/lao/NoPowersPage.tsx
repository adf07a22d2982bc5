import { Card, Descriptions, Result } from 'antd';
import type { Me } from '../../api/types';
import { HelpContactsBlock } from '../../components/HelpContacts';
import { PageHeader } from '../../components/PageHeader';
import { fullName } from '../../lib/labels';

/**
 * A LAO admin whose grants are all revoked or superseded (a newer admin took over, or the order was
 * revoked): no admin powers are left, only the own profile and notifications. Says so plainly and
 * where to turn, instead of screens that all answer "not allowed".
 */
export function NoPowersPage({ me }: { me: Me }) {
  return (
    <>
      <PageHeader title="ท่านไม่มีสิทธิ์ผู้ดูแลระบบของ อปท. แล้ว" />
      <Card className="block-gap">
        <Result
          status="info"
          title="สิทธิ์ผู้ดูแลระบบของท่านสิ้นสุดแล้ว"
          subTitle="อาจมีผู้ดูแลระบบคนใหม่ตามคำสั่งแต่งตั้งที่มีผลแล้ว หรือคำสั่งแต่งตั้งของท่านถูกเพิกถอน ท่านยังเข้าสู่ระบบ ดูข้อมูลบัญชีของตนเอง และอ่านการแจ้งเตือนได้ หากเห็นว่าไม่ถูกต้อง กรุณาติดต่อสำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัด (สถ.จ.) ของท่าน"
        />
        <Descriptions column={1} bordered size="small">
          <Descriptions.Item label="ชื่อ-นามสกุล">{fullName(me)}</Descriptions.Item>
          <Descriptions.Item label="ชื่อผู้ใช้">{me.username}</Descriptions.Item>
          <Descriptions.Item label="อีเมล">{me.email}</Descriptions.Item>
          <Descriptions.Item label="รหัส อปท.">{me.laoCode ?? '-'}</Descriptions.Item>
        </Descriptions>
      </Card>
      <HelpContactsBlock />
    </>
  );
}
