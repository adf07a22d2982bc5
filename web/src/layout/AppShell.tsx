import { LogoutOutlined, MenuOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Drawer, Dropdown, Grid, Layout, Menu, Typography } from 'antd';
import { Fragment, type ReactNode, useState } from 'react';
import { useAuth } from '../auth/AuthContext';
import { ROLE_LABEL } from '../lib/labels';
import { useFocusableScroll } from '../lib/useFocusableScroll';
import { navigate, useLocation } from '../lib/router';
import { navigationFor } from './navigation';
import { NotificationBell } from './NotificationBell';

/** Header (menu button on small screens, bell, account), side menu and the page. */
export function AppShell({ children }: { children: ReactNode }) {
  const { me, ability, signOut } = useAuth();
  const { pathname } = useLocation();
  const screens = Grid.useBreakpoint();
  const [drawer, setDrawer] = useState(false);
  useFocusableScroll();
  if (!me) return null;

  const items = navigationFor(me, ability);
  // The home path is the role's first page (the officer's queue, DLA's dashboard).
  const current = pathname === '/' && items[0] ? items[0].path : pathname;
  const selected = items
    .filter((i) => (i.path === '/' ? current === '/' : current.startsWith(i.path)))
    .map((i) => i.path)
    .slice(-1);
  const wide = screens.lg ?? true;

  const menu = (
    <Menu
      mode="inline"
      selectedKeys={selected}
      items={items.map((i) => ({ key: i.path, icon: i.icon, label: i.label }))}
      onClick={({ key }) => {
        setDrawer(false);
        navigate(key);
      }}
    />
  );

  const logout = async (): Promise<void> => {
    await signOut();
    navigate('/login', { replace: true });
  };

  return (
    <Layout className="shell">
      <a className="skip-link" href="#main">
        ข้ามไปยังเนื้อหา
      </a>
      <Layout.Header className="shell-header">
        {!wide && (
          <Button
            type="text"
            aria-label="เปิดเมนู"
            icon={<MenuOutlined className="header-icon" />}
            onClick={() => setDrawer(true)}
          />
        )}
        <a
          className="shell-brand"
          href="/"
          onClick={(e) => {
            e.preventDefault();
            navigate('/');
          }}
        >
          <span className="shell-logo" aria-hidden="true">
            DLA
          </span>
          <span className="shell-name">Digital DLA</span>
        </a>
        <div className="shell-actions">
          <NotificationBell />
          <Dropdown
            trigger={['click']}
            menu={{
              items: [
                { key: 'who', label: `${me.username} · ${ROLE_LABEL[me.role]}`, disabled: true },
                { key: 'password', label: 'เปลี่ยนรหัสผ่าน' },
                { key: 'logout', icon: <LogoutOutlined />, label: 'ออกจากระบบ', danger: true },
              ],
              onClick: ({ key }) => {
                if (key === 'logout') void logout();
                if (key === 'password') navigate('/change-password');
              },
            }}
          >
            <Button type="text" icon={<UserOutlined />} aria-label={`บัญชีผู้ใช้ ${me.username}`}>
              {screens.md && (
                <span className="shell-user">{`${me.firstName} ${me.lastName}`.trim() || me.username}</span>
              )}
            </Button>
          </Dropdown>
        </div>
      </Layout.Header>
      <Layout>
        {wide && (
          <Layout.Sider width={232} theme="light" className="shell-sider">
            <nav aria-label="เมนูหลัก">{menu}</nav>
          </Layout.Sider>
        )}
        <Drawer
          open={!wide && drawer}
          onClose={() => setDrawer(false)}
          placement="left"
          size={260}
          title="เมนู"
        >
          <nav aria-label="เมนูหลัก">{menu}</nav>
        </Drawer>
        <Layout.Content className="shell-content">
          <main id="main" tabIndex={-1}>
            {/* A new page on every path, even where two paths show the same one ('/' and '/review-queue'):
                following a link or the menu always loads fresh data. */}
            <Fragment key={pathname}>{children}</Fragment>
          </main>
          <Typography.Paragraph type="secondary" className="shell-footer">
            กรมส่งเสริมการปกครองท้องถิ่น · ระบบบริการประชาชนและบริหารท้องถิ่นดิจิทัล
          </Typography.Paragraph>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
