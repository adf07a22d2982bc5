import { Timeline, Typography } from 'antd';
import type { HistoryEntry } from '../api/types';
import { thaiDateTime } from '../lib/dates';
import { HISTORY_EVENT, ORDER_STATE } from '../lib/labels';

const COLORS: Record<string, string> = {
  verify: 'green',
  activate: 'green',
  return: 'orange',
  'document.rejected': 'red',
  revoke: 'red',
};

const stateLabel = (s: string): string => ORDER_STATE[s as keyof typeof ORDER_STATE]?.label ?? s;

/** The order's history: every transition with who, when and why. */
export function OrderTimeline({ history }: { history: HistoryEntry[] }) {
  if (history.length === 0) return <Typography.Text type="secondary">ยังไม่มีประวัติ</Typography.Text>;
  return (
    <Timeline
      items={history.map((h, i) => ({
        key: `${h.at}-${i}`,
        color: COLORS[h.event] ?? 'blue',
        title: thaiDateTime(h.at),
        content: (
          <div>
            <div>
              <strong>{HISTORY_EVENT[h.event] ?? h.event}</strong>
              {h.from !== h.to && (
                <Typography.Text type="secondary">{` (${stateLabel(h.from)} → ${stateLabel(h.to)})`}</Typography.Text>
              )}
            </div>
            <Typography.Text type="secondary">โดย {h.actor.username}</Typography.Text>
            {h.reason && <div className="history-reason">เหตุผล: {h.reason}</div>}
          </div>
        ),
      }))}
    />
  );
}
