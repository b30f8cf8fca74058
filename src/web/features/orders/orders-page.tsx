import { DownloadOutlined, ImportOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Checkbox, DatePicker, Empty, Input, Select, Space, Table } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { orderStatuses, priorities } from '../../../contracts/orders.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { dayjs } from '../../lib/date-field.ts';
import { useSession } from '../auth/session.ts';
import { CustomerSelect } from '../customers/customer-select.tsx';
import { useOwnerOptions } from '../customers/use-owner-options.ts';
import { ORDER_EXPORT_MAX_ROWS } from '../../../contracts/order-list.ts';
import { formatDate } from '../../lib/format.ts';
import { SavedViewsMenu } from '../views/saved-views-menu.tsx';
import { useOrderList, type OrderListItem } from './api.ts';
import { useOrderColumns } from './order-columns.tsx';
import { orderFilterSummary } from './order-filter-summary.ts';
import { exportOrders, useOrderCounts, type OrderListFilters } from './order-list-api.ts';
import { OrderStatusTabs } from './order-status-tabs.tsx';

const FILTER_KEYS = ['q', 'status', 'customerId', 'ownerId', 'priority', 'from', 'to', 'overdue', 'hasWarnings'] as const;
const isDate = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v);

/**
 * 订单: status tabs with counts, search and filters — all in the URL, so a reload or a shared
 * link shows the same list — saved views (my default applied when the list opens bare) and
 * the Excel export of exactly what the filters select.
 */
