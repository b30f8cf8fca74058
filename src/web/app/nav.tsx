import {
  AccountBookOutlined,
  ApiOutlined,
  AuditOutlined,
  BranchesOutlined,
  CalendarOutlined,
  FieldTimeOutlined,
  BarChartOutlined,
  CarOutlined,
  ContactsOutlined,
  ControlOutlined,
  ExceptionOutlined,
  CustomerServiceOutlined,
  DashboardOutlined,
  DatabaseOutlined,
  FileTextOutlined,
  FormOutlined,
  FundProjectionScreenOutlined,
  MailOutlined,
  OrderedListOutlined,
  ProfileOutlined,
  SafetyCertificateOutlined,
  TeamOutlined,
  ToolOutlined,
  UserOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { Permission, RoleKey } from '../../contracts/permissions.ts';
import type { SessionUser } from '../features/auth/session.ts';

export type ModuleKey = 'workbench' | 'customers' | 'requirements' | 'orders' | 'approvals' | 'inventory' | 'production' | 'shipping' | 'aftersales' | 'finance' | 'reports' | 'board';
export type AdminPageKey = 'users' | 'roles' | 'teams' | 'webhooks' | 'customFields' | 'settings' | 'approvalRules' | 'orderRules' | 'workCalendar' | 'slaRules' | 'responsibility' | 'noticeTemplates';

interface NavEntry<K> {
  key: K;
  path: string;
  permission: Permission;
  /** Other permissions that also open the entry (审批 serves order and customer approvers). */
  orPermissions?: readonly Permission[];
  icon: ReactNode;
}

/** The sidebar in UX.md order; each entry appears only with its read permission. */
export const modules: readonly NavEntry<ModuleKey>[] = [
  { key: 'workbench', path: '/workbench', permission: 'orders:read', icon: <DashboardOutlined /> },
  { key: 'customers', path: '/customers', permission: 'customers:read', icon: <ContactsOutlined /> },
  { key: 'requirements', path: '/requirements', permission: 'requirements:read', icon: <FileTextOutlined /> },
  { key: 'orders', path: '/orders', permission: 'orders:read', icon: <ProfileOutlined /> },
  { key: 'approvals', path: '/approvals', permission: 'orders:approve', orPermissions: ['customers:approve', 'inventory:approve'], icon: <AuditOutlined /> },
  { key: 'inventory', path: '/inventory', permission: 'inventory:read', icon: <DatabaseOutlined /> },
  { key: 'production', path: '/production', permission: 'production:read', icon: <ToolOutlined /> },
  { key: 'shipping', path: '/shipping', permission: 'shipping:read', icon: <CarOutlined /> },
  { key: 'aftersales', path: '/aftersales', permission: 'aftersales:read', icon: <CustomerServiceOutlined /> },
  { key: 'finance', path: '/finance', permission: 'finance:read', icon: <AccountBookOutlined /> },
  { key: 'reports', path: '/reports', permission: 'reports:read', icon: <BarChartOutlined /> },
  { key: 'board', path: '/board', permission: 'board:read', icon: <FundProjectionScreenOutlined /> },
];

/** 设置 (Admin) children; the group shows when any of them is allowed. */
export const adminPages: readonly NavEntry<AdminPageKey>[] = [
  { key: 'users', path: '/admin/users', permission: 'admin:users', icon: <UserOutlined /> },
  { key: 'roles', path: '/admin/roles', permission: 'admin:roles', icon: <SafetyCertificateOutlined /> },
  { key: 'teams', path: '/admin/teams', permission: 'admin:users', icon: <TeamOutlined /> },
  { key: 'webhooks', path: '/admin/webhooks', permission: 'admin:webhooks', icon: <ApiOutlined /> },
  { key: 'customFields', path: '/admin/custom-fields', permission: 'admin:settings', icon: <FormOutlined /> },
  { key: 'settings', path: '/admin/settings', permission: 'admin:settings', icon: <ControlOutlined /> },
  { key: 'approvalRules', path: '/admin/approval-rules', permission: 'admin:settings', icon: <BranchesOutlined /> },
  { key: 'orderRules', path: '/admin/order-rules', permission: 'admin:settings', icon: <OrderedListOutlined /> },
  { key: 'workCalendar', path: '/admin/calendar', permission: 'admin:settings', icon: <CalendarOutlined /> },
  { key: 'slaRules', path: '/admin/sla-rules', permission: 'admin:settings', icon: <FieldTimeOutlined /> },
  { key: 'responsibility', path: '/admin/responsibility', permission: 'admin:settings', icon: <ExceptionOutlined /> },
  { key: 'noticeTemplates', path: '/admin/notice-templates', permission: 'admin:settings', icon: <MailOutlined /> },
];

export const TOKENS_PATH = '/account/tokens';

/** May the user open this entry? */
export const mayOpen = (user: Pick<SessionUser, 'permissions'>, e: Pick<NavEntry<unknown>, 'permission' | 'orPermissions'>) => [e.permission, ...(e.orPermissions ?? [])].some((p) => user.permissions.includes(p));
const allowed = <K,>(user: SessionUser, list: readonly NavEntry<K>[]) => list.filter((e) => mayOpen(user, e));
export const visibleModules = (user: SessionUser) => allowed(user, modules);
export const visibleAdminPages = (user: SessionUser) => allowed(user, adminPages);

/** Each role's natural home (UX.md); the first matching role the user holds wins. */
const roleHome: readonly [RoleKey, ModuleKey][] = [
  ['admin', 'workbench'],
  ['coordinator', 'workbench'],
  ['sales', 'workbench'],
  ['sales_manager', 'approvals'],
  ['warehouse', 'shipping'],
  ['planner', 'production'],
  ['finance', 'finance'],
  ['aftersales', 'aftersales'],
];

export function landingPath(user: SessionUser): string {
  const mods = visibleModules(user);
  for (const [role, key] of roleHome) {
    const m = user.roles.includes(role) ? mods.find((x) => x.key === key) : undefined;
    if (m) return m.path;
  }
  return mods[0]?.path ?? visibleAdminPages(user)[0]?.path ?? TOKENS_PATH;
}
