import { App, Col, Form, Input, Radio, Row, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { accountsApi, type StaffInput } from '../../api/accounts';
import { FormModal } from '../../components/FormModal';
import { useSubmit } from '../../lib/useSubmit';
import type { Account, Division, LaoService } from '../../api/types';
import { PersonNameFields } from '../../components/PersonNameFields';
import { TEMPORARY_PASSWORD_HELP, TemporaryPasswordBox } from '../../components/account/TemporaryPasswordBox';
import { generateTemporaryPassword } from '../../lib/temporary-password';
import {
  fromPermissionValues,
  ServicePermissionFields,
  type PermissionValues,
} from './ServicePermissionFields';

interface Values {
  username?: string;
  title: string;
  firstName: string;
  lastName: string;
  position: string;
  divisionId: string;
  email: string;
  services: PermissionValues;
  credentials: 'link' | 'temporary';
}

/** A staff member just added, and the temporary password when that was the way chosen. */
export interface StaffAdded {
  account: Account;
  temporaryPassword?: string;
}

/**
 * เพิ่มผู้ดูแล/เจ้าหน้าที่: person, division, username and per-service permissions; or edit a person
 * (permissions change through PermissionChangeModal: a new grant for the next order).
 */
export function StaffFormModal(props: {
  laoCode: string;
  account: Account | null;
  divisions: Division[];
  services: LaoService[];
  /** An active admin may give a temporary password instead of the link mailed at activation. */
  allowTemporary: boolean;
  onClose(): void;
  onSaved(added?: StaffAdded): void;
}) {
  const { account, laoCode } = props;
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { busy, error, run } = useSubmit();
  const [password, setPassword] = useState(generateTemporaryPassword);
  const credentials = Form.useWatch('credentials', form) ?? 'link';

  const submit = (v: Values): Promise<void> =>
    run(async () => {
      const person = {
        title: v.title,
        firstName: v.firstName.trim(),
        lastName: v.lastName.trim(),
        position: v.position.trim(),
        email: v.email.trim(),
        divisionId: v.divisionId,
      };
      if (account) {
        await accountsApi.update(account.id, person);
        message.success('บันทึกการแก้ไขแล้ว');
        props.onSaved();
      } else {
        const temporary = props.allowTemporary && v.credentials === 'temporary';
        const input: StaffInput = {
          ...person,
          services: fromPermissionValues(v.services),
          ...(v.username?.trim() ? { username: v.username.trim() } : {}),
          ...(temporary ? { temporaryPassword: password } : {}),
        };
        const created = await accountsApi.createStaff(laoCode, input);
        message.success(`เพิ่มเจ้าหน้าที่แล้ว ชื่อผู้ใช้ ${created.username}`);
        props.onSaved({ account: created, ...(temporary ? { temporaryPassword: password } : {}) });
      }
    });

  return (
    <FormModal
      width={720}
      title={account ? `แก้ไขข้อมูล ${account.username}` : 'เพิ่มเจ้าหน้าที่'}
      okText={account ? 'บันทึก' : 'เพิ่มเจ้าหน้าที่'}
      busy={busy}
      error={error}
      onOk={() => form.submit()}
      onCancel={props.onClose}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={
          account
            ? { ...account, divisionId: account.division?.id }
            : { title: 'นาย', services: {}, credentials: 'link' }
        }
      >
        <PersonNameFields />
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item
              name="position"
              label="ตำแหน่ง"
              rules={[{ required: true, whitespace: true, message: 'กรุณากรอกตำแหน่ง' }]}
            >
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="divisionId"
              label="สำนัก/กอง"
              rules={[{ required: true, message: 'เลือกสำนัก/กอง' }]}
            >
              <Select
                placeholder="เลือกสำนัก/กอง"
                options={props.divisions
                  .filter((d) => d.active)
                  .map((d) => ({ value: d.id, label: d.nameTh }))}
              />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item
              name="email"
              label="อีเมล (สำหรับรับลิงก์ตั้งรหัสผ่าน)"
              rules={[{ required: true, type: 'email', message: 'กรุณากรอกอีเมลที่ถูกต้อง' }]}
            >
              <Input inputMode="email" autoComplete="off" />
            </Form.Item>
          </Col>
          {!account && (
            <Col xs={24} sm={12}>
              <Form.Item
                name="username"
                label="ชื่อผู้ใช้ (Username)"
                extra="เว้นว่างเพื่อให้ระบบกำหนดให้ เช่น user02001"
                rules={[{ min: 3, max: 64 }]}
              >
                <Input autoComplete="off" />
              </Form.Item>
            </Col>
          )}
        </Row>
        {!account && <ServicePermissionFields services={props.services} />}
        {!account && (
          <Form.Item name="credentials" label="วิธีรับรหัสผ่าน">
            <Radio.Group>
              <Space orientation="vertical">
                <Radio value="link">ส่งลิงก์ตั้งรหัสผ่านทางอีเมล เมื่อคำสั่งแต่งตั้งมีผล</Radio>
                <Radio value="temporary" disabled={!props.allowTemporary}>
                  กำหนดรหัสผ่านชั่วคราว (เจ้าหน้าที่ที่ไม่มีอีเมลใช้งาน)
                </Radio>
              </Space>
            </Radio.Group>
          </Form.Item>
        )}
        {!account && !props.allowTemporary && (
          <Typography.Paragraph type="secondary">
            กำหนดรหัสผ่านชั่วคราวได้เมื่อคำสั่งแต่งตั้งผู้ดูแลระบบของท่านมีผลแล้ว
          </Typography.Paragraph>
        )}
        {!account && credentials === 'temporary' && props.allowTemporary && (
          <>
            <TemporaryPasswordBox
              password={password}
              onRegenerate={() => setPassword(generateTemporaryPassword())}
            />
            <Typography.Paragraph type="secondary">{TEMPORARY_PASSWORD_HELP}</Typography.Paragraph>
          </>
        )}
      </Form>
    </FormModal>
  );
}
