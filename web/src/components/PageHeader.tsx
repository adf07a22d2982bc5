import { Typography } from 'antd';
import type { ReactNode } from 'react';

/** The page's one h1, a line of help, and its main actions. */
export function PageHeader({
  title,
  help,
  extra,
}: {
  title: ReactNode;
  help?: ReactNode;
  extra?: ReactNode;
}) {
  return (
    <div className="page-header">
      <div className="page-header-text">
        <Typography.Title level={1} className="page-title">
          {title}
        </Typography.Title>
        {help && (
          <Typography.Paragraph type="secondary" className="page-help">
            {help}
          </Typography.Paragraph>
        )}
      </div>
      {extra && <div className="page-header-extra">{extra}</div>}
    </div>
  );
}
