import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { delayGroup, delayOrderRow, delaysReply, leadTimeRow, reportGroupBys } from '../../../contracts/responsibility.ts';
import type { StageName } from '../../../contracts/stages.ts';
import { api, saveBlob } from '../../lib/api.ts';

export type GroupBy = (typeof reportGroupBys)[number];
export type DelayGroup = z.infer<typeof delayGroup>;
export type DelaysReply = z.infer<typeof delaysReply>;
export type LeadTimeRow = z.infer<typeof leadTimeRow>;
export type DelayOrderRow = z.infer<typeof delayOrderRow>;
export interface Range {
  from: string;
  to: string;
}
/** What a click on a group row narrows the drill-down to. */
export interface Drill {
  stage?: StageName;
  ownerId?: string;
  customerId?: string;
  reason?: string;
  month?: string;
}

export const reportKeys = {
  all: ['reports'] as const,
  delays: (g: GroupBy, r: Range) => [...reportKeys.all, 'delays', g, r] as const,
  leadTimes: (r: Range) => [...reportKeys.all, 'lead-times', r] as const,
  orders: (r: Range, d: Drill) => [...reportKeys.all, 'orders', r, d] as const,
};

export function useDelays(groupBy: GroupBy, range: Range) {
  return useQuery({ queryKey: reportKeys.delays(groupBy, range), queryFn: () => api.get<DelaysReply>('/api/v1/reports/delays', { groupBy, ...range }), placeholderData: keepPreviousData });
}

export function useLeadTimes(range: Range) {
  return useQuery({ queryKey: reportKeys.leadTimes(range), queryFn: async () => (await api.get<{ items: LeadTimeRow[] }>('/api/v1/reports/stage-lead-times', { ...range })).items });
}

export function useDelayOrders(range: Range, drill: Drill) {
  return useInfiniteQuery({
    queryKey: reportKeys.orders(range, drill),
    queryFn: ({ pageParam }) => api.get<{ items: DelayOrderRow[]; nextCursor: string | null }>('/api/v1/reports/delays/orders', { ...range, ...drill, limit: 50, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export async function exportDelays(range: Range, drill: Drill, filename: string): Promise<void> {
  saveBlob(await api.download('/api/v1/reports/delays/export.xlsx', { ...range, ...drill }), filename);
}
