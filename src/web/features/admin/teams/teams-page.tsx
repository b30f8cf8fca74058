import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { formatDate } from '../../../lib/format.ts';
import { useUserOptions } from '../users/api.ts';
import { useTeams, type Team } from './api.ts';
import { TeamFormModal } from './team-form-modal.tsx';

/** 设置 → 团队: list, create, rename, set the manager. */
export function TeamsPage() {
  const { t } = useTranslation();
  const teams = useTeams();
  const people = useUserOptions();
  const [editing, setEditing] = useState<Team | 'new' | null>(null);
  const personName = (id: string | null) => (id ? (people.data?.find((p) => p.id === id)?.displayName ?? '') : '');

  return (
    <>
      <PageHeader
        title={t('teams.title')}
        subtitle={t('teams.subtitle')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('teams.create')}
          </Button>
        }
      />
      <Card size="small">
        {teams.error && <ErrorAlert error={teams.error} style={{ marginBottom: 12 }} />}
        <Table<Team>
          size="small"
          rowKey="id"
          loading={teams.isPending}
          dataSource={teams.data ?? []}
          pagination={false}
          scroll={{ x: 640 }}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('teams.empty')} /> }}
          columns={[
            { title: t('teams.name'), dataIndex: 'name', sorter: (a, b) => a.name.localeCompare(b.name, 'zh-CN') },
            {
              title: t('teams.manager'),
              dataIndex: 'managerId',
              render: (id: string | null) => personName(id) || <Typography.Text type="secondary">{t('teams.noManager')}</Typography.Text>,
            },
            {
              title: t('teams.members'),
              dataIndex: 'memberCount',
              align: 'right',
              sorter: (a, b) => a.memberCount - b.memberCount,
            },
            { title: t('common.createdAt'), dataIndex: 'createdAt', render: (v: string) => formatDate(v) },
            {
              title: t('common.actions'),
              key: 'actions',
              render: (_, r) => (
                <Button type="link" size="small" onClick={() => setEditing(r)}>
                  {t('common.edit')}
                </Button>
              ),
            },
          ]}
        />
      </Card>
      {editing && <TeamFormModal team={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />}
    </>
  );
}
