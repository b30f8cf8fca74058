import type { TFunction } from 'i18next';
import { orderStatuses, priorities } from '../../../contracts/orders.ts';

const KEYS = ['q', 'status', 'customerId', 'ownerId', 'priority', 'from', 'to', 'overdue', 'hasWarnings'] as const;

/** A saved view's filters in words: "状态：草稿 · 优先级：紧急 · 已逾期". */
export function orderFilterSummary(t: TFunction, query: Record<string, unknown>): string {
  const parts: string[] = [];
  for (const k of KEYS) {
    const v = query[k];
    if (v === undefined || v === null || v === '' || v === 'false') continue;
    const name = t(`orderList.filter.${k}`);
    if (k === 'status' && (orderStatuses as readonly unknown[]).includes(v)) parts.push(t('orderList.pair', { name, value: t(`orders.status.${v as (typeof orderStatuses)[number]}`) }));
    else if (k === 'priority' && (priorities as readonly unknown[]).includes(v)) parts.push(t('orderList.pair', { name, value: t(`orders.priority.${v as (typeof priorities)[number]}`) }));
    else if (k === 'overdue' || k === 'hasWarnings' || k === 'customerId' || k === 'ownerId') parts.push(name);
    else parts.push(t('orderList.pair', { name, value: String(v) }));
  }
  return parts.length ? parts.join(' · ') : t('views.noFilters');
}
