import { App, Button, Card, Descriptions, Empty, Progress, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { ReasonModal } from '../../components/reason-modal.tsx';
import { formatDateTime, formatQty } from '../../lib/format.ts';
import { useSession } from '../auth/session.ts';
import { PriorityTag } from '../orders/order-tags.tsx';
import { useCancelWorkOrder, useRelease, useWorkOrder, type WorkOrderDetail } from './api.ts';
import { ProgressEntry } from './progress-entry.tsx';
import { WorkOrderStatusTag } from './status-tags.tsx';
import { PlannedFinish } from './work-orders-page.tsx';

type Operation = WorkOrderDetail['operations'][number];

/** One work order: its plan, its operations with progress entry (tablet-friendly), and what was reported. */
export function WorkOrderDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = useSession();
  const wo = useWorkOrder(id);
  const release = useRelease();
  const cancel = useCancelWorkOrder();
  const [cancelling, setCancelling] = useState(false);
  const [error, setError] = useState<unknown>(null);
  if (wo.error) return <ErrorAlert error={wo.error} />;
  if (!wo.data) return <Card loading />;
  const w = wo.data;
  const writable = can('production:write');
  const open = w.status !== 'done' && w.status !== 'cancelled';
  const reporting = writable && (w.status === 'released' || w.status === 'in_progress');

  const doRelease = async () => {
    setError(null);
    try {
      await release.mutateAsync({ id: w.id, version: w.version });
      void message.success(t('production.released', { number: w.number }));
    } catch (err) {
      setError(err);
    }
  };

  return (
    <>
      <PageHeader
        title={
          <Space wrap>
            <span className="gd-mono">{w.number}</span>
            <WorkOrderStatusTag status={w.status} />
            <PriorityTag status={w.priority} />
          </Space>
        }
        subtitle={`${w.sku} · ${w.productName} × ${formatQty(w.qty)}`}
        extra={
          writable && open && (
            <>
              {w.status === 'planned' && (
                <Button type="primary" onClick={() => void doRelease()} loading={release.isPending} data-testid="release">
                  {t('production.release')}
                </Button>
              )}
              <Button danger onClick={() => setCancelling(true)}>
                {t('production.cancel')}
              </Button>
            </>
          )
        }
      />
      {error ? <ErrorAlert error={error} style={{ marginBottom: 12 }} /> : null}
      <Card size="small" style={{ marginBottom: 12 }}>
        <Descriptions size="small" column={{ xs: 1, sm: 2, md: 3 }}>
          <Descriptions.Item label={t('production.workOrders.order')}>{w.orderId ? <Link to={`/orders/${w.orderId}`}>{w.orderNumber ?? w.orderId}</Link> : t('production.makeToStock')}</Descriptions.Item>
          <Descriptions.Item label={t('production.dueDate')}>{w.dueDate ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('production.progress')}>
            <Progress percent={w.progressPct} size="small" style={{ width: 160, margin: 0 }} />
          </Descriptions.Item>
          <Descriptions.Item label={t('production.plannedStart')}>{formatDateTime(w.plannedStart)}</Descriptions.Item>
          <Descriptions.Item label={t('production.plannedFinish')}>
            <PlannedFinish value={w.plannedFinish} atRisk={w.atRisk} open={open} />
          </Descriptions.Item>
          <Descriptions.Item label={t('production.receivedQty')}>{formatQty(w.receivedQty)}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card size="small" title={t('production.operations')} style={{ marginBottom: 12 }}>
        <Table<Operation>
          size="small"
          rowKey="id"
          dataSource={w.operations}
          pagination={false}
          scroll={{ x: 900 }}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('production.noOperations')} /> }}
          columns={[
            { title: t('production.operation'), dataIndex: 'name', render: (v: string, o) => `${o.seq} · ${v}` },
            { title: t('production.workCenter'), dataIndex: 'workCenterCode', render: (v: string) => <span className="gd-mono">{v}</span> },
            { title: t('production.good'), dataIndex: 'goodQty', align: 'right', render: (v: number) => formatQty(v) },
            { title: t('production.scrap'), dataIndex: 'scrapQty', align: 'right', render: (v: number) => formatQty(v) },
            { title: t('production.remaining'), dataIndex: 'remainingQty', align: 'right', render: (v: number) => formatQty(v) },
            { title: t('production.planned'), dataIndex: 'plannedStart', render: (v: string | null, o) => (v ? `${formatDateTime(v)} → ${formatDateTime(o.plannedFinish)}` : '—') },
            ...(reporting ? [{ title: t('production.report'), key: 'report', width: 300, render: (_: unknown, o: Operation) => (o.state === 'done' ? <Typography.Text type="success">{t('production.opDone')}</Typography.Text> : <ProgressEntry workOrderId={w.id} operation={o} />) }] : []),
          ]}
        />
      </Card>
      <Card size="small" title={t('production.reports')}>
        <Table
          size="small"
          rowKey="id"
          dataSource={w.progress}
          pagination={false}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('production.noReports')} /> }}
          columns={[
            { title: t('production.reportedAt'), dataIndex: 'at', render: (v: string) => formatDateTime(v) },
            { title: t('production.operation'), dataIndex: 'operationId', render: (v: string) => w.operations.find((o) => o.id === v)?.name ?? v },
            { title: t('production.good'), dataIndex: 'goodQty', align: 'right', render: (v: number) => formatQty(v) },
            { title: t('production.scrap'), dataIndex: 'scrapQty', align: 'right', render: (v: number) => formatQty(v) },
          ]}
        />
      </Card>
      {cancelling && (
        <ReasonModal
          title={t('production.cancelTitle', { number: w.number })}
          label={t('production.cancelReason')}
          okText={t('production.cancel')}
          required
          danger
          onSubmit={(reason) => cancel.mutateAsync({ id: w.id, reason })}
          onClose={() => setCancelling(false)}
        />
      )}
    </>
  );
}
