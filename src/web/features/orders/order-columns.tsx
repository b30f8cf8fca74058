import type { ColumnsType } from 'antd/es/table';
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate, formatMoney } from '../../lib/format.ts';
import type { OrderListItem } from './api.ts';
import { OrderStatusTag, PriorityTag } from './order-tags.tsx';
import { PromisedDate } from './promised-date.tsx';

const byText = (f: (o: OrderListItem) => string | null) => (a: OrderListItem, b: OrderListItem) => (f(a) ?? '').localeCompare(f(b) ?? '', 'zh-CN');
const rank = { low: 0, normal: 1, high: 2, urgent: 3 } as const;

/** The dense order table: which order, whose, how much, by when, how urgent, where it stands. */
export function useOrderColumns(): ColumnsType<OrderListItem> {
  const { t } = useTranslation();
  return [
    {
      title: t('orders.number'),
      key: 'number',
      width: 190,
      sorter: byText((o) => o.number ?? o.createdAt),
      render: (_, o) => (
        <div className="gd-user-cell">
          <Link to={`/orders/${o.id}`} className="gd-mono" data-testid="order-link">
            {o.number ?? t('orders.draftNumber')}
          </Link>
          <span className="gd-only-mobile">
            <Typography.Text type="secondary">
              {o.customerName ?? t('common.none')} · {formatMoney(o.totals.gross)}
            </Typography.Text>{' '}
            <OrderStatusTag status={o.status} />
          </span>
        </div>
      ),
    },
    { title: t('orders.customer'), dataIndex: 'customerName', width: 220, ellipsis: true, responsive: ['md'], sorter: byText((o) => o.customerName), render: (v: string | null, o) => <Link to={`/customers/${o.customerId}`}>{v ?? t('common.none')}</Link> },
    { title: t('orders.amount'), key: 'amount', width: 130, align: 'right', responsive: ['sm'], sorter: (a, b) => a.totals.gross - b.totals.gross, render: (_, o) => <span className="gd-num">{formatMoney(o.totals.gross)}</span> },
    { title: t('orders.promisedDate'), dataIndex: 'promisedDate', width: 120, sorter: byText((o) => o.promisedDate), render: (v: string, o) => <PromisedDate date={v} status={o.status} /> },
    { title: t('orders.priorityLabel'), dataIndex: 'priority', width: 80, responsive: ['md'], sorter: (a, b) => rank[a.priority] - rank[b.priority], render: (v: OrderListItem['priority']) => <PriorityTag status={v} /> },
    { title: t('common.status'), dataIndex: 'status', width: 96, responsive: ['sm'], sorter: byText((o) => o.status), render: (v: OrderListItem['status'], o) => (
      <span className="gd-user-cell">
        <OrderStatusTag status={v} />
        {o.nonStandard && <Typography.Text type="warning" style={{ fontSize: 12 }}>{t('orders.nonStandardShort')}</Typography.Text>}
      </span>
    ) },
    { title: t('orders.owner'), dataIndex: 'ownerName', width: 90, ellipsis: true, responsive: ['lg'], sorter: byText((o) => o.ownerName), render: (v: string | null) => v ?? t('common.none') },
    { title: t('orders.customerPo'), dataIndex: 'customerPo', width: 120, ellipsis: true, responsive: ['xl'], render: (v: string | null) => v ?? t('common.none') },
    { title: t('orders.lineCount'), dataIndex: 'lineCount', width: 64, align: 'right', responsive: ['xxl'] },
    { title: t('common.createdAt'), dataIndex: 'createdAt', width: 100, responsive: ['xxl'], sorter: byText((o) => o.createdAt), render: (v: string) => formatDate(v) },
  ];
}
