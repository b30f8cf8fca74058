import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Select, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { stockCountStatuses } from '../../../../contracts/inventory.ts';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { useSession } from '../../auth/session.ts';
import { useWarehouses } from '../api.ts';
import { InventoryNav } from '../inventory-nav.tsx';
import { useStockCounts, type CountFilters, type StockCount } from './api.ts';
import { CountStatusTag } from './count-status-tag.tsx';
import { NewCountModal } from './new-count-modal.tsx';

/** 盘点: the counts of every warehouse, newest first, by warehouse and status (filters in the URL). */
export function StockCountsPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const [params, setParams] = useSearchParams();
  const status = params.get('status') ?? '';
  const filters: CountFilters = { warehouseId: params.get('warehouseId') ?? '', status: (stockCountStatuses as readonly string[]).includes(status) ? (status as CountFilters['status']) : '' };
  const setFilter = (key: keyof CountFilters, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const list = useStockCounts(filters);
  const warehouses = useWarehouses();
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const [creating, setCreating] = useState(false);
  const writable = can('inventory:write');

  return (
    <>
      <PageHeader
        title={t('inventory.counts.title')}
        subtitle={t('inventory.counts.subtitle')}
        extra={
          writable && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="new-count">
              {t('inventory.counts.create')}
            </Button>
          )
        }
      />
      <InventoryNav />
      <Card size="small">
        <div className="gd-filter-bar">
          <Select value={filters.warehouseId || undefined} onChange={(v?: string) => setFilter('warehouseId', v ?? '')} placeholder={t('inventory.allWarehouses')} allowClear options={(warehouses.data ?? []).map((w) => ({ value: w.id, label: `${w.code} · ${w.name}` }))} style={{ width: 200 }} />
          <Select value={filters.status || undefined} onChange={(v?: string) => setFilter('status', v ?? '')} placeholder={t('inventory.counts.status')} allowClear options={stockCountStatuses.map((s) => ({ value: s, label: t(`inventory.counts.statusName.${s}`) }))} style={{ width: 130 }} />
        </div>
        {list.error && <ErrorAlert error={list.error} style={{ marginBottom: 12 }} />}
        <Table<StockCount>
          size="small"
          rowKey="id"
          dataSource={rows}
          loading={list.isPending}
          pagination={false}
          scroll={{ x: 'max-content' }}
          data-testid="counts-table"
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('inventory.counts.empty')} /> }}
          columns={[
            { title: t('inventory.counts.number'), dataIndex: 'number', render: (v: string, c) => <Link to={`/inventory/counts/${c.id}`} className="gd-mono">{v}</Link> },
            { title: t('inventory.counts.status'), dataIndex: 'status', render: (v: StockCount['status']) => <CountStatusTag status={v} /> },
            { title: t('inventory.warehouse'), dataIndex: 'warehouseCode' },
            { title: t('inventory.counts.progress'), key: 'progress', align: 'right', render: (_, c) => <span className="gd-num">{`${c.countedCount} / ${c.lineCount}`}</span> },
            { title: t('inventory.counts.note'), dataIndex: 'note', responsive: ['md'], render: (v: string | null) => v ?? t('common.none') },
            { title: t('inventory.counts.createdAt'), dataIndex: 'createdAt', responsive: ['sm'], render: (v: string) => formatDateTime(v) },
            { title: t('inventory.counts.postedAt'), dataIndex: 'postedAt', responsive: ['md'], render: (v: string | null) => (v ? formatDateTime(v) : t('common.none')) },
          ]}
        />
        <div className="gd-table-foot">
          <span>{t('inventory.counts.rows', { count: rows.length })}</span>
          {list.hasNextPage && (
            <Button onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
              {t('common.loadMore')}
            </Button>
          )}
        </div>
      </Card>
      {creating && <NewCountModal onClose={() => setCreating(false)} />}
    </>
  );
}
