import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Approval, approvalStates } from '../../../contracts/approvals.ts';
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
