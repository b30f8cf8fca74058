import { DownOutlined } from '@ant-design/icons';
import { App, Button, Dropdown, Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../lib/format.ts';
import { useSession } from '../../auth/session.ts';
import { useRoleLabel } from '../roles/use-role-label.ts';
import { useTeams } from '../teams/api.ts';
import { useUpdateUser, useUserOptions, type User } from './api.ts';
import { UserStatusTag, userStatusOf } from './user-status-tag.tsx';

const byText = (f: (u: User) => string | null) => (a: User, b: User) => (f(a) ?? '').localeCompare(f(b) ?? '', 'zh-CN');

/** Columns of the users table, with the row actions (edit, reset password, disable/enable). */
export function useUserColumns(actions: { onEdit: (u: User) => void; onReset: (u: User) => void }): ColumnsType<User> {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const { user: me } = useSession();
  const roles = useRoleLabel();
  const teams = useTeams();
  const people = useUserOptions();
  const update = useUpdateUser();
  const teamName = (id: string | null) => (id ? (teams.data?.find((x) => x.id === id)?.name ?? '') : '');
  const personName = (id: string | null) => (id ? (people.data?.find((x) => x.id === id)?.displayName ?? '') : '');

  const confirmToggle = (u: User) =>
    modal.confirm({
      title: t(u.active ? 'users.disableConfirm' : 'users.enableConfirm', { name: u.displayName }),
      content: u.active ? t('users.disableHint') : undefined,
      okText: t(u.active ? 'common.disable' : 'common.enable'),
      okButtonProps: { danger: u.active },
      cancelText: t('common.cancel'),
      onOk: () =>
        update.mutateAsync({ id: u.id, patch: { active: !u.active } }).then(
          () => void message.success(t(u.active ? 'users.disabled' : 'users.enabled', { name: u.displayName })),
          (err: Error) => void message.error(err.message),
        ),
    });

  return [
    {
      title: t('users.user'),
      key: 'user',
      width: 150,
      sorter: byText((u) => u.username),
      render: (_, u) => (
        <div className="gd-user-cell">
          <span>
            {u.displayName} {u.id === me.id && <Tag color="blue">{t('users.you')}</Tag>}
          </span>
          <Typography.Text type="secondary" className="gd-mono">
            {u.username}
          </Typography.Text>
        </div>
      ),
    },
    {
      title: t('common.status'),
      key: 'status',
      width: 76,
      sorter: (a, b) => Number(b.active) - Number(a.active),
      render: (_, u) => <UserStatusTag status={userStatusOf(u)} />,
    },
    {
      title: t('users.roles'),
      dataIndex: 'roles',
      width: 160,
      render: (keys: string[]) => (
        <Space size={[0, 4]} wrap>
          {keys.map((k) => (
            <Tag key={k}>{roles.label(k)}</Tag>
          ))}
        </Space>
      ),
    },
    { title: t('users.team'), key: 'team', width: 120, ellipsis: true, sorter: byText((u) => teamName(u.teamId)), render: (_, u) => teamName(u.teamId) || t('common.none') },
    { title: t('users.manager'), key: 'manager', width: 90, ellipsis: true, responsive: ['xl'], render: (_, u) => personName(u.managerId) || t('common.none') },
    { title: t('users.mobile'), dataIndex: 'mobile', width: 120, render: (v: string | null) => v ?? t('common.none') },
    { title: t('users.email'), dataIndex: 'email', ellipsis: true, width: 180, responsive: ['xxl'], render: (v: string | null) => v ?? t('common.none') },
    { title: t('common.createdAt'), dataIndex: 'createdAt', width: 100, sorter: byText((u) => u.createdAt), render: (v: string) => formatDate(v) },
    {
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      width: 120,
      render: (_, u) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => actions.onEdit(u)}>
            {t('common.edit')}
          </Button>
          <Dropdown
            trigger={['click']}
            menu={{
              items: [
                { key: 'reset', label: t('users.resetPassword') },
                { key: 'toggle', label: t(u.active ? 'common.disable' : 'common.enable'), danger: u.active, disabled: u.id === me.id && u.active },
              ],
              onClick: ({ key }) => (key === 'reset' ? actions.onReset(u) : confirmToggle(u)),
            }}
          >
            <Button type="link" size="small" aria-label={`${t('common.more')} ${u.username}`}>
              {t('common.more')} <DownOutlined style={{ fontSize: 10 }} />
            </Button>
          </Dropdown>
        </Space>
      ),
    },
  ];
}
