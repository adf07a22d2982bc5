import { Form, Input, InputNumber, Modal, Select } from 'antd';
import type { ServicePatch } from '../../api/registry';
import type { Division, LaoService } from '../../api/types';

interface Values {
  fee: number | null;
  divisionId: string | null;
  slaDays: number;
  note: string;
}

/** Fee, responsible division, days to complete and a note of one service. */
export function ServiceSettingsModal({
  service,
  divisions,
  onSave,
  onCancel,
}: {
  service: LaoService;
  divisions: Division[];
  onSave(patch: ServicePatch): Promise<void>;
  onCancel(): void;
}) {
  const [form] = Form.useForm<Values>();
  const hint = service.divisionHint ? `แนะนำ: ${service.divisionHint}` : undefined;
  return (
    <Modal
      open
      title={`ตั้งค่า: ${service.nameTh}`}
      okText="บันทึก"
      cancelText="ยกเลิก"
      onCancel={onCancel}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{
          fee: service.fee,
          divisionId: service.division?.id ?? null,
          slaDays: service.slaDays,
          note: service.note ?? '',
        }}
        onFinish={(v) =>
          void onSave({
            fee: v.fee ?? null,
            divisionId: v.divisionId ?? null,
            slaDays: v.slaDays,
            note: v.note.trim() || null,
          })
        }
      >
        <Form.Item name="fee" label="ค่าธรรมเนียม (บาท)" extra="เว้นว่างหากไม่มีค่าธรรมเนียม">
          <InputNumber min={0} max={9_999_999_999} step={10} precision={2} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="divisionId" label="สำนัก/กองที่รับผิดชอบ" extra={hint}>
          <Select
            allowClear
            placeholder="เลือกสำนัก/กอง"
            options={divisions.filter((d) => d.active).map((d) => ({ value: d.id, label: d.nameTh }))}
          />
        </Form.Item>
        <Form.Item
          name="slaDays"
          label="ระยะเวลาดำเนินการ (วัน)"
          rules={[{ required: true, message: 'กรุณากำหนดระยะเวลา' }]}
        >
          <InputNumber min={1} max={365} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="note" label="หมายเหตุ">
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
