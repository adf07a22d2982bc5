import { Alert, Modal } from 'antd';
import type { ReactNode } from 'react';

/** A dialog around one form: its submit button submits the form, the API's error shows on top. */
export function FormModal(props: {
  title: string;
  okText: string;
  width: number;
  busy: boolean;
  error: string | null;
  onOk(): void;
  onCancel(): void;
  children: ReactNode;
}) {
  return (
    <Modal
      open
      width={props.width}
      title={props.title}
      okText={props.okText}
      cancelText="ยกเลิก"
      confirmLoading={props.busy}
      onOk={props.onOk}
      onCancel={props.onCancel}
      destroyOnHidden
    >
      {props.error && (
        <Alert type="error" showIcon title={props.error} role="alert" style={{ marginBottom: 16 }} />
      )}
      {props.children}
    </Modal>
  );
}