export function OrdersPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = useSession();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const pick = <T extends string>(key: string, allowed: readonly T[]): '' | T => {
    const v = params.get(key) ?? '';
    return (allowed as readonly string[]).includes(v) ? (v as T) : '';
  };
  const [openedBare] = useState(() => !FILTER_KEYS.some((k) => params.get(k)));
  const filters: OrderListFilters = {
    q: params.get('q') ?? '',
    status: pick('status', orderStatuses),
    customerId: params.get('customerId') ?? '',
    ownerId: params.get('ownerId') ?? '',
    priority: pick('priority', priorities),
    from: isDate(params.get('from') ?? '') ? params.get('from')! : '',
    to: isDate(params.get('to') ?? '') ? params.get('to')! : '',
    overdue: params.get('overdue') === 'true' ? 'true' : '',
    hasWarnings: params.get('hasWarnings') === 'true' ? 'true' : '',
  };
  const setFilters = (patch: Partial<OrderListFilters>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next, { replace: true });
  };
  const filtered = FILTER_KEYS.some((k) => filters[k]);
  const list = useOrderList(filters);
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const owners = useOwnerOptions(rows.map((r) => ({ id: r.ownerId, name: r.ownerName })));
  const columns = useOrderColumns();
  const counts = useOrderCounts(filters);
  const writable = can('orders:write');
  const applyView = useCallback((query: Record<string, string>) => setParams(new URLSearchParams(query), { replace: true }), [setParams]);
  const summary = useCallback((query: Record<string, unknown>) => orderFilterSummary(t, query), [t]);
  const [exporting, setExporting] = useState(false);
  const matching = counts.data ? (filters.status ? counts.data.byStatus[filters.status] : counts.data.total) : undefined;
  const runExport = async () => {
    setExporting(true);
    try {
      await exportOrders(filters, t('orderList.exportFile', { date: formatDate(new Date().toISOString()) }));
      if (matching !== undefined && matching > ORDER_EXPORT_MAX_ROWS) void message.warning(t('orderList.exportTruncated', { total: matching, count: ORDER_EXPORT_MAX_ROWS }), 8);
      else if (matching !== undefined) void message.success(t('orderList.exportDone', { count: matching }));
    } catch (err) {
      void message.error((err as Error).message);
    } finally {
      setExporting(false);
    }
  };

  const empty = filtered ? (
    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('orders.emptyFiltered')}>
      <Button onClick={() => setParams(new URLSearchParams(), { replace: true })}>{t('common.clearFilters')}</Button>
    </Empty>
  ) : (
    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={writable ? t('orders.empty') : t('orders.emptyReadOnly')}>
      {writable && (
        <Space wrap>
          <Link to="/orders/new">
            <Button type="primary">{t('orders.create')}</Button>
          </Link>
          <Link to="/orders/import">
            <Button>{t('orders.import.action')}</Button>
          </Link>
          <Link to="/requirements?status=confirmed">
            <Button>{t('orders.fromRequirement')}</Button>
          </Link>
        </Space>
      )}
    </Empty>
  );

  return (
    <>
      <PageHeader
        title={t('orders.title')}
        subtitle={t('orders.subtitle')}
        extra={
          <>
            <Button icon={<DownloadOutlined />} onClick={() => void runExport()} loading={exporting} disabled={matching === 0} data-testid="export-orders">
              {exporting ? t('orderList.exporting') : t('orderList.export')}
            </Button>
            {writable && (
              <>
                <Link to="/orders/import">
                  <Button icon={<ImportOutlined />}>{t('orders.import.action')}</Button>
                </Link>
                <Link to={filters.customerId ? `/orders/new?customerId=${filters.customerId}` : '/orders/new'}>
                  <Button type="primary" icon={<PlusOutlined />} data-testid="create-order">
                    {t('orders.create')}
                  </Button>
                </Link>
              </>
            )}
          </>
        }
      />
      <Card size="small">
        <OrderStatusTabs status={filters.status} counts={counts.data} onChange={(status) => setFilters({ status })} />
        <div className="gd-filter-bar">
          <SavedViewsMenu entity="orders" current={filters} onApply={applyView} summary={summary} applyDefault={openedBare} />
          <Input.Search key={filters.q} defaultValue={filters.q} placeholder={t('orders.searchPlaceholder')} allowClear onSearch={(v) => setFilters({ q: v.trim() })} style={{ width: 240, maxWidth: '100%' }} data-testid="order-search" />
          <div style={{ width: 240, maxWidth: '100%' }}>
            <CustomerSelect value={filters.customerId || undefined} onChange={(v) => setFilters({ customerId: v })} allowClear placeholder={t('orders.customerFilter')} />
          </div>
          <Select value={filters.ownerId || undefined} onChange={(v?: string) => setFilters({ ownerId: v ?? '' })} placeholder={t('orders.ownerFilter')} allowClear showSearch={{ optionFilterProp: 'label' }} options={owners} style={{ width: 140 }} />
          <Select
            value={filters.priority || undefined}
            onChange={(v?: string) => setFilters({ priority: (v ?? '') as OrderListFilters['priority'] })}
            placeholder={t('orders.priorityFilter')}
            allowClear
            options={priorities.map((p) => ({ value: p, label: t(`orders.priority.${p}`) }))}
            style={{ width: 120 }}
          />
          <DatePicker.RangePicker
            value={filters.from || filters.to ? [filters.from ? dayjs(filters.from) : null, filters.to ? dayjs(filters.to) : null] : null}
            onChange={(r) => setFilters({ from: r?.[0]?.format('YYYY-MM-DD') ?? '', to: r?.[1]?.format('YYYY-MM-DD') ?? '' })}
            placeholder={[t('orders.createdFrom'), t('orders.createdTo')]}
            allowEmpty={[true, true]}
            style={{ width: 250, maxWidth: '100%' }}
          />
          <Checkbox checked={filters.overdue === 'true'} onChange={(e) => setFilters({ overdue: e.target.checked ? 'true' : '' })} data-testid="filter-overdue">
            {t('orderList.overdue')}
          </Checkbox>
          <Checkbox checked={filters.hasWarnings === 'true'} onChange={(e) => setFilters({ hasWarnings: e.target.checked ? 'true' : '' })}>
            {t('orderList.hasWarnings')}
          </Checkbox>
        </div>
        {list.error && <ErrorAlert error={list.error} style={{ marginBottom: 12 }} />}
        <Table<OrderListItem>
          size="small"
          rowKey="id"
          columns={columns}
          dataSource={rows}
          loading={list.isPending || (list.isFetching && !list.isFetchingNextPage && list.isPlaceholderData)}
          pagination={false}
          scroll={{ x: 'max-content' }}
          onRow={(o) => ({ onDoubleClick: () => void navigate(`/orders/${o.id}`) })}
          locale={{ emptyText: empty }}
          data-testid="order-table"
        />
        <div className="gd-table-foot">
          <span>{t('orders.count', { count: rows.length })}</span>
          {list.hasNextPage && (
            <Button onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
              {t('common.loadMore')}
            </Button>
          )}
        </div>
      </Card>
    </>
  );
}
