import { Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatMoney, formatQty } from '../../../lib/format.ts';
import type { Order, OrderLine } from '../api.ts';
import { TotalsBar } from '../entry/totals-bar.tsx';
import { LinePlan } from '../../production/line-plan.tsx';

const reserving: Order['status'][] = ['confirmed', 'in_fulfilment', 'partially_shipped', 'on_hold'];

/** 明细: each line with spec, price against list, amounts, and how much is reserved or short. */
export function LinesTab({ order }: { order: Order }) {
  const { t } = useTranslation();
  const showStock = reserving.includes(order.status);
  return (
    <div className="gd-stack">
      <Table<OrderLine>
        size="small"
        rowKey="id"
        dataSource={order.lines}
        pagination={false}
        scroll={{ x: 'max-content' }}
        data-testid="order-lines-table"
        columns={[
          { title: '#', dataIndex: 'lineNo', width: 36 },
          {
            title: t('orders.line.product'),
            key: 'product',
            render: (_, l) => (
              <div className="gd-user-cell" style={{ minWidth: 160 }}>
                <span>{l.name}</span>
                <Typography.Text type="secondary" className="gd-mono">
                  {l.sku}
                </Typography.Text>
                {Object.keys(l.spec).length > 0 && (
                  <span>
                    {Object.entries(l.spec).map(([k, v]) => (
                      <Tag key={k} style={{ marginTop: 2 }}>
                        {k}: {v}
                      </Tag>
                    ))}
                  </span>
                )}
                {l.note && <Typography.Text type="secondary">{l.note}</Typography.Text>}
              </div>
            ),
          },
          { title: t('orders.line.qty'), dataIndex: 'qty', align: 'right', render: (q: number, l) => <span className="gd-num">{formatQty(q, l.unit)}</span> },
          {
            title: t('orders.line.unitPrice'),
            key: 'price',
            align: 'right',
            responsive: ['sm'],
            render: (_, l) => (
              <div className="gd-user-cell">
                <span className="gd-num">{formatMoney(l.unitPrice)}</span>
                {l.unitPrice !== l.listPrice && (
                  <Typography.Text type={l.unitPrice < l.listPrice ? 'warning' : 'secondary'} className="gd-num" style={{ fontSize: 12 }}>
                    {t('orders.quote.list')} {formatMoney(l.listPrice)}
                  </Typography.Text>
                )}
              </div>
            ),
          },
          { title: t('orders.line.discount'), dataIndex: 'discountPct', align: 'right', responsive: ['md'], render: (v: number) => (v ? `${v}%` : t('common.none')) },
          { title: t('orders.line.net'), dataIndex: 'net', align: 'right', responsive: ['sm'], render: (v: number) => <span className="gd-num">{formatMoney(v)}</span> },
          { title: t('orders.line.tax'), key: 'tax', align: 'right', responsive: ['lg'], render: (_, l) => <span className="gd-num">{formatMoney(l.tax)} ({l.taxRate}%)</span> },
          { title: t('orders.line.gross'), dataIndex: 'gross', align: 'right', render: (v: number) => <span className="gd-num">{formatMoney(v)}</span> },
          ...(showStock
            ? [
                {
                  title: t('orders.line.stock'),
                  key: 'stock',
                  render: (_: unknown, l: OrderLine) => (
                    <span className="gd-user-cell" data-testid="line-stock">
                      {l.reservedQty > 0 && <Tag color="green">{t('orders.line.reserved', { qty: formatQty(l.reservedQty, l.unit) })}</Tag>}
                      {l.shortQty > 0 && <Tag color="red">{t('orders.line.short', { qty: formatQty(l.shortQty, l.unit) })}</Tag>}
                      <LinePlan line={l} />
                    </span>
                  ),
                },
              ]
            : []),
        ]}
      />
      <TotalsBar totals={order.totals} lines={order.lines.length} />
    </div>
  );
}
