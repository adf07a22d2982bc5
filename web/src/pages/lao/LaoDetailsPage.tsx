import { Button, Card, Descriptions, Form, Input, App } from 'antd';
import { useAbility } from '@casl/react';
import { useEffect } from 'react';
import { asLao, type AppAbility } from '../../access/ability';
import { errorText } from '../../api/errors';
import { registryApi, type LaoPatch } from '../../api/registry';
import type { Lao } from '../../api/types';
import { PageHeader } from '../../components/PageHeader';
import { Loadable } from '../../components/States';
import { useLoad } from '../../lib/useLoad';

type Field = 'address' | 'phone' | 'email' | 'website';
const FIELDS: Field[] = ['address', 'phone', 'email', 'website'];

/** ตั้งค่าข้อมูล อปท.: the contact details the LAO keeps (name and type are DLA's registry). */
export function LaoDetailsPage({ laoCode }: { laoCode: string }) {
  const state = useLoad(() => registryApi.lao(laoCode), [laoCode]);
  return (
    <>
      <PageHeader title="ตั้งค่าข้อมูล อปท." help="ข้อมูลติดต่อของ อปท. ที่แสดงต่อประชาชนและใช้ในการติดต่อประสานงาน" />
      <Loadable state={state}>{(lao) => <DetailsForm lao={lao} onSaved={state.setData} />}</Loadable>
    </>
  );
}

function DetailsForm({ lao, onSaved }: { lao: Lao; onSaved(lao: Lao): void }) {
  const ability = useAbility<AppAbility>();
  const { message } = App.useApp();
  const [form] = Form.useForm<Record<Field, string>>();
  const editable = FIELDS.filter((f) => ability.can('update', asLao(lao.code, lao.provinceCode), f));

  useEffect(() => {
    form.setFieldsValue({
      address: lao.address ?? '',
      phone: lao.phone ?? '',
      email: lao.email ?? '',
      website: lao.website ?? '',
    });
  }, [form, lao]);

  const save = async (values: Record<Field, string>): Promise<void> => {
    const patch: LaoPatch = {};
    for (const f of editable) patch[f] = values[f]?.trim() ? values[f].trim() : null;
    try {
      onSaved(await registryApi.updateLao(lao.code, patch));
      message.success('บันทึกข้อมูล อปท. แล้ว');
    } catch (e) {
      message.error(errorText(e));
    }
  };

  return (
    <>
      <Card title="ข้อมูลทะเบียน (แก้ไขโดย สถ.)" className="block-gap">
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label="ชื่อ อปท.">{lao.nameTh}</Descriptions.Item>
          <Descriptions.Item label="รหัส อปท.">{lao.code}</Descriptions.Item>
          <Descriptions.Item label="ประเภท">{lao.typeLabel}</Descriptions.Item>
          <Descriptions.Item label="อำเภอ / จังหวัด">{`${lao.districtTh} / ${lao.province.nameTh ?? lao.provinceCode}`}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title="ข้อมูลติดต่อ">
        <Form
          form={form}
          layout="vertical"
          onFinish={save}
          disabled={editable.length === 0}
          className="form-narrow"
        >
          <Form.Item
            name="address"
            label="ที่อยู่"
            rules={[{ required: true, message: 'กรุณากรอกที่อยู่' }, { max: 1000 }]}
          >
            <Input.TextArea rows={3} disabled={!editable.includes('address')} />
          </Form.Item>
          <Form.Item
            name="phone"
            label="โทรศัพท์"
            rules={[
              { required: true, message: 'กรุณากรอกหมายเลขโทรศัพท์' },
              { pattern: /^[0-9+\-() ,#]{3,50}$/, message: 'กรอกได้เฉพาะตัวเลขและเครื่องหมาย + - ( ) , #' },
            ]}
          >
            <Input inputMode="tel" autoComplete="tel" disabled={!editable.includes('phone')} />
          </Form.Item>
          <Form.Item
            name="email"
            label="อีเมล"
            rules={[
              { required: true, message: 'กรุณากรอกอีเมล' },
              { type: 'email', message: 'รูปแบบอีเมลไม่ถูกต้อง' },
            ]}
          >
            <Input inputMode="email" autoComplete="email" disabled={!editable.includes('email')} />
          </Form.Item>
          <Form.Item
            name="website"
            label="เว็บไซต์"
            rules={[{ pattern: /^https?:\/\/\S+$/, message: 'ต้องขึ้นต้นด้วย http:// หรือ https://' }]}
          >
            <Input inputMode="url" placeholder="https://" disabled={!editable.includes('website')} />
          </Form.Item>
          {editable.length > 0 && (
            <Button type="primary" htmlType="submit">
              บันทึกข้อมูล
            </Button>
          )}
        </Form>
      </Card>
    </>
  );
}
