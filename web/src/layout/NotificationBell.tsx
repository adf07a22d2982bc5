import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, List, Popover, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { errorText } from '../api/errors';
import { useAuth } from '../auth/AuthContext';
import { notificationsApi } from '../api/review';
import type { Notification } from '../api/types';
import { thaiDateTime } from '../lib/dates';
import { navigate } from '../lib/router';

const POLL_MS = 60_000;

/**
 * In-app notifications: unread count on the bell, the list in a popover, click to read and open. A
 * notification not seen before means something happened to the account's orders or grants, so the
 * account and its permissions are reloaded too (the admin verified by the province may now publish).
 */
export function NotificationBell() {
  const { refreshMe } = useAuth();
  const [items, setItems] = useState<Notification[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  // Ids seen so far (null until the first answer), and ids read here whose mark-read may still be on
  // its way: a list that was loading while one was opened must not bring it back.
  const seen = useRef<Set<string> | null>(null);
  const readHere = useRef(new Set<string>());

  const load = useCallback(async () => {
    try {
      const page = await notificationsApi.list(true);
      const unread = page.items.filter((n) => !readHere.current.has(n.id));
      const known = seen.current;
      if (known && unread.some((n) => !known.has(n.id))) refreshMe();
      seen.current = new Set([...(known ?? []), ...unread.map((n) => n.id)]);
      setItems(unread);
      setError(null);
    } catch (e) {
      setError(errorText(e));
    }
  }, [refreshMe]);

  useEffect(() => {
    void load();
    const timer = window.setInterval(() => void load(), POLL_MS);
    return () => window.clearInterval(timer);
  }, [load]);

  const openItem = async (n: Notification): Promise<void> => {
    readHere.current.add(n.id);
    setItems((list) => list.filter((i) => i.id !== n.id));
    setOpen(false);
    await notificationsApi.markRead(n.id).catch(() => void readHere.current.delete(n.id));
    if (n.link) {
      const url = new URL(n.link, window.location.origin);
      navigate(url.pathname + url.search);
    }
  };

  const content = (
    <div className="bell-panel">
      {error && <Typography.Text type="danger">{error}</Typography.Text>}
      <List
        size="small"
        dataSource={items}
        locale={{ emptyText: 'ไม่มีการแจ้งเตือนใหม่' }}
        renderItem={(n) => (
          <List.Item>
            <button type="button" className="bell-item" onClick={() => void openItem(n)}>
              <strong>{n.title}</strong>
              <span className="bell-body">{n.body}</span>
              <span className="bell-time">{thaiDateTime(n.createdAt)}</span>
            </button>
          </List.Item>
        )}
      />
    </div>
  );

  return (
    <Popover
      content={content}
      title="การแจ้งเตือน"
      trigger="click"
      open={open}
      onOpenChange={(v) => {
        setOpen(v);
        if (v) void load();
      }}
      placement="bottomRight"
    >
      <Button
        type="text"
        aria-label={`การแจ้งเตือน ยังไม่อ่าน ${items.length} รายการ`}
        icon={
          <Badge count={items.length} size="small" overflowCount={99}>
            <BellOutlined className="header-icon" />
          </Badge>
        }
      />
    </Popover>
  );
}
