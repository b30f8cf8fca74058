import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { StockCount, StockCountCreate, StockCountDetail, StockCountEntries, StockCountLine, StockCountStatus } from '../../../../contracts/inventory.ts';
import { api } from '../../../lib/api.ts';
import { useCursorList } from '../../../lib/cursor-list.ts';
import { stockKeys } from '../api.ts';

export type { StockCount, StockCountDetail, StockCountLine, StockCountStatus };

export interface CountFilters {
  warehouseId: string;
  status: '' | StockCountStatus;
}

export const countKeys = {
  all: ['stock-counts'] as const,
  list: (f: CountFilters) => [...countKeys.all, 'list', f] as const,
  one: (id: string) => [...countKeys.all, 'one', id] as const,
};

export function useStockCounts(filters: CountFilters) {
  return useCursorList<StockCount>(countKeys.list(filters), '/api/v1/stock-counts', filters);
}

export function useStockCount(id: string) {
  return useQuery({ queryKey: countKeys.one(id), queryFn: () => api.get<StockCountDetail>(`/api/v1/stock-counts/${encodeURIComponent(id)}`) });
}

/** Every count write answers the whole count: it replaces the cached one, lists refetch. */
function useCountWrite<V>(fn: (v: V) => Promise<StockCountDetail>, touchesStock = false) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (c) => {
      qc.setQueryData(countKeys.one(c.id), c);
      return Promise.all([qc.invalidateQueries({ queryKey: [...countKeys.all, 'list'] }), touchesStock ? qc.invalidateQueries({ queryKey: stockKeys.all }) : null]);
    },
  });
}

export const useCreateCount = () => useCountWrite((body: StockCountCreate) => api.post<StockCountDetail>('/api/v1/stock-counts', body));
export const useRecordCounts = () => useCountWrite(({ id, lines }: { id: string } & StockCountEntries) => api.put<StockCountDetail>(`/api/v1/stock-counts/${encodeURIComponent(id)}/lines`, { lines }));
export const usePostCount = () => useCountWrite((id: string) => api.post<StockCountDetail>(`/api/v1/stock-counts/${encodeURIComponent(id)}/post`), true);
export const useCancelCount = () => useCountWrite((id: string) => api.post<StockCountDetail>(`/api/v1/stock-counts/${encodeURIComponent(id)}/cancel`));
