import { keepPreviousData, useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import type { AdjustmentRequest, AdjustmentRequestStatus } from '../../../../contracts/inventory.ts';
import { api } from '../../../lib/api.ts';
import { stockKeys } from '../api.ts';

export type { AdjustmentRequest, AdjustmentRequestStatus };

const keys = { all: ['adjustment-requests'] as const, list: (status: string) => ['adjustment-requests', status] as const };

export function useAdjustmentRequests(status: '' | AdjustmentRequestStatus) {
  return useInfiniteQuery({
    queryKey: keys.list(status),
    queryFn: ({ pageParam }) => api.get<{ items: AdjustmentRequest[]; nextCursor: string | null }>('/api/v1/stock/adjustment-requests', { status: status || undefined, limit: 50, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

/** Approve (books the adjustment) or reject (note required); stock pages refetch. */
export function useDecideAdjustment() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action, note }: { id: string; action: 'approve' | 'reject'; note: string | null }) => api.post<AdjustmentRequest>(`/api/v1/stock/adjustment-requests/${encodeURIComponent(id)}/${action}`, { note }),
    onSuccess: () => Promise.all([qc.invalidateQueries({ queryKey: keys.all }), qc.invalidateQueries({ queryKey: stockKeys.all })]),
  });
}
