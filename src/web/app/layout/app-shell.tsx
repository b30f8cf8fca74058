import { MenuFoldOutlined, MenuOutlined, MenuUnfoldOutlined } from '@ant-design/icons';
import { App, Button, Drawer, Grid, Layout } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useNavigate } from 'react-router';
import { useSession } from '../../features/auth/session.ts';
import { NotificationBell } from '../../features/notifications/notification-bell.tsx';
import { openNotificationLink } from '../../features/notifications/open-link.ts';
import { useLiveEvents } from '../../features/notifications/use-live-events.ts';
import { Brand } from './brand.tsx';
import { SideNav } from './side-nav.tsx';
import { UserMenu } from './user-menu.tsx';
import './app-shell.css';

const COLLAPSE_KEY = 'gendan.siderCollapsed';

/** The signed-in frame: sidebar (a drawer on phones), header with bell and user menu, page. */
export function AppShell() {
  const { t } = useTranslation();
  const { user } = useSession();
  const { notification } = App.useApp();
  const screens = Grid.useBreakpoint();
  const mobile = screens.md === false;
  const [collapsed, setCollapsed] = useState(() => localStorage.getItem(COLLAPSE_KEY) === '1');
  const [drawer, setDrawer] = useState(false);
  const navigate = useNavigate();
  const live = useLiveEvents(user.id, (n) =>
    notification.info({
      key: n.id,
      title: n.title,
      description: n.body,
      placement: 'bottomRight',
      onClick: n.link ? () => openNotificationLink(n.link!, navigate) : undefined,
      style: n.link ? { cursor: 'pointer' } : undefined,
    }),
  );

  const toggle = () => {
    localStorage.setItem(COLLAPSE_KEY, collapsed ? '0' : '1');
    setCollapsed(!collapsed);
  };

  return (
    <Layout className="gd-shell">
      {!mobile && (
        <Layout.Sider width={212} collapsedWidth={64} collapsed={collapsed} trigger={null} className="gd-sider">
          <Brand collapsed={collapsed} />
          <SideNav collapsed={collapsed} />
        </Layout.Sider>
      )}
      {mobile && (
        <Drawer open={drawer} onClose={() => setDrawer(false)} placement="left" size={240} closable={false} className="gd-nav-drawer" styles={{ body: { padding: 0 } }}>
          <Brand collapsed={false} />
          <SideNav onNavigate={() => setDrawer(false)} />
        </Drawer>
      )}
      <Layout>
        <Layout.Header className="gd-header">
          {mobile ? (
            <>
              <Button type="text" icon={<MenuOutlined />} aria-label={t('header.openMenu')} onClick={() => setDrawer(true)} data-testid="open-nav" />
              <span className="gd-header-title">{t('app.name')}</span>
            </>
          ) : (
            <Button type="text" icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />} aria-label={t('header.toggleSider')} onClick={toggle} />
          )}
          <div className="gd-header-right">
            <NotificationBell live={live} />
            <UserMenu compact={mobile} />
          </div>
        </Layout.Header>
        <Layout.Content className={mobile ? 'gd-content gd-content-mobile' : 'gd-content'}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
