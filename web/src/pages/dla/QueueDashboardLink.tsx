import { LinkOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useAbility } from '@casl/react';
import { useEffect, useState } from 'react';
import type { AppAbility } from '../../access/ability';
import { errorText } from '../../api/errors';
import { http, requestBlob } from '../../api/http';

const QUEUES_PATH = '/api/queues';

/**
 * Opens the job queue dashboard (bull-board) in a new tab. A tab cannot send our bearer header, so the
 * API first sets a short-lived HttpOnly cookie scoped to /api/queues (POST /api/queue-dashboard/session).
 */
export function QueueDashboardLink() {
  const ability = useAbility<AppAbility>();
  const { message } = App.useApp();
  const allowed = ability.can('manage', 'QueueDashboard');
  const [present, setPresent] = useState(false);

  useEffect(() => {
    if (!allowed) return;
    let live = true;
    requestBlob(QUEUES_PATH)
      .then(() => live && setPresent(true))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [allowed]);

  const open = async (): Promise<void> => {
    // Opened during the click (popup blockers refuse a window opened after an await), pointed at the
    // board once the cookie is set.
    const tab = window.open('about:blank', '_blank');
    try {
      await http.post<void>('/api/queue-dashboard/session');
      if (tab) {
        tab.opener = null;
        tab.location.href = QUEUES_PATH;
      } else {
        window.open(QUEUES_PATH, '_blank', 'noopener');
      }
    } catch (e) {
      tab?.close();
      message.error(errorText(e));
    }
  };

  if (!allowed || !present) return null;
  return (
    <Button icon={<LinkOutlined />} onClick={() => void open()}>
      แดชบอร์ดคิวงาน (เปิดแท็บใหม่)
    </Button>
  );
}
