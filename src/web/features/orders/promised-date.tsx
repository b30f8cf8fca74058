import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { daysUntil, formatDate } from '../../lib/format.ts';
import type { OrderStatus } from './api.ts';

/** Statuses in which the promised date is still a promise (not yet delivered, not closed). */
const open: OrderStatus[] = ['draft', 'submitted', 'pending_approval', 'rejected', 'confirmed', 'in_fulfilment', 'partially_shipped', 'on_hold'];

/** `2026-12-20` with "3 天后到期" / "已逾期 2 天" while the order is open. */
export function PromisedDate({ date, status, inline }: { date: string; status: OrderStatus; inline?: boolean }) {
  const { t } = useTranslation();
  if (!open.includes(status)) return <span>{formatDate(date)}</span>;
  const days = daysUntil(date);
  const text = days < 0 ? t('orders.due.overdue', { count: -days }) : days === 0 ? t('orders.due.today') : t('orders.due.inDays', { count: days });
  const type = days < 0 ? 'danger' : days <= 3 ? 'warning' : 'secondary';
  return (
    <span className={inline ? undefined : 'gd-user-cell'}>
      <span>{formatDate(date)}</span>
      {inline ? ' ' : null}
      <Typography.Text type={type} style={{ fontSize: 12 }}>
        {text}
      </Typography.Text>
    </span>
  );
}
