import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { movementTypes } from '../../../contracts/inventory.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { api, saveBlob } from '../../lib/api.ts';
import { formatDateTime, formatQty } from '../../lib/format.ts';
import { useSession } from '../auth/session.ts';
import { ProductSelect } from '../catalog/product-select.tsx';
import { useMovements, useWarehouses, type Movement, type MovementFilters } from './api.ts';
import { InventoryNav } from './inventory-nav.tsx';
import { MovementModal } from './movement-modal.tsx';
import { MovementTypeTag } from './movement-type-tag.tsx';

/** 库存流水: every movement on the ledger, newest first, by product, warehouse and type (filters in the URL). */
export function MovementsPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const [params, setParams] = useSearchParams();
  const type = params.get('type') ?? '';
  const filters: MovementFilters = { productId: params.get('productId') ?? '', warehouseId: params.get('warehouseId') ?? '', type: (movementTypes as readonly string[]).includes(type) ? (type as MovementFilters['type']) : '' };
  const setFilter = (key: keyof MovementFilters, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const list = useMovements(filters);
  const warehouses = useWarehouses();
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const [adding, setAdding] = useState(false);
  const [exporting, setExporting] = useState(false);
  const { message } = App.useApp();
  const exportXlsx = async () => {
    setExporting(true);
    try {
      const blob = await api.download('/api/v1/stock/movements/export', { productId: filters.productId || undefined, warehouseId: filters.warehouseId || undefined, type: filters.type || undefined });
      saveBlob(blob, `${t('inventory.movementsTitle')}-${new Date().toISOString().slice(0, 10)}.xlsx`);
    } catch (err) {
      void message.error(err instanceof Error ? err.message : String(err));
    } finally {
      setExporting(false);
    }
  };

  return (
    <>
      <PageHeader
        title={t('inventory.movementsTitle')}
        subtitle={t('inventory.movementsSubtitle')}
        extra={
          <Space wrap>
            <Button icon={<DownloadOutlined />} onClick={() => void exportXlsx()} loading={exporting} data-testid="export-movements">
              {t('inventory.exportXlsx')}
            </Button>
            {can('inventory:write') && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
                {t('inventory.movement.action')}
              </Button>
            )}
          </Space>
        }
      />
      <InventoryNav />
      <Card size="small">
        <div className="gd-filter-bar">
          <div style={{ width: 260, maxWidth: '100%' }}>
            <ProductSelect value={filters.productId || undefined} onChange={(v) => setFilter('productId', v)} allowClear placeholder={t('inventory.productFilter')} />
          </div>
          <Select value={filters.warehouseId || undefined} onChange={(v?: string) => setFilter('warehouseId', v ?? '')} placeholder={t('inventory.allWarehouses')} allowClear options={(warehouses.data ?? []).map((w) => ({ value: w.id, label: `${w.code} · ${w.name}` }))} style={{ width: 180 }} />
          <Select value={filters.type || undefined} onChange={(v?: string) => setFilter('type', v ?? '')} placeholder={t('inventory.typeFilter')} allowClear options={movementTypes.map((m) => ({ value: m, label: t(`inventory.movementType.${m}`) }))} style={{ width: 130 }} />
        </div>
        {list.error && <ErrorAlert error={list.error} style={{ marginBottom: 12 }} />}
        <Table<Movement>
          size="small"
          rowKey="id"
          dataSource={rows}
          loading={list.isPending}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('inventory.noMovements')} /> }}
          columns={[
            { title: t('inventory.at'), dataIndex: 'at', width: 140, render: (v: string) => formatDateTime(v) },
            { title: t('inventory.type'), dataIndex: 'type', width: 80, render: (v: Movement['type']) => <MovementTypeTag status={v} /> },
            {
              title: t('inventory.product'),
              key: 'product',
              render: (_, m) => (
                <div className="gd-user-cell">
                  <span>{m.productName}</span>
                  <Typography.Text type="secondary" className="gd-mono">
                    {m.sku}
                  </Typography.Text>
                </div>
              ),
            },
            { title: t('inventory.warehouse'), dataIndex: 'warehouseCode', responsive: ['sm'] },
            { title: t('inventory.qty'), dataIndex: 'qty', align: 'right', render: (v: number) => <Typography.Text type={v < 0 ? 'danger' : 'success'} className="gd-num">{`${v > 0 ? '+' : ''}${formatQty(v)}`}</Typography.Text> },
            {
              title: t('inventory.reason'),
              key: 'reason',
              responsive: ['md'],
              render: (_, m) => (
                <span>
                  {m.reason === 'stock_count' ? t('inventory.stockCountReason') : (m.reason ?? t('common.none'))}
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
        <div className="gd-table-foot">
          <span>{t('inventory.movementCount', { count: rows.length })}</span>
          {list.hasNextPage && (
            <Button onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
              {t('common.loadMore')}
            </Button>
          )}
        </div>
      </Card>
      {adding && <MovementModal initial={{ type: 'receipt', productId: filters.productId || undefined, warehouseId: filters.warehouseId || undefined }} onClose={() => setAdding(false)} />}
    </>
  );
}
