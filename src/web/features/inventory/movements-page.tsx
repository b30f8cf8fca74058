import { PlusOutlined } from '@ant-design/icons';
import { Button, Empty, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { movementTypes } from '../../../contracts/inventory.ts';
import { ExportButton } from '../../components/list-page/export-button.tsx';
import { FilteredList, SelectFilter } from '../../components/list-page/filtered-list.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { oneOf, text, useUrlFilters } from '../../lib/use-url-filters.ts';
import { useSession } from '../auth/session.ts';
import { ProductSelect } from '../catalog/product-select.tsx';
import { exportMovements, useMovements, type Movement } from './api.ts';
import { InventoryNav } from './inventory-nav.tsx';
import { MovementModal } from './movement-modal.tsx';
import { MovementTypeTag } from './movement-type-tag.tsx';
import { movementReason, productColumn, SignedQty, WarehouseFilter } from './stock-list-parts.tsx';

const FILTERS = { productId: text, warehouseId: text, type: oneOf(movementTypes) };

/** 库存流水: every movement on the ledger, newest first, by product, warehouse and type (filters in the URL). */
export function MovementsPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const { filters, setFilters } = useUrlFilters(FILTERS);
  const list = useMovements(filters);
  const [adding, setAdding] = useState(false);

  return (
    <>
      <PageHeader
        title={t('inventory.movementsTitle')}
        subtitle={t('inventory.movementsSubtitle')}
        extra={
          <Space wrap>
            <ExportButton run={() => exportMovements(filters, `${t('inventory.movementsTitle')}-${new Date().toISOString().slice(0, 10)}.xlsx`)} label={t('inventory.exportXlsx')} testId="export-movements" />
            {can('inventory:write') && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
                {t('inventory.movement.action')}
              </Button>
            )}
          </Space>
        }
      />
      <InventoryNav />
      <FilteredList
        list={list}
        count={(count) => t('inventory.movementCount', { count })}
        filters={
          <>
            <div style={{ width: 260, maxWidth: '100%' }}>
              <ProductSelect value={filters.productId || undefined} onChange={(productId) => setFilters({ productId })} allowClear placeholder={t('inventory.productFilter')} />
            </div>
            <WarehouseFilter value={filters.warehouseId} onChange={(warehouseId) => setFilters({ warehouseId })} width={180} />
            <SelectFilter value={filters.type} onChange={(type) => setFilters({ type })} placeholder={t('inventory.typeFilter')} options={movementTypes.map((m) => ({ value: m, label: t(`inventory.movementType.${m}`) }))} width={130} />
          </>
        }
        empty={<Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('inventory.noMovements')} />}
        columns={[
          { title: t('inventory.at'), dataIndex: 'at', width: 140, render: (v: string) => formatDateTime(v) },
          { title: t('inventory.type'), dataIndex: 'type', width: 80, render: (v: Movement['type']) => <MovementTypeTag status={v} /> },
          productColumn<Movement>(t('inventory.product')),
          { title: t('inventory.warehouse'), dataIndex: 'warehouseCode', responsive: ['sm'] },
          { title: t('inventory.qty'), dataIndex: 'qty', align: 'right', render: (v: number) => <SignedQty qty={v} /> },
          {
            title: t('inventory.reason'),
            key: 'reason',
            responsive: ['md'],
            render: (_, m) => (
              <span>
                {movementReason(m, t)}
                {m.refType === 'order' && m.refId && (
                  <>
                    {' '}
                    <Link to={`/orders/${m.refId}`}>{t('inventory.explain.openOrder')}</Link>
                  </>
                )}
              </span>
            ),
          },
        ]}
      />
      {adding && <MovementModal initial={{ type: 'receipt', productId: filters.productId || undefined, warehouseId: filters.warehouseId || undefined }} onClose={() => setAdding(false)} />}
    </>
  );
}
