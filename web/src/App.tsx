import { Spin } from 'antd';
import { type ReactNode, useEffect } from 'react';
import { AuthProvider, useAuth } from './auth/AuthContext';
import { ChangePasswordPage } from './auth/ChangePasswordPage';
import { ForgotPasswordPage } from './auth/ForgotPasswordPage';
import { LoginPage } from './auth/LoginPage';
import { SetPasswordPage } from './auth/SetPasswordPage';
import { AppShell } from './layout/AppShell';
import { navigate, useLocation } from './lib/router';
import { routeFor } from './routes';

function Redirect({ to }: { to: string }) {
  useEffect(() => navigate(to, { replace: true }), [to]);
  return null;
}

function Screen() {
  const { status, me } = useAuth();
  const { pathname } = useLocation();

  if (pathname === '/set-password') return <SetPasswordPage />;
  if (pathname === '/forgot-password') return <ForgotPasswordPage />;
  if (status === 'loading') {
    return (
      <div className="boot" role="status">
        <Spin size="large" />
        <span>กำลังโหลด…</span>
      </div>
    );
  }
  if (!me) {
    if (pathname === '/login') return <LoginPage />;
    return <Redirect to={`/login${pathname === '/' ? '' : `?next=${encodeURIComponent(pathname)}`}`} />;
  }
  if (me.mustChangePassword || pathname === '/change-password') return <ChangePasswordPage />;
  if (pathname === '/login') return <Redirect to="/" />;
  return <AppShell>{routeFor(me, pathname)}</AppShell>;
}

export function App(): ReactNode {
  return (
    <AuthProvider>
      <Screen />
    </AuthProvider>
  );
}
