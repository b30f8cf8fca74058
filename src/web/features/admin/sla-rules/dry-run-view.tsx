import { Card, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/format.ts';
import type { SlaDryRun } from './api.ts';

const stateColor = { ok: 'green', reminded: 'gold', late: 'red' } as const;

/** Per stage: open, with a deadline, late, reminding, escalated, changed — and the orders behind the counts. */
export function DryRunView({ result }: { result: SlaDryRun }) {
  const { t } = useTranslation();
  return (
    <Card size="small" style={{ marginTop: 16 }} title={t('slaRules.dryRun')} extra={<Typography.Text type="secondary">{t('slaRules.dryRunOrders', { count: result.orders })}</Typography.Text>} data-testid="sla-dry-run-result">
      <Typography.Paragraph type="secondary">{t('slaRules.dryRunHelp')}</Typography.Paragraph>
      <Table
        size="small"
        rowKey="stage"
        pagination={false}
        dataSource={result.stages}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t('slaRules.stage'), dataIndex: 'stage', render: (s: string) => t(`orders.stage.${s as 'review'}`) },
          { title: t('slaRules.open'), dataIndex: 'open' },
          { title: t('slaRules.withDue'), dataIndex: 'withDue' },
          { title: t('slaRules.late'), dataIndex: 'late', render: (n: number) => (n ? <Typography.Text type="danger">{n}</Typography.Text> : n) },
          { title: t('slaRules.reminded'), dataIndex: 'reminded' },
          { title: t('slaRules.escalated'), dataIndex: 'escalated' },
          { title: t('slaRules.changed'), dataIndex: 'changed' },
        ]}
      />
      {result.samples.length > 0 && (
        <Table
          size="small"
          style={{ marginTop: 12 }}
          rowKey={(r) => `${r.orderId}:${r.stage}`}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          dataSource={result.samples}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: t('slaRules.order'), dataIndex: 'number', render: (n: string | null, r) => <a href={`/orders/${r.orderId}`}>{n ?? r.orderId}</a> },
            { title: t('slaRules.stage'), dataIndex: 'stage', render: (s: string) => t(`orders.stage.${s as 'review'}`) },
            { title: t('slaRules.currentDue'), dataIndex: 'currentDueAt', render: (v: string | null) => formatDateTime(v) },
            { title: t('slaRules.proposedDue'), dataIndex: 'proposedDueAt', render: (v: string | null) => formatDateTime(v) },
            { title: t('common.status'), dataIndex: 'state', render: (s: 'ok' | 'reminded' | 'late') => <Tag color={stateColor[s]}>{t(`slaRules.state.${s}`)}</Tag> },
          ]}
        />
      )}
    </Card>
  );
}
