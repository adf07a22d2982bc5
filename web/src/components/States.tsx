import { Alert, Button, Empty, Skeleton } from 'antd';
import type { ReactNode } from 'react';

/** An empty list that says what to do next. */
export function EmptyState({ title, action }: { title: ReactNode; action?: ReactNode }) {
  return (
    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={title} className="empty-state">
      {action}
    </Empty>
  );
}

export function LoadingBlock({ rows = 4 }: { rows?: number }) {
  return (
    <div role="status" aria-live="polite" aria-label="กำลังโหลดข้อมูล">
      <Skeleton active paragraph={{ rows }} />
    </div>
  );
}

export function LoadError({ error, onRetry }: { error: string; onRetry?: () => void }) {
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title="โหลดข้อมูลไม่สำเร็จ"
      description={error}
      action={onRetry && <Button onClick={onRetry}>ลองใหม่</Button>}
    />
  );
}

/** Loading, error or content, in the order a page needs them. */
export function Loadable<T>({
  state,
  children,
  rows,
}: {
  state: { data: T | undefined; loading: boolean; error: string | null; reload(): Promise<void> };
  children: (data: T) => ReactNode;
  rows?: number;
}) {
  if (state.error && state.data === undefined)
    return <LoadError error={state.error} onRetry={() => void state.reload()} />;
  if (state.data === undefined) return <LoadingBlock rows={rows} />;
  return <>{children(state.data)}</>;
}
