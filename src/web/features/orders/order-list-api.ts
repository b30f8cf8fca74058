import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { OrderCounts } from '../../../contracts/order-list.ts';
import { api, saveBlob } from '../../lib/api.ts';
import { orderKeys, type OrderFilters } from './api.ts';

/** The list filters plus the two switches the list also takes (a mapped type, so it passes as query params). */
export type OrderListFilters = { [K in keyof OrderFilters]: OrderFilters[K] } & { overdue: '' | 'true'; hasWarnings: '' | 'true' };

/** Orders per status for the tabs: the current filters except the status itself. */
export function useOrderCounts(filters: OrderListFilters) {
  const { status: _status, ...rest } = filters;
  return useQuery({ queryKey: [...orderKeys.all, 'counts', rest] as const, queryFn: () => api.get<OrderCounts>('/api/v1/orders/counts', rest), placeholderData: keepPreviousData });
}

/** Downloads the filtered orders as .xlsx (the server caps it at ORDER_EXPORT_MAX_ROWS, newest first). */
export async function exportOrders(filters: OrderListFilters, filename: string): Promise<void> {
  saveBlob(await api.download('/api/v1/orders/export.xlsx', filters), filename);
}
