import { Checkbox, Form, Typography } from 'antd';
import type { LaoService, ServiceAction, ServicePermission } from '../../api/types';
import { SERVICE_ACTION_LABEL } from '../../lib/labels';

/** The form's shape of per-service permissions: service key → the actions ticked. */
export type PermissionValues = Record<string, ServiceAction[] | undefined>;

export const toPermissionValues = (services: ServicePermission[]): PermissionValues =>
  Object.fromEntries(services.map((s) => [s.serviceKey, s.actions]));

export const fromPermissionValues = (values: PermissionValues | undefined): ServicePermission[] =>
  Object.entries(values ?? {})
    .filter((entry): entry is [string, ServiceAction[]] => !!entry[1] && entry[1].length > 0)
    .map(([serviceKey, actions]) => ({ serviceKey, actions }));

/** สิทธิ์ในงานบริการ: view / process per enabled service, as form items under `services`. */
export function ServicePermissionFields({ services }: { services: LaoService[] }) {
  const enabled = services.filter((s) => s.enabled);
  return (
    <fieldset className="services-fieldset">
      <legend>สิทธิ์ในงานบริการ</legend>
      {enabled.length === 0 ? (
        <Typography.Text type="secondary">
          ยังไม่มีงานบริการที่เปิดใช้งาน เปิดใช้งานบริการที่หน้า “ระบบจัดการงานบริการ” ก่อน หรือเพิ่มสิทธิ์ภายหลัง
        </Typography.Text>
      ) : (
        enabled.map((s) => (
          <Form.Item
            key={s.serviceKey}
            name={['services', s.serviceKey]}
            label={s.nameTh}
            className="service-permission"
          >
            <Checkbox.Group
              role="group"
              aria-label={s.nameTh}
              options={(['view', 'process'] as const).map((a) => ({
                value: a,
                label: SERVICE_ACTION_LABEL[a],
              }))}
            />
          </Form.Item>
        ))
      )}
    </fieldset>
  );
}
