import { PlusOutlined } from '@ant-design/icons';
import { Button, Empty, Segmented, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FilteredList, SearchFilter } from '../../../components/list-page/filtered-list.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { text, useUrlFilters, yesNo } from '../../../lib/use-url-filters.ts';
import { useRoleLabel } from '../roles/use-role-label.ts';
import { useUserList, type User } from './api.ts';
import { ResetPasswordModal } from './reset-password-modal.tsx';
import { useUserColumns } from './user-columns.tsx';
import { UserFormModal } from './user-form-modal.tsx';

const FILTERS = { q: text, active: yesNo, role: text };

/** 设置 → 用户: search, filter by status and role (state in the URL), create, edit, disable. */
export function UsersPage() {
  const { t } = useTranslation();
  const { filters, setFilters } = useUrlFilters(FILTERS);
  const list = useUserList(filters);
  const roles = useRoleLabel();
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const [resetting, setResetting] = useState<User | null>(null);
  const columns = useUserColumns({ onEdit: setEditing, onReset: setResetting });

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
      <FilteredList
        list={list}
        columns={columns}
        count={(count) => t('users.count', { count })}
        filters={
          <>
            <SearchFilter value={filters.q} onSearch={(q) => setFilters({ q })} placeholder={t('users.searchPlaceholder')} width={260} />
            <Segmented
              value={filters.active}
              onChange={(v) => setFilters({ active: v })}
              options={[
                { value: '', label: t('common.all') },
                { value: 'true', label: t('users.status.active') },
                { value: 'false', label: t('users.status.disabled') },
              ]}
            />
            <Select value={filters.role || undefined} onChange={(v?: string) => setFilters({ role: v ?? '' })} placeholder={t('users.roleFilter')} allowClear options={roles.options} style={{ width: 180 }} />
          </>
        }
        empty={<Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('users.empty')} />}
      />
      {editing && <UserFormModal user={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />}
      {resetting && <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />}
    </>
  );
}
