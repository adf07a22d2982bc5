import { App, Form, Typography } from 'antd';
import { accountsApi } from '../../api/accounts';
import type { Account, LaoService } from '../../api/types';
import { FormModal } from '../../components/FormModal';
import { fullName } from '../../lib/labels';
import { useSubmit } from '../../lib/useSubmit';
import {
  fromPermissionValues,
  ServicePermissionFields,
  toPermissionValues,
  type PermissionValues,
} from './ServicePermissionFields';

/**
 * เปลี่ยนสิทธิ์: new per-service permissions for an active staff member. They take effect only when an
 * appointment order naming them is verified; until then the current ones stay in force.
 */
export function PermissionChangeModal(props: {
  account: Account;
  services: LaoService[];
  onClose(): void;
  onSaved(): void;
}) {
  const { account } = props;
  const { message } = App.useApp();
  const [form] = Form.useForm<{ services: PermissionValues }>();
  const { busy, error, setError, run } = useSubmit();

  const submit = async (v: { services: PermissionValues }): Promise<void> => {
    const services = fromPermissionValues(v.services);
    if (services.length === 0) {
      setError('กรุณาเลือกสิทธิ์อย่างน้อยหนึ่งงานบริการ หากต้องการยกเลิกสิทธิ์ทั้งหมด ให้ใช้ “เพิกถอนสิทธิ์”');
      return;
    }
    await run(async () => {
      await accountsApi.proposeGrant(account.id, services);
      message.success(`บันทึกสิทธิ์ใหม่ของ ${fullName(account)} แล้ว จะมีผลเมื่อคำสั่งแต่งตั้งผ่านการตรวจสอบ`);
      props.onSaved();
    });
  };

  return (
    <FormModal
      width={640}
      title={`เปลี่ยนสิทธิ์ของ ${fullName(account)}`}
      okText="บันทึกสิทธิ์ใหม่"
      busy={busy}
      error={error}
      onOk={() => form.submit()}
      onCancel={props.onClose}
    >
      <Typography.Paragraph type="secondary">
        สิทธิ์ใหม่จะมีผลเมื่อออกคำสั่งแต่งตั้งที่ระบุชื่อผู้นี้ อัปโหลดคำสั่งที่ลงนามแล้ว และ สส. ตรวจสอบผ่าน ระหว่างนี้สิทธิ์เดิมยังใช้งานได้ (New
        permissions take effect once an appointment order naming this person is verified.)
      </Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ services: toPermissionValues(account.grant?.services ?? []) }}
      >
        <ServicePermissionFields services={props.services} />
      </Form>
    </FormModal>
  );
}
