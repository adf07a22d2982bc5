import { Card, Typography } from 'antd';
import type { ReactNode } from 'react';

/** The centred card of the sign-in, change-password and set-password pages. */
export function AuthCard({
  title,
  subtitle,
  children,
}: {
  title: string;
  subtitle?: ReactNode;
  children: ReactNode;
}) {
  return (
    <main className="auth-page">
      <Card className="auth-card">
        <div className="auth-brand" aria-hidden="true">
          DLA
        </div>
        <Typography.Title level={1} className="auth-title">
          {title}
        </Typography.Title>
        {subtitle && <Typography.Paragraph type="secondary">{subtitle}</Typography.Paragraph>}
        {children}
      </Card>
    </main>
  );
}
