import { LinkOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useAbility } from '@casl/react';
import { useEffect, useState } from 'react';
import type { AppAbility } from '../../access/ability';
import { requestBlob } from '../../api/http';

const QUEUES_PATH = '/api/queues';

/** A link to the job queue dashboard (bull-board) when the API serves one to this account. */
export function QueueDashboardLink() {
  const ability = useAbility<AppAbility>();
  const allowed = ability.can('read', 'QueueDashboard');
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

  if (!allowed || !present) return null;
  return (
    <Button icon={<LinkOutlined />} href={QUEUES_PATH} target="_blank" rel="noopener">
      แดชบอร์ดคิวงาน
    </Button>
  );
}
