import { SettingOutlined } from '@ant-design/icons';
import { Badge, Menu, type MenuProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { useSession } from '../../features/auth/session.ts';
import { visibleAdminPages, visibleModules } from '../nav.tsx';
import { useNavBadges } from './use-nav-badges.ts';

/** The sidebar menu (also the mobile drawer's content). */
export function SideNav({ onNavigate, collapsed }: { onNavigate?: () => void; collapsed?: boolean }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const navigate = useNavigate();
  const { pathname } = useLocation();

  const admin = visibleAdminPages(user);
  const badges = useNavBadges();
  const items: MenuProps['items'] = visibleModules(user).map((m) => ({
    key: m.path,
    icon: m.icon,
    label: badges[m.key] ? (
      <span className="gd-nav-label">
        {t(`nav.${m.key}`)}
        <Badge count={badges[m.key]} size="small" className="gd-nav-badge" data-testid={`nav-badge-${m.key}`} />
      </span>
    ) : (
      t(`nav.${m.key}`)
    ),
  }));
  if (admin.length) {
    items.push({
      key: 'admin',
      icon: <SettingOutlined />,
      label: t('nav.admin'),
      children: admin.map((p) => ({ key: p.path, icon: p.icon, label: t(`nav.${p.key}`) })),
    });
  }
  const selected = [...visibleModules(user), ...admin].find((e) => pathname === e.path || pathname.startsWith(`${e.path}/`));

  return (
    <Menu
      theme="dark"
      mode="inline"
      items={items}
      selectedKeys={selected ? [selected.path] : []}
      defaultOpenKeys={!collapsed && pathname.startsWith('/admin') ? ['admin'] : []}
      onClick={({ key }) => {
        void navigate(key);
        onNavigate?.();
      }}
      style={{ borderInlineEnd: 0 }}
    />
  );
}
