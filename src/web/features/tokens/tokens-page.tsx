import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Popconfirm, Switch, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { currentLanguage } from '../../i18n/index.ts';
import { formatDate, formatDateTime, formatRelative } from '../../lib/format.ts';
import { useUserOptions } from '../admin/users/api.ts';
import { useSession } from '../auth/session.ts';
import { useRevokeToken, useTokens, type ApiToken } from './api.ts';
import { TokenCreateModal } from './token-create-modal.tsx';
import { TokenStatusTag, tokenStatusOf } from './token-status-tag.tsx';

/** API tokens: mine, or (admins) everyone's; create shows the secret once; revoke asks first. */
export function TokensPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { user, can } = useSession();
  const mayAll = can('admin:users');
  const [params, setParams] = useSearchParams();
  const all = mayAll && params.get('all') === 'true';
  const tokens = useTokens(all);
  const people = useUserOptions(all);
  const revoke = useRevokeToken();
  const [creating, setCreating] = useState(false);

  const owner = (id: string) => (id === user.id ? user.displayName : (people.data?.find((p) => p.id === id)?.displayName ?? id));
  const doRevoke = (tok: ApiToken) =>
    revoke.mutateAsync(tok.id).then(
      () => void message.success(t('tokens.revoked', { name: tok.name })),
      (err: Error) => void message.error(err.message),
    );

  return (
    <>
      <PageHeader
        title={t('tokens.title')}
        subtitle={t('tokens.subtitle')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('tokens.create')}
          </Button>
        }
      />
      <Card size="small">
        {mayAll && (
          <div className="gd-filter-bar">
            <Switch checked={all} onChange={(v) => setParams(v ? { all: 'true' } : {}, { replace: true })} aria-label={t('tokens.showAll')} />
            <span>{t('tokens.showAll')}</span>
          </div>
        )}
        {tokens.error && <ErrorAlert error={tokens.error} style={{ marginBottom: 12 }} />}
        <Table<ApiToken>
          size="small"
          rowKey="id"
          loading={tokens.isPending}
          dataSource={tokens.data ?? []}
          pagination={false}
          scroll={{ x: 860 }}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('tokens.empty')} /> }}
          columns={[
            { title: t('tokens.name'), dataIndex: 'name' },
            { title: t('tokens.prefix'), dataIndex: 'prefix', render: (v: string) => <span className="gd-mono">{v}…</span> },
            ...(all ? [{ title: t('tokens.owner'), key: 'owner', render: (_: unknown, r: ApiToken) => owner(r.userId) }] : []),
            { title: t('common.status'), key: 'status', render: (_, r) => <TokenStatusTag status={tokenStatusOf(r)} /> },
            { title: t('common.createdAt'), dataIndex: 'createdAt', render: (v: string) => formatDate(v) },
            {
              title: t('tokens.lastUsed'),
              dataIndex: 'lastUsedAt',
              render: (v: string | null) => (v ? <span title={formatDateTime(v)}>{formatRelative(v, currentLanguage())}</span> : <Typography.Text type="secondary">{t('tokens.neverUsed')}</Typography.Text>),
            },
            { title: t('tokens.expires'), dataIndex: 'expiresAt', render: (v: string | null) => (v ? formatDate(v) : t('tokens.never')) },
            {
              title: t('common.actions'),
              key: 'actions',
              render: (_, r) =>
                tokenStatusOf(r) === 'revoked' ? null : (
                  <Popconfirm
                    title={t('tokens.revokeConfirm', { name: r.name })}
                    description={t('tokens.revokeHint')}
                    okText={t('tokens.revoke')}
                    okButtonProps={{ danger: true }}
                    cancelText={t('common.cancel')}
                    onConfirm={() => doRevoke(r)}
                  >
                    <Button type="link" size="small" danger>
                      {t('tokens.revoke')}
                    </Button>
                  </Popconfirm>
                ),
            },
          ]}
        />
      </Card>
      {creating && <TokenCreateModal onClose={() => setCreating(false)} />}
    </>
  );
}
