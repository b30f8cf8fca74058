import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { SalesGroupBy, SalesReply } from '../../../contracts/sales-report.ts';
import { api, saveBlob } from '../../lib/api.ts';
import { reportKeys, type Range } from './api.ts';

export type { SalesGroupBy, SalesReply };

export const salesKeys = { report: (g: SalesGroupBy, r: Range) => [...reportKeys.all, 'sales', g, r] as const };

export function useSalesReport(groupBy: SalesGroupBy, range: Range) {
  return useQuery({ queryKey: salesKeys.report(groupBy, range), queryFn: () => api.get<SalesReply>('/api/v1/reports/sales', { groupBy, ...range }), placeholderData: keepPreviousData });
}

export async function exportSales(groupBy: SalesGroupBy, range: Range, filename: string): Promise<void> {
  saveBlob(await api.download('/api/v1/reports/sales/export.xlsx', { groupBy, ...range }), filename);
}
