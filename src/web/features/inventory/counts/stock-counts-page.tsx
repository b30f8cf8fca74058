import { PlusOutlined } from '@ant-design/icons';
import { Button, Empty } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { stockCountStatuses } from '../../../../contracts/inventory.ts';
import { FilteredList, SelectFilter } from '../../../components/list-page/filtered-list.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { oneOf, text, useUrlFilters } from '../../../lib/use-url-filters.ts';
import { useSession } from '../../auth/session.ts';
import { InventoryNav } from '../inventory-nav.tsx';
import { WarehouseFilter } from '../stock-list-parts.tsx';
import { useStockCounts, type StockCount } from './api.ts';
import { CountStatusTag } from './count-status-tag.tsx';
import { NewCountModal } from './new-count-modal.tsx';

const FILTERS = { warehouseId: text, status: oneOf(stockCountStatuses) };

/** 盘点: the counts of every warehouse, newest first, by warehouse and status (filters in the URL). */
export function StockCountsPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const { filters, setFilters } = useUrlFilters(FILTERS);
  const list = useStockCounts(filters);
  const [creating, setCreating] = useState(false);

  return (
    <>
      <PageHeader
        title={t('inventory.counts.title')}
        subtitle={t('inventory.counts.subtitle')}
        extra={
          can('inventory:write') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="new-count">
              {t('inventory.counts.create')}
            </Button>
          )
        }
      />
      <InventoryNav />
      <FilteredList
        list={list}
        count={(count) => t('inventory.counts.rows', { count })}
        rowLink={(c) => `/inventory/counts/${c.id}`}
        testId="counts-table"
        filters={
          <>
            <WarehouseFilter value={filters.warehouseId} onChange={(warehouseId) => setFilters({ warehouseId })} width={200} />
            <SelectFilter value={filters.status} onChange={(status) => setFilters({ status })} placeholder={t('inventory.counts.status')} options={stockCountStatuses.map((s) => ({ value: s, label: t(`inventory.counts.statusName.${s}`) }))} width={130} />
          </>
        }
        empty={<Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('inventory.counts.empty')} />}
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
      {creating && <NewCountModal onClose={() => setCreating(false)} />}
    </>
  );
}
