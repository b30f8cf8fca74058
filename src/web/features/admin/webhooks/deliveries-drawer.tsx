import { Drawer, Empty, Grid, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { currentLanguage } from '../../../i18n/index.ts';
import { formatDateTime, formatRelative } from '../../../lib/format.ts';
import { useWebhookDeliveries, type Webhook, type WebhookDelivery } from './api.ts';
import { DeliveryStatusTag, deliveryViewOf } from './delivery-status-tag.tsx';

/** The last deliveries of one webhook: did the test (or a real event) arrive, and if not, why. */
export function DeliveriesDrawer({ webhook, onClose }: { webhook: Webhook; onClose: () => void }) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const deliveries = useWebhookDeliveries(webhook.id);

  return (
    <Drawer open onClose={onClose} title={t('webhooks.deliveriesTitle', { name: webhook.name })} size={screens.md === false ? '100%' : 640}>
      {deliveries.error && <ErrorAlert error={deliveries.error} style={{ marginBottom: 12 }} />}
      <Table<WebhookDelivery>
        size="small"
        rowKey="id"
        loading={deliveries.isPending}
        dataSource={deliveries.data ?? []}
        pagination={false}
        scroll={{ x: 600 }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('webhooks.noDeliveries')} /> }}
        expandable={{
          rowExpandable: (d) => d.attemptLog.length > 0,
          expandedRowRender: (d) => (
            <ul className="gd-attempts">
              {d.attemptLog.map((a) => (
                <li key={a.attempt}>
                  #{a.attempt} · {formatDateTime(a.at)} · {a.durationMs} ms · {a.ok ? t('webhooks.delivery.done') : <Typography.Text type="danger">{a.error ?? t('webhooks.delivery.retrying')}</Typography.Text>}
                </li>
              ))}
            </ul>
          ),
        }}
        columns={[
          { title: t('webhooks.topic'), dataIndex: 'topic', width: 160, render: (v: string) => <span className="gd-mono">{v}</span> },
          { title: t('common.status'), key: 'state', width: 90, render: (_, d) => <DeliveryStatusTag status={deliveryViewOf(d)} /> },
          { title: t('webhooks.attempts'), dataIndex: 'attempts', width: 90, align: 'right' },
          { title: t('common.createdAt'), dataIndex: 'createdAt', width: 100, render: (v: string) => <span title={formatDateTime(v)}>{formatRelative(v, currentLanguage())}</span> },
          { title: t('webhooks.lastError'), dataIndex: 'lastError', ellipsis: true, render: (v: string | null) => (v ? <Typography.Text type="danger">{v}</Typography.Text> : t('common.none')) },
        ]}
      />
    </Drawer>
  );
}
