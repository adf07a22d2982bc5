import { Badge, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { QueueItem } from '../../api/types';
import { thaiDate, thaiDateTime } from '../../lib/dates';
import { seriousFindings } from '../../lib/findings';
import { Link } from '../../lib/router';

export function FindingsBadge({ item }: { item: QueueItem }) {
  const findings = item.document?.findings ?? [];
  const serious = seriousFindings(findings).length;
  if (findings.length === 0) return <Tag color="success">ไม่มีข้อสังเกต</Tag>;
  return (
    <span className="findings-badge">
      <Badge count={serious || findings.length} color={serious ? '#c0392b' : '#8c8c8c'} />
      <span>{serious ? 'ข้อสังเกตที่ต้องตรวจ' : 'ข้อมูลเพิ่มเติม'}</span>
    </span>
  );
}

export function OverdueTag({ item }: { item: QueueItem }) {
  return item.overdue ? <Tag color="error">เกินกำหนด</Tag> : null;
}

/** The review queue as a table (wide screens). */
export const queueColumns: ColumnsType<QueueItem> = [
  {
    title: 'ส่งเมื่อ',
    key: 'submitted',
    width: 190,
    render: (_v, item) => (
      <div>
        <div>{thaiDateTime(item.submittedAt)}</div>
        <OverdueTag item={item} />
      </div>
    ),
  },
  {
    title: 'อปท.',
    key: 'lao',
    render: (_v, item) => (
      <div>
        <div>{item.laoName}</div>
        <Typography.Text type="secondary" className="small-text">
          {item.laoCode}
        </Typography.Text>
      </div>
    ),
  },
  {
    title: 'คำสั่ง',
    key: 'order',
    render: (_v, item) => (
      <div>
        <Link to={`/orders/${item.id}`} aria-label={`ตรวจสอบคำสั่ง ${item.orderLabel} ของ ${item.laoName}`}>
          {item.orderLabel}
        </Link>
        <div className="small-text">{item.subject}</div>
        <Typography.Text type="secondary" className="small-text">
          ลงวันที่ {thaiDate(item.signedDate)}
        </Typography.Text>
      </div>
    ),
  },
  { title: 'ข้อสังเกต', key: 'findings', width: 200, render: (_v, item) => <FindingsBadge item={item} /> },
];
