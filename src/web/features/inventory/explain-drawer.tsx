import { Alert, Descriptions, Drawer, Grid, Spin, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { formatDateTime, formatQty } from '../../lib/format.ts';
import { useIncoming, useStockExplanation, type Incoming, type Movement, type StockExplanation } from './api.ts';
import { MovementTypeTag } from './movement-type-tag.tsx';
import { movementReason } from './stock-list-parts.tsx';

type Reservation = StockExplanation['reservations'][number];

/** 为什么可用是 X: on hand as the sum of movements by type, minus what active reservations hold, and which orders hold it. */
export function ExplainDrawer({ productId, warehouseId, onClose }: { productId: string; warehouseId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const q = useStockExplanation(productId, warehouseId);
  const incoming = useIncoming([productId]);
  const coming = incoming.data?.get(productId);
  const e = q.data;
  const u = e?.unit;
  return (
    <Drawer open onClose={onClose} size={screens.md ? 640 : '100%'} title={e ? t('inventory.explain.title', { sku: e.sku, name: e.productName }) : t('inventory.explain.loading')} data-testid="explain-drawer">
      {q.isPending && <Spin />}
      {q.error && <ErrorAlert error={q.error} />}
      {e && (
        <div className="gd-stack">
          <div className="gd-explain-eq" data-testid="explain-equation">
            <span>
              <span className="gd-fact-label">{t('inventory.onHand')}</span>
              <strong className="gd-num">{formatQty(e.onHand, u)}</strong>
            </span>
            <span className="gd-explain-op">−</span>
            <span>
              <span className="gd-fact-label">{t('inventory.reserved')}</span>
              <strong className="gd-num">{formatQty(e.reserved, u)}</strong>
            </span>
            <span className="gd-explain-op">=</span>
            <span>
              <span className="gd-fact-label">{t('inventory.available')}</span>
              <strong className="gd-num" style={{ color: e.available <= 0 ? '#cf1322' : '#389e0d' }}>
                {formatQty(e.available, u)}
              </strong>
            </span>
          </div>
          <Typography.Text type="secondary">{e.warehouseId ? t('inventory.explain.oneWarehouse') : t('inventory.explain.allWarehouses')}</Typography.Text>
          {!e.consistent && <Alert type="error" showIcon title={t('inventory.explain.inconsistent', { onHand: formatQty(e.counters.onHand, u), reserved: formatQty(e.counters.reserved, u) })} />}
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('inventory.explain.byType')}
          </Typography.Title>
          <Descriptions size="small" column={1} bordered items={e.movementsByType.map((m) => ({ key: m.type, label: <MovementTypeTag status={m.type} />, children: `${m.qty > 0 ? '+' : ''}${formatQty(m.qty, u)}${t('common.paren', { text: t('inventory.explain.count', { count: m.count }) })}` }))} />
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('inventory.explain.reservations', { count: e.reservations.length + e.moreReservations })}
          </Typography.Title>
          <Table<Reservation>
            size="small"
            rowKey="id"
            dataSource={e.reservations}
            pagination={e.reservations.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
            locale={{ emptyText: t('inventory.explain.noReservations') }}
            columns={[
              {
                title: t('inventory.explain.holder'),
                key: 'holder',
                render: (_, r) =>
                  r.holderType === 'work_order' ? (
                    <Link to={`/production/work-orders/${r.orderId}`} data-testid="holder-work-order">
                      {t('inventory.explain.workOrder', { number: r.holderNumber ?? '' })}
                    </Link>
                  ) : (
                    <Link to={`/orders/${r.orderId}`}>{r.holderNumber ? t('inventory.explain.orderNumber', { number: r.holderNumber }) : t('inventory.explain.openOrder')}</Link>
                  ),
              },
              { title: t('inventory.warehouse'), dataIndex: 'warehouseCode' },
              { title: t('inventory.qty'), dataIndex: 'qty', align: 'right', render: (v: number) => formatQty(v, u) },
              { title: t('inventory.explain.since'), dataIndex: 'createdAt', responsive: ['sm'], render: (v: string) => formatDateTime(v) },
            ]}
          />
          {e.moreReservations > 0 && <Typography.Text type="secondary">{t('inventory.explain.more', { count: e.moreReservations })}</Typography.Text>}
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('inventory.explain.incoming', { qty: formatQty(coming?.incoming ?? 0, u) })}
          </Typography.Title>
          <Table<Incoming['workOrders'][number]>
            size="small"
            rowKey="id"
            dataSource={coming?.workOrders ?? []}
            loading={incoming.isPending && incoming.fetchStatus !== 'idle'}
            pagination={false}
            data-testid="explain-incoming"
            locale={{ emptyText: t('inventory.explain.noIncoming') }}
            columns={[
              { title: t('inventory.explain.workOrderCol'), dataIndex: 'number', render: (v: string, w) => <Link to={`/production/work-orders/${w.id}`}>{v}</Link> },
              { title: t('inventory.explain.remaining'), key: 'remaining', align: 'right', render: (_, w) => formatQty(Math.max(0, w.qty - w.receivedQty), u) },
              { title: t('inventory.explain.plannedFinish'), dataIndex: 'plannedFinish', responsive: ['sm'], render: (v: string | null) => (v ? formatDateTime(v) : t('common.none')) },
            ]}
          />
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('inventory.explain.recent')}
          </Typography.Title>
          <Table<Movement>
            size="small"
            rowKey="id"
            dataSource={e.recentMovements}
            pagination={false}
            scroll={{ x: 'max-content' }}
            columns={[
              { title: t('inventory.at'), dataIndex: 'at', render: (v: string) => formatDateTime(v) },
              { title: t('inventory.type'), dataIndex: 'type', render: (v: Movement['type']) => <MovementTypeTag status={v} /> },
              { title: t('inventory.warehouse'), dataIndex: 'warehouseCode' },
              { title: t('inventory.qty'), dataIndex: 'qty', align: 'right', render: (v: number) => <span className="gd-num">{`${v > 0 ? '+' : ''}${formatQty(v, u)}`}</span> },
              { title: t('inventory.reason'), key: 'reason', render: (_, m) => movementReason(m, t) },
            ]}
          />
        </div>
      )}
    </Drawer>
  );
}
