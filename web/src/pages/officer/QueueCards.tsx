import { Card, Checkbox, List, Space, Typography } from 'antd';
import type { QueueItem } from '../../api/types';
import { thaiDateTime } from '../../lib/dates';
import { Link } from '../../lib/router';
import { FindingsBadge, OverdueTag } from './queue-columns';

/** The review queue as cards (phones). */
export function QueueCards({
  items,
  selected,
  onSelect,
  selectable,
}: {
  items: QueueItem[];
  selected: string[];
  onSelect(ids: string[]): void;
  selectable(item: QueueItem): boolean;
}) {
  return (
    <List
      dataSource={items}
      renderItem={(item) => (
        <List.Item>
          <Card size="small" className="queue-card">
            <Space align="start">
              {selectable(item) && (
                <Checkbox
                  aria-label={`เลือก ${item.orderLabel} ${item.laoName}`}
                  checked={selected.includes(item.id)}
                  onChange={(e) =>
                    onSelect(
                      e.target.checked ? [...selected, item.id] : selected.filter((id) => id !== item.id),
                    )
                  }
                />
              )}
              <div>
                <Link to={`/orders/${item.id}`}>
                  <strong>{item.laoName}</strong> · {item.orderLabel}
                </Link>
                <div className="small-text">{item.subject}</div>
                <Typography.Text type="secondary" className="small-text">
                  ส่งเมื่อ {thaiDateTime(item.submittedAt)}
                </Typography.Text>
                <div className="queue-card-tags">
                  <OverdueTag item={item} />
                  <FindingsBadge item={item} />
                </div>
              </div>
            </Space>
          </Card>
        </List.Item>
      )}
    />
  );
}
