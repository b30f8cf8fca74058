import { Card, Form, InputNumber, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate, formatQty } from '../../lib/format.ts';
import type { Order } from '../orders/api.ts';
import { OrderStatusTag } from '../orders/order-tags.tsx';
import type { LineState } from './dispatch-rules.ts';

export { lineStates, type LineState } from './dispatch-rules.ts';

/** One order's open lines with the quantity to ship now (form field `qty.<orderId>.<lineId>`). */
export function OrderLinesCard({ order, states, locked, extra }: { order: Order; states: LineState[]; locked: boolean; extra?: React.ReactNode }) {
  const { t } = useTranslation();
  const columns: ColumnsType<LineState> = [
    {
      title: t('shipping.product'),
      key: 'product',
      render: (_, s) => (
        <div className="gd-user-cell">
          <span>{s.line.name}</span>
          <span className="gd-mono">{s.line.sku}</span>
        </div>
      ),
    },
    { title: t('shipping.ordered'), key: 'ordered', align: 'right', responsive: ['sm'], render: (_, s) => <span className="gd-num">{formatQty(s.line.qty, s.line.unit)}</span> },
    { title: t('shipping.reserved'), key: 'reserved', align: 'right', responsive: ['sm'], render: (_, s) => <span className="gd-num">{formatQty(s.line.reservedQty, s.line.unit)}</span> },
    {
      title: t('shipping.shipped'),
      key: 'shipped',
      align: 'right',
      responsive: ['md'],
      render: (_, s) => (
        <span className="gd-num">
          {formatQty(s.shipped, s.line.unit)}
          {s.drafted > 0 && <Typography.Text type="secondary"> {t('shipping.inDrafts', { qty: formatQty(s.drafted, s.line.unit) })}</Typography.Text>}
        </span>
      ),
    },
    { title: t('shipping.remaining'), key: 'remaining', align: 'right', render: (_, s) => <span className="gd-num" data-testid="line-remaining">{formatQty(s.remaining, s.line.unit)}</span> },
    {
      title: t('shipping.shipNow'),
      key: 'qty',
      width: 150,
      render: (_, s) => (
        <Form.Item name={['qty', order.id, s.line.id]} style={{ margin: 0 }} rules={[{ type: 'number', max: s.remaining, message: t('shipping.maxRemaining', { qty: formatQty(s.remaining, s.line.unit) }) }]}>
          <InputNumber min={0} max={s.remaining} step={1} disabled={locked || s.remaining === 0} suffix={s.line.unit} style={{ width: '100%' }} aria-label={t('shipping.shipNow')} data-testid="ship-qty" />
        </Form.Item>
      ),
    },
  ];
  return (
    <Card
      size="small"
      data-testid="ship-order-card"
      title={
        <span className="gd-ship-card-title">
          <Link to={`/orders/${order.id}`} className="gd-mono">
            {order.number}
          </Link>
          <OrderStatusTag status={order.status} />
          <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
            {t('shipping.promisedDate', { date: formatDate(order.promisedDate) })}
          </Typography.Text>
        </span>
      }
      extra={extra}
    >
      <Table<LineState> size="small" rowKey={(s) => s.line.id} columns={columns} dataSource={states} pagination={false} scroll={{ x: 'max-content' }} />
    </Card>
  );
}
