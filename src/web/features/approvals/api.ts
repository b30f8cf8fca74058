import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Approval, approvalStates } from '../../../contracts/approvals.ts';
import type { AdjustmentRequest } from '../../../contracts/inventory.ts';
import { api } from '../../lib/api.ts';

export type { Approval };
export type ApprovalState = (typeof approvalStates)[number];

/** What an order (or order-revision) approval carries to the approver, as the server wrote it at submit. */
export interface ApprovalSummary {
  number?: string | null;
  customerName?: string | null;
  amount?: number;
  amountText?: string;
  rules?: string[];
  warnings?: string[];
  revisionNo?: number;
  reason?: string;
}
export const summaryOf = (a: Approval) => a.summary as ApprovalSummary;

export const approvalKeys = {
  all: ['approvals'] as const,
  inbox: (state: ApprovalState) => [...approvalKeys.all, 'inbox', state] as const,
};

/** The caller's approval steps in one state (pending: their inbox), orders and order revisions. */
export function useApprovalInbox(state: ApprovalState, opts: { enabled?: boolean; refetchInterval?: number } = {}) {
  return useQuery({ queryKey: approvalKeys.inbox(state), queryFn: () => api.get<{ items: Approval[] }>('/api/v1/approvals', { state }), select: (r) => r.items, ...opts });
}

export type Decision = { kind: 'approve'; comment: string | null } | { kind: 'reject' | 'return'; comment: string };

/** Approve (optional comment), reject (reason) or return for edit (reason); the order and its timeline change too. */
export function useDecideApproval() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, decision }: { id: string; decision: Decision }) =>
      decision.kind === 'approve'
        ? api.post<Approval>(`/api/v1/approvals/${encodeURIComponent(id)}/approve`, { comment: decision.comment })
        : api.post<Approval>(`/api/v1/approvals/${encodeURIComponent(id)}/reject`, { comment: decision.comment, returnForEdit: decision.kind === 'return' }),
    onSettled: () => Promise.all([qc.invalidateQueries({ queryKey: approvalKeys.all }), qc.invalidateQueries({ queryKey: ['orders'] })]),
  });
}

/* ---------- Stock adjustments above the approval threshold (inventory:approve) ---------- */

export type { AdjustmentRequest };
/** Under the inventory page's key, so deciding on either page refreshes both. */
export const adjustmentInboxKeys = {
  all: ['adjustment-requests'] as const,
  inbox: (state: ApprovalState) => ['adjustment-requests', 'inbox', state] as const,
  count: () => ['adjustment-requests', 'count'] as const,
};

/** Pending: the requests the caller may decide (not their own); approved / rejected: the ones they decided. */
export function useAdjustmentInbox(state: ApprovalState, opts: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: adjustmentInboxKeys.inbox(state),
    queryFn: () => api.get<{ items: AdjustmentRequest[] }>('/api/v1/stock/adjustment-requests', state === 'pending' ? { mine: 'to_decide', limit: 200 } : { mine: 'decided', status: state, limit: 200 }),
    select: (r) => r.items,
    ...opts,
  });
}

/** How many requests wait for the caller: part of the 审批 badge. */
export function useAdjustmentCount(opts: { enabled?: boolean; refetchInterval?: number } = {}) {
  return useQuery({ queryKey: adjustmentInboxKeys.count(), queryFn: () => api.get<{ toDecide: number }>('/api/v1/stock/adjustment-requests/count'), select: (r) => r.toDecide, ...opts });
}

/** Approve (books the adjustment; optional note) or reject (note required); stock pages refetch. */
export function useDecideAdjustmentRequest() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, approve, note }: { id: string; approve: boolean; note: string | null }) => api.post<AdjustmentRequest>(`/api/v1/stock/adjustment-requests/${encodeURIComponent(id)}/${approve ? 'approve' : 'reject'}`, { note }),
    onSettled: () => Promise.all([qc.invalidateQueries({ queryKey: adjustmentInboxKeys.all }), qc.invalidateQueries({ queryKey: ['stock'] })]),
  });
}
