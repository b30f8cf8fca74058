import { PlusOutlined, ScheduleOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Input, Progress, Select, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { workOrderStatuses } from '../../../contracts/production.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { formatDateTime, formatQty } from '../../lib/format.ts';
import { useSession } from '../auth/session.ts';
import { PriorityTag } from '../orders/order-tags.tsx';
import { useRunSchedule, useWorkOrders, type WorkOrder, type WorkOrderFilters } from './api.ts';
import { NewWorkOrderModal } from './new-work-order-modal.tsx';
import { ProductionNav } from './production-nav.tsx';
import { WorkOrderStatusTag } from './status-tags.tsx';

/** 工单: every work order with its progress and plan; filters in the URL; the planner runs 排产 from here. */
export function WorkOrdersPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = useSession();
  const [params, setParams] = useSearchParams();
  const status = params.get('status') ?? '';
  const filters: WorkOrderFilters = {
    status: (workOrderStatuses as readonly string[]).includes(status) ? (status as WorkOrderFilters['status']) : '',
    q: params.get('q') ?? '',
    atRisk: params.get('atRisk') === 'true' ? 'true' : '',
  };
  const setFilter = (key: keyof WorkOrderFilters, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const list = useWorkOrders(filters);
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const run = useRunSchedule();
  const [adding, setAdding] = useState(false);
  const writable = can('production:write');

  const schedule = async () => {
    try {
      const r = await run.mutateAsync();
      void message.success(t('production.scheduled', { scheduled: r.scheduled, unscheduled: r.unscheduled, atRisk: r.atRiskOrders.length, ms: r.durationMs }));
    } catch (err) {
      void message.error(err instanceof Error ? err.message : String(err));
    }
  };

  return (
    <>
      <PageHeader
        title={t('production.workOrders.title')}
        subtitle={t('production.workOrders.subtitle')}
        extra={
          writable && (
            <>
              <Button icon={<ScheduleOutlined />} onClick={() => void schedule()} loading={run.isPending} data-testid="run-schedule">
                {t('production.runSchedule')}
              </Button>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="new-work-order">
                {t('production.workOrders.create')}
              </Button>
            </>
          )
        }
      />
      <ProductionNav />
      <Card size="small">
        <div className="gd-filter-bar">
          <Input.Search defaultValue={filters.q} onSearch={(v) => setFilter('q', v.trim())} placeholder={t('production.workOrders.search')} allowClear style={{ width: 240 }} />
          <Select value={filters.status || undefined} onChange={(v?: string) => setFilter('status', v ?? '')} placeholder={t('production.workOrders.statusFilter')} allowClear options={workOrderStatuses.map((s) => ({ value: s, label: t(`production.status.${s}`) }))} style={{ width: 140 }} />
          <span>
            <Switch size="small" checked={filters.atRisk === 'true'} onChange={(v) => setFilter('atRisk', v ? 'true' : '')} /> <Typography.Text>{t('production.onlyAtRisk')}</Typography.Text>
          </span>
        </div>
        {list.error && <ErrorAlert error={list.error} style={{ marginBottom: 12 }} />}
        <Table<WorkOrder>
          size="small"
          rowKey="id"
          dataSource={rows}
          loading={list.isPending}
          pagination={false}
          scroll={{ x: 900 }}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('production.workOrders.empty')} /> }}
          columns={[
            { title: t('production.workOrders.number'), dataIndex: 'number', render: (v: string, r) => <Link to={`/production/work-orders/${r.id}`} className="gd-mono">{v}</Link> },
            { title: t('production.workOrders.order'), dataIndex: 'orderNumber', render: (v: string | null, r) => (r.orderId ? <Link to={`/orders/${r.orderId}`}>{v ?? r.orderId}</Link> : <Typography.Text type="secondary">{t('production.makeToStock')}</Typography.Text>) },
            { title: t('production.workOrders.product'), dataIndex: 'sku', render: (v: string, r) => `${v} · ${r.productName}` },
            { title: t('production.workOrders.qty'), dataIndex: 'qty', align: 'right', render: (v: number) => formatQty(v) },
            { title: t('production.priority'), dataIndex: 'priority', render: (v: WorkOrder['priority']) => <PriorityTag status={v} /> },
            { title: t('common.status'), dataIndex: 'status', render: (v: WorkOrder['status']) => <WorkOrderStatusTag status={v} /> },
            { title: t('production.progress'), dataIndex: 'progressPct', width: 140, render: (v: number) => <Progress percent={v} size="small" /> },
            { title: t('production.plannedFinish'), dataIndex: 'plannedFinish', render: (v: string | null, r) => <PlannedFinish value={v} atRisk={r.atRisk} open={r.status !== 'done' && r.status !== 'cancelled'} /> },
          ]}
        />
        {list.hasNextPage && (
          <Button block onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage} style={{ marginTop: 12 }}>
            {t('common.loadMore')}
          </Button>
        )}
      </Card>
      {adding && <NewWorkOrderModal onClose={() => setAdding(false)} />}
    </>
  );
}

/** Planned finish, red with 有风险 when it misses the promise (or could not be planned). */
export function PlannedFinish({ value, atRisk, open }: { value: string | null; atRisk: boolean; open: boolean }) {
  const { t } = useTranslation();
  return (
    <span>
      <span style={atRisk && open ? { color: 'var(--ant-color-error, #ff4d4f)' } : undefined}>{value ? formatDateTime(value) : open ? t('production.notPlanned') : '—'}</span>{' '}
      {atRisk && open && <Tag color="error">{t('production.atRisk')}</Tag>}
    </span>
  );
}
