import './inventory.css';
import { DownOutlined, PlusOutlined, QuestionCircleOutlined } from '@ant-design/icons';
import { Button, Card, Dropdown, Empty, Input, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { movementInputTypes } from '../../../contracts/inventory.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { formatQty } from '../../lib/format.ts';
import { useSession } from '../auth/session.ts';
import { useIncoming, useStockLevels, useWarehouses, type StockFilters, type StockLevel } from './api.ts';
import { ExplainDrawer } from './explain-drawer.tsx';
import { InventoryNav } from './inventory-nav.tsx';
import { MovementModal } from './movement-modal.tsx';

type Preset = { type: (typeof movementInputTypes)[number]; productId?: string; warehouseId?: string };

/** 库存: on hand, reserved and available per product and warehouse; book movements; ask why available is what it is. */
export function StockPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const [params, setParams] = useSearchParams();
  const filters: StockFilters = { q: params.get('q') ?? '', warehouseId: params.get('warehouseId') ?? '', productId: '' };
  const setFilter = (key: keyof StockFilters, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const list = useStockLevels(filters);
  const warehouses = useWarehouses();
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const incoming = useIncoming(rows.map((r) => r.productId));
  const [explain, setExplain] = useState<{ productId: string; warehouseId: string } | null>(null);
  const [movement, setMovement] = useState<Preset | null>(null);
  const writable = can('inventory:write');
  const noWarehouses = warehouses.data?.length === 0;

  return (
    <>
      <PageHeader
        title={t('inventory.title')}
        subtitle={t('inventory.subtitle')}
        extra={
          writable && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setMovement({ type: 'receipt' })} disabled={noWarehouses} data-testid="new-movement">
              {t('inventory.movement.action')}
            </Button>
          )
        }
      />
      <InventoryNav />
      <Card size="small">
        <div className="gd-filter-bar">
          <Input.Search key={filters.q} defaultValue={filters.q} placeholder={t('inventory.searchPlaceholder')} allowClear onSearch={(v) => setFilter('q', v.trim())} style={{ width: 260, maxWidth: '100%' }} />
          <Select value={filters.warehouseId || undefined} onChange={(v?: string) => setFilter('warehouseId', v ?? '')} placeholder={t('inventory.allWarehouses')} allowClear options={(warehouses.data ?? []).map((w) => ({ value: w.id, label: `${w.code} · ${w.name}` }))} style={{ width: 200 }} />
        </div>
        {list.error && <ErrorAlert error={list.error} style={{ marginBottom: 12 }} />}
        <Table<StockLevel>
          size="small"
          rowKey={(l) => `${l.productId}:${l.warehouseId}`}
          dataSource={rows}
          loading={list.isPending}
          pagination={false}
          scroll={{ x: 'max-content' }}
          data-testid="stock-table"
          locale={{
            emptyText: (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={noWarehouses ? t('inventory.noWarehouses') : filters.q || filters.warehouseId ? t('inventory.emptyFiltered') : t('inventory.empty')}>
                {noWarehouses && can('inventory:write') ? (
                  <Link to="/inventory/warehouses">
                    <Button type="primary">{t('inventory.warehouses.create')}</Button>
                  </Link>
                ) : (
                  writable && <Button onClick={() => setMovement({ type: 'receipt' })}>{t('inventory.movementInput.receipt')}</Button>
                )}
              </Empty>
            ),
          }}
          columns={[
            {
              title: t('inventory.product'),
              key: 'product',
              render: (_, l) => (
                <div className="gd-user-cell">
                  <span>{l.productName}</span>
                  <Typography.Text type="secondary" className="gd-mono">
                    {l.sku}
                  </Typography.Text>
                </div>
              ),
            },
            { title: t('inventory.warehouse'), dataIndex: 'warehouseCode', responsive: ['sm'] },
            { title: t('inventory.onHand'), dataIndex: 'onHand', align: 'right', responsive: ['md'], render: (v: number, l) => <span className="gd-num">{formatQty(v, l.unit)}</span> },
            { title: t('inventory.reserved'), dataIndex: 'reserved', align: 'right', responsive: ['md'], render: (v: number, l) => <span className="gd-num">{formatQty(v, l.unit)}</span> },
            {
              title: <span title={t('inventory.incomingHelp')}>{t('inventory.incoming')}</span>,
              key: 'incoming',
              align: 'right',
              responsive: ['md'],
              render: (_, l) => {
                const v = incoming.data?.get(l.productId)?.incoming ?? 0;
                return v > 0 ? <span className="gd-num" data-testid="incoming">{formatQty(v, l.unit)}</span> : <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
              },
            },
            {
              title: t('inventory.available'),
              dataIndex: 'available',
              align: 'right',
              render: (v: number, l) => (
                <Typography.Link onClick={() => setExplain({ productId: l.productId, warehouseId: l.warehouseId })} type={v <= 0 ? 'danger' : undefined} className="gd-num" data-testid="available">
                  {formatQty(v, l.unit)} <QuestionCircleOutlined style={{ fontSize: 12 }} />
                </Typography.Link>
              ),
            },
            ...(writable
              ? [
                  {
                    title: t('common.actions'),
                    key: 'actions',
                    render: (_: unknown, l: StockLevel) => (
                      <Dropdown
                        trigger={['click']}
                        menu={{ items: movementInputTypes.map((m) => ({ key: m, label: t(`inventory.movementInput.${m}`) })), onClick: ({ key }) => setMovement({ type: key as Preset['type'], productId: l.productId, warehouseId: l.warehouseId }) }}
                      >
                        <Button size="small">
                          <Space size={4}>
                            {t('inventory.movement.short')}
                            <DownOutlined style={{ fontSize: 10 }} />
                          </Space>
                        </Button>
                      </Dropdown>
                    ),
                  },
                ]
              : []),
          ]}
        />
        <div className="gd-table-foot">
          <span>{t('inventory.count', { count: rows.length })}</span>
          {list.hasNextPage && (
            <Button onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
              {t('common.loadMore')}
            </Button>
          )}
        </div>
      </Card>
      {explain && <ExplainDrawer productId={explain.productId} warehouseId={explain.warehouseId} onClose={() => setExplain(null)} />}
      {movement && <MovementModal initial={movement} onClose={() => setMovement(null)} />}
    </>
  );
}
