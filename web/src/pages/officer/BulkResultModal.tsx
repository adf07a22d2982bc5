import { Button, Modal, Table, Tag } from 'antd';
import type { BulkVerifyResult, QueueItem } from '../../api/types';

/** What happened to each order of a bulk verification. */
export function BulkResultModal({
  results,
  items,
  onClose,
}: {
  results: BulkVerifyResult[];
  items: QueueItem[];
  onClose(): void;
}) {
  const byId = new Map(items.map((i) => [i.id, i]));
  const ok = results.filter((r) => r.ok).length;
  return (
    <Modal
      open
      title={`ผลการตรวจสอบแบบกลุ่ม: ผ่าน ${ok} จาก ${results.length} รายการ`}
      onCancel={onClose}
      footer={
        <Button type="primary" onClick={onClose}>
          ตกลง
        </Button>
      }
    >
      <Table<BulkVerifyResult>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={results}
        columns={[
          {
            title: 'คำสั่ง',
            key: 'order',
            render: (_v, r) => {
              const item = byId.get(r.id);
              return item ? `${item.laoName} ${item.orderLabel}` : r.id;
            },
          },
          {
            title: 'ผล',
            key: 'result',
            render: (_v, r) =>
              r.ok ? (
                <Tag color="success">ตรวจสอบแล้ว</Tag>
              ) : (
                <span>
                  <Tag color="error">ไม่สำเร็จ</Tag> {r.message}
                </span>
              ),
          },
        ]}
      />
    </Modal>
  );
}
