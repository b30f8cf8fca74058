import { LockOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { formatDate } from '../../../lib/format.ts';
import { useTestWebhook, useWebhooks, type Webhook } from './api.ts';
import { DeliveriesDrawer } from './deliveries-drawer.tsx';
import { WebhookFormModal } from './webhook-form-modal.tsx';
import { WebhookStatusTag, webhookStatusOf } from './webhook-status-tag.tsx';

/** 设置 → Webhook 推送: list, create/edit (preset, secret, topics), send a test. */
export function WebhooksPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const hooks = useWebhooks();
  const test = useTestWebhook();
  const [editing, setEditing] = useState<Webhook | 'new' | null>(null);
  const [viewing, setViewing] = useState<Webhook | null>(null);

  const sendTest = (w: Webhook) =>
    test.mutate(w.id, {
      onSuccess: () => {
        void message.success(t('webhooks.testSent'));
        setViewing(w);
      },
      onError: (err) => void message.error(t('webhooks.testFailed', { reason: err.message })),
    });

  return (
    <>
      <PageHeader
        title={t('webhooks.title')}
        subtitle={t('webhooks.subtitle')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} disabled={!!hooks.error}>
            {t('webhooks.create')}
          </Button>
        }
      />
      <Card size="small">
        {hooks.error && <ErrorAlert error={hooks.error} style={{ marginBottom: 12 }} />}
        <Table<Webhook>
          size="small"
          rowKey="id"
          loading={hooks.isPending}
          dataSource={hooks.data ?? []}
          pagination={false}
          scroll={{ x: 900 }}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={hooks.error ? t('webhooks.unavailable') : t('webhooks.empty')} /> }}
          columns={[
            {
              title: t('webhooks.name'),
              dataIndex: 'name',
              render: (v: string, w) => (
                <Space size={6}>
                  {v}
                  {w.hasSecret && (
                    <Tooltip title={t('webhooks.hasSecret')}>
                      <LockOutlined style={{ color: '#52c41a' }} aria-label={t('webhooks.hasSecret')} />
                    </Tooltip>
                  )}
                </Space>
              ),
            },
            { title: t('webhooks.preset'), dataIndex: 'preset', render: (p: Webhook['preset']) => <Tag>{t(`webhooks.presets.${p}`)}</Tag> },
            { title: t('webhooks.url'), dataIndex: 'url', ellipsis: true, render: (v: string) => <Typography.Text className="gd-mono" style={{ fontSize: 12 }}>{v}</Typography.Text> },
            {
              title: t('webhooks.topics'),
              dataIndex: 'topics',
              render: (topics: string[]) => (
                <Space size={[0, 4]} wrap>
                  {topics.map((x) => (
                    <Tag key={x} className="gd-mono">
                      {x}
                    </Tag>
                  ))}
                </Space>
              ),
            },
            { title: t('common.status'), key: 'status', render: (_, w) => <WebhookStatusTag status={webhookStatusOf(w)} /> },
            { title: t('common.createdAt'), dataIndex: 'createdAt', render: (v: string) => formatDate(v) },
            {
              title: t('common.actions'),
              key: 'actions',
              render: (_, w) => (
                <Space size={0}>
                  <Button type="link" size="small" onClick={() => setEditing(w)}>
                    {t('common.edit')}
                  </Button>
                  <Button type="link" size="small" onClick={() => sendTest(w)} loading={test.isPending && test.variables === w.id}>
                    {t('webhooks.test')}
                  </Button>
                  <Button type="link" size="small" onClick={() => setViewing(w)}>
                    {t('webhooks.deliveries')}
                  </Button>
                </Space>
              ),
            },
          ]}
        />
      </Card>
      {viewing && <DeliveriesDrawer webhook={viewing} onClose={() => setViewing(null)} />}
      {editing && <WebhookFormModal webhook={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />}
    </>
  );
}
