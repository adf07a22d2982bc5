import { Checkbox, Space, Typography } from 'antd';
import type { Account } from '../../api/types';
import { draftGrantOf, isPermissionChange } from '../../lib/grants';
import { ROLE_LABEL, fullName } from '../../lib/labels';

/**
 * The draft grants an order may cover, as a labelled checkbox group. A component of its own so the
 * form's injected `aria-required` (not valid on role="group") stays off the group element.
 */
export function AppointeePicker({
  candidates,
  value,
  onChange,
}: {
  candidates: Account[];
  value?: string[];
  onChange?: (value: string[]) => void;
}) {
  return (
    <Checkbox.Group
      role="group"
      aria-label="ผู้ได้รับแต่งตั้งในคำสั่งนี้"
      className="appointee-options"
      value={value}
      onChange={(v) => onChange?.(v.map(String))}
    >
      <Space orientation="vertical">
        {candidates.map((a) => (
          <Checkbox key={a.id} value={draftGrantOf(a)?.id}>
            {fullName(a)}{' '}
            <Typography.Text type="secondary">
              ({a.role === 'lao_admin' ? ROLE_LABEL.lao_admin : a.position}, {a.username})
              {isPermissionChange(a) && ' — เปลี่ยนสิทธิ์'}
            </Typography.Text>
          </Checkbox>
        ))}
      </Space>
    </Checkbox.Group>
  );
}
