import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AdjustmentRequest, AdjustmentRequestStatus } from '../../../../contracts/inventory.ts';
import { api } from '../../../lib/api.ts';
import { useCursorList } from '../../../lib/cursor-list.ts';
import { stockKeys } from '../api.ts';

export type { AdjustmentRequest, AdjustmentRequestStatus };

const keys = { all: ['adjustment-requests'] as const, list: (status: string) => ['adjustment-requests', status] as const };

/** The requests in one status ('' = all), newest first. */
export function useAdjustmentRequests(status: '' | AdjustmentRequestStatus) {
  return useCursorList<AdjustmentRequest>(keys.list(status), '/api/v1/stock/adjustment-requests', { status });
}

/** Approve (books the adjustment) or reject (note required); stock pages refetch. */
export function useDecideAdjustment() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action, note }: { id: string; action: 'approve' | 'reject'; note: string | null }) => api.post<AdjustmentRequest>(`/api/v1/stock/adjustment-requests/${encodeURIComponent(id)}/${action}`, { note }),
    onSuccess: () => Promise.all([qc.invalidateQueries({ queryKey: keys.all }), qc.invalidateQueries({ queryKey: stockKeys.all })]),
  });
}
