import './inventory.css';
import { DownOutlined, PlusOutlined, QuestionCircleOutlined } from '@ant-design/icons';
import { Button, Dropdown, Empty, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { movementInputTypes } from '../../../contracts/inventory.ts';
import { FilteredList, ListEmpty, rowsOf, SearchFilter } from '../../components/list-page/filtered-list.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { formatQty } from '../../lib/format.ts';
import { text, useUrlFilters } from '../../lib/use-url-filters.ts';
import { useSession } from '../auth/session.ts';
import { useIncoming, useStockLevels, useWarehouses, type StockLevel } from './api.ts';
import { ExplainDrawer } from './explain-drawer.tsx';
import { InventoryNav } from './inventory-nav.tsx';
import { MovementModal } from './movement-modal.tsx';
import { productColumn, WarehouseFilter } from './stock-list-parts.tsx';

type Preset = { type: (typeof movementInputTypes)[number]; productId?: string; warehouseId?: string };

const FILTERS = { q: text, warehouseId: text };

/** 库存: on hand, reserved and available per product and warehouse; book movements; ask why available is what it is. */
export function StockPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const { filters, filtered, setFilters, clear } = useUrlFilters(FILTERS);
  const list = useStockLevels({ ...filters, productId: '' });
  const warehouses = useWarehouses();
  const incoming = useIncoming(rowsOf(list).map((r) => r.productId));
  const [explain, setExplain] = useState<{ productId: string; warehouseId: string } | null>(null);
  const [movement, setMovement] = useState<Preset | null>(null);
  const writable = can('inventory:write');
  const noWarehouses = warehouses.data?.length === 0;
  const qty = (v: number, l: StockLevel) => <span className="gd-num">{formatQty(v, l.unit)}</span>;

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
      <FilteredList
        list={list}
        rowKey={(l) => `${l.productId}:${l.warehouseId}`}
        count={(count) => t('inventory.count', { count })}
        testId="stock-table"
        filters={
          <>
            <SearchFilter value={filters.q} onSearch={(q) => setFilters({ q })} placeholder={t('inventory.searchPlaceholder')} width={260} />
            <WarehouseFilter value={filters.warehouseId} onChange={(warehouseId) => setFilters({ warehouseId })} width={200} />
          </>
        }
        empty={
          noWarehouses ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('inventory.noWarehouses')}>
              {writable && (
                <Link to="/inventory/warehouses">
                  <Button type="primary">{t('inventory.warehouses.create')}</Button>
                </Link>
              )}
            </Empty>
          ) : (
            <ListEmpty filtered={filtered} onClear={clear} filteredText={t('inventory.emptyFiltered')} text={t('inventory.empty')}>
              {writable && <Button onClick={() => setMovement({ type: 'receipt' })}>{t('inventory.movementInput.receipt')}</Button>}
            </ListEmpty>
          )
        }
        columns={[
          productColumn<StockLevel>(t('inventory.product')),
          { title: t('inventory.warehouse'), dataIndex: 'warehouseCode', responsive: ['sm'] },
          { title: t('inventory.onHand'), dataIndex: 'onHand', align: 'right', responsive: ['md'], render: qty },
          { title: t('inventory.reserved'), dataIndex: 'reserved', align: 'right', responsive: ['md'], render: qty },
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
      {explain && <ExplainDrawer productId={explain.productId} warehouseId={explain.warehouseId} onClose={() => setExplain(null)} />}
      {movement && <MovementModal initial={movement} onClose={() => setMovement(null)} />}
    </>
  );
}
