import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Input, Segmented, Select, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { useRoleLabel } from '../roles/use-role-label.ts';
import { useUserList, type User, type UserFilters } from './api.ts';
import { ResetPasswordModal } from './reset-password-modal.tsx';
import { useUserColumns } from './user-columns.tsx';
import { UserFormModal } from './user-form-modal.tsx';

/** 设置 → 用户: search, filter by status and role (state in the URL), create, edit, disable. */
export function UsersPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const active = params.get('active');
  const filters: UserFilters = {
    q: params.get('q') ?? '',
    active: active === 'true' || active === 'false' ? active : '',
    role: params.get('role') ?? '',
  };
  const setFilter = (key: keyof UserFilters, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  const list = useUserList(filters);
  const roles = useRoleLabel();
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const [resetting, setResetting] = useState<User | null>(null);
  const columns = useUserColumns({ onEdit: setEditing, onReset: setResetting });
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <>
      <PageHeader
        title={t('users.title')}
        subtitle={t('users.subtitle')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="create-user">
            {t('users.create')}
          </Button>
        }
      />
      <Card size="small">
        <div className="gd-filter-bar">
          <Input.Search
            key={filters.q}
            defaultValue={filters.q}
            placeholder={t('users.searchPlaceholder')}
            allowClear
            onSearch={(v) => setFilter('q', v.trim())}
            style={{ width: 260, maxWidth: '100%' }}
          />
          <Segmented
            value={filters.active}
            onChange={(v) => setFilter('active', v)}
            options={[
              { value: '', label: t('common.all') },
              { value: 'true', label: t('users.status.active') },
              { value: 'false', label: t('users.status.disabled') },
            ]}
          />
          <Select
            value={filters.role || undefined}
            onChange={(v?: string) => setFilter('role', v ?? '')}
            placeholder={t('users.roleFilter')}
            allowClear
            options={roles.options}
            style={{ width: 180 }}
          />
        </div>
        {list.error && <ErrorAlert error={list.error} style={{ marginBottom: 12 }} />}
        <Table<User>
          size="small"
          rowKey="id"
          columns={columns}
          dataSource={rows}
          loading={list.isPending || (list.isFetching && !list.isFetchingNextPage && list.isPlaceholderData)}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('users.empty')} /> }}
        />
        <div className="gd-table-foot">
          <span>{t('users.count', { count: rows.length })}</span>
          {list.hasNextPage && (
            <Button onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
              {t('common.loadMore')}
            </Button>
          )}
        </div>
      </Card>
      {editing && <UserFormModal user={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />}
      {resetting && <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />}
    </>
  );
}
