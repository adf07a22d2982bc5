import { Form, Input, Modal } from 'antd';

/** Returning or revoking needs a reason in Thai: the other side sees it in the history and the notice. */
export function ReasonModal({
  title,
  okText,
  placeholder,
  onSubmit,
  onCancel,
  busy,
}: {
  title: string;
  okText: string;
  placeholder: string;
  onSubmit(reason: string): void;
  onCancel(): void;
  busy: boolean;
}) {
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <Modal
      open
      title={title}
      okText={okText}
      okButtonProps={{ danger: true }}
      cancelText="ยกเลิก"
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onCancel}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={(v) => onSubmit(v.reason.trim())}>
        <Form.Item
          name="reason"
          label="เหตุผล"
          rules={[
            { required: true, whitespace: true, message: 'กรุณาระบุเหตุผล' },
            { max: 1000, message: 'ไม่เกิน 1,000 ตัวอักษร' },
          ]}
        >
          <Input.TextArea rows={4} placeholder={placeholder} autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
