import { ImportOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Checkbox, DatePicker, Select, Space } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ORDER_EXPORT_MAX_ROWS } from '../../../contracts/order-list.ts';
import { orderStatuses, priorities } from '../../../contracts/orders.ts';
import { ExportButton } from '../../components/list-page/export-button.tsx';
import { FilteredList, ListEmpty, rowsOf, SearchFilter } from '../../components/list-page/filtered-list.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { dayjs } from '../../lib/date-field.ts';
import { formatDate } from '../../lib/format.ts';
import { flag, isoDate, oneOf, text, useUrlFilters } from '../../lib/use-url-filters.ts';
import { useSession } from '../auth/session.ts';
import { CustomerSelect } from '../customers/customer-select.tsx';
import { useOwnerOptions } from '../customers/use-owner-options.ts';
import { SavedViewsMenu } from '../views/saved-views-menu.tsx';
import { useOrderList } from './api.ts';
import { useOrderColumns } from './order-columns.tsx';
import { orderFilterSummary } from './order-filter-summary.ts';
import { exportOrders, useOrderCounts } from './order-list-api.ts';
import { OrderStatusTabs } from './order-status-tabs.tsx';

const FILTERS = {
  q: text,
  status: oneOf(orderStatuses),
  customerId: text,
  ownerId: text,
  priority: oneOf(priorities),
  from: isoDate,
  to: isoDate,
  overdue: flag,
  hasWarnings: flag,
};

/**
 * 订单: status tabs with counts, search and filters — all in the URL, so a reload or a shared
 * link shows the same list — saved views (my default applied when the list opens bare) and
 * the Excel export of exactly what the filters select.
 */
export function OrdersPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = useSession();
  const { filters, filtered, openedBare, setFilters, replace, clear } = useUrlFilters(FILTERS);
  const list = useOrderList(filters);
  const owners = useOwnerOptions(rowsOf(list).map((r) => ({ id: r.ownerId, name: r.ownerName })));
  const columns = useOrderColumns();
  const counts = useOrderCounts(filters);
  const writable = can('orders:write');
  const summary = useCallback((query: Record<string, unknown>) => orderFilterSummary(t, query), [t]);
  const matching = counts.data ? (filters.status ? counts.data.byStatus[filters.status] : counts.data.total) : undefined;
  const runExport = async () => {
    await exportOrders(filters, t('orderList.exportFile', { date: formatDate(new Date().toISOString()) }));
    if (matching !== undefined && matching > ORDER_EXPORT_MAX_ROWS) void message.warning(t('orderList.exportTruncated', { total: matching, count: ORDER_EXPORT_MAX_ROWS }), 8);
    else if (matching !== undefined) void message.success(t('orderList.exportDone', { count: matching }));
  };

  return (
    <>
      <PageHeader
        title={t('orders.title')}
        subtitle={t('orders.subtitle')}
        extra={
          <>
            <ExportButton run={runExport} label={t('orderList.export')} disabled={matching === 0} testId="export-orders" />
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
      <FilteredList
        list={list}
        columns={columns}
        count={(count) => t('orders.count', { count })}
        rowLink={(o) => `/orders/${o.id}`}
        testId="order-table"
        head={<OrderStatusTabs status={filters.status} counts={counts.data} onChange={(status) => setFilters({ status })} />}
        filters={
          <>
            <SavedViewsMenu entity="orders" current={filters} onApply={replace} summary={summary} applyDefault={openedBare} />
            <SearchFilter value={filters.q} onSearch={(q) => setFilters({ q })} placeholder={t('orders.searchPlaceholder')} width={240} testId="order-search" />
            <div style={{ width: 240, maxWidth: '100%' }}>
              <CustomerSelect value={filters.customerId || undefined} onChange={(v) => setFilters({ customerId: v })} allowClear placeholder={t('orders.customerFilter')} />
            </div>
            <Select value={filters.ownerId || undefined} onChange={(v?: string) => setFilters({ ownerId: v ?? '' })} placeholder={t('orders.ownerFilter')} allowClear showSearch={{ optionFilterProp: 'label' }} options={owners} style={{ width: 140 }} />
            <Select
              value={filters.priority || undefined}
              onChange={(v?: string) => setFilters({ priority: v ?? '' })}
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
          </>
        }
        empty={
          <ListEmpty filtered={filtered} onClear={clear} filteredText={t('orders.emptyFiltered')} text={writable ? t('orders.empty') : t('orders.emptyReadOnly')}>
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
          </ListEmpty>
        }
      />
    </>
  );
}
