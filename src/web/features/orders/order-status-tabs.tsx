import './order-list.css';
import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OrderCounts } from '../../../contracts/order-list.ts';
import { orderStatuses } from '../../../contracts/orders.ts';
import type { OrderStatus } from './api.ts';

/** The tabs users work by; other statuses get a tab while they have orders (or are selected). */
const TABS = ['draft', 'pending_approval', 'rejected', 'confirmed', 'in_fulfilment', 'shipped', 'completed', 'cancelled'] as const satisfies readonly OrderStatus[];

/** 全部/草稿/待审批/…: each tab with how many orders the other filters leave in it. */
export function OrderStatusTabs({ status, counts, onChange }: { status: '' | OrderStatus; counts: OrderCounts | undefined; onChange: (s: '' | OrderStatus) => void }) {
  const { t } = useTranslation();
  const shown = orderStatuses.filter((s) => (TABS as readonly string[]).includes(s) || s === status || (counts?.byStatus[s] ?? 0) > 0);
  const label = (text: string, n: number | undefined, key: string) => (
    <span data-testid={`tab-${key}`}>
      {text}
      {n !== undefined && (
        <span className="gd-tab-count" data-testid={`count-${key}`}>
          {n}
        </span>
      )}
    </span>
  );
  return (
    <Tabs
      activeKey={status || 'all'}
      onChange={(k) => onChange(k === 'all' ? '' : (k as OrderStatus))}
      items={[{ key: 'all', label: label(t('common.all'), counts?.total, 'all') }, ...shown.map((s) => ({ key: s, label: label(t(`orders.status.${s}`), counts?.byStatus[s], s) }))]}
      size="small"
    />
  );
}
