import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ApprovalRule, approvalRuleCreateBody, approvalRulePatchBody, dryRunBody, dryRunReply } from '../../../../contracts/approvals.ts';
import { api } from '../../../lib/api.ts';

export type { ApprovalRule };
export type RuleCreate = z.input<typeof approvalRuleCreateBody>;
export type RulePatch = z.input<typeof approvalRulePatchBody>;
export type DryRunInput = z.input<typeof dryRunBody>;
export type DryRunResult = z.infer<typeof dryRunReply>;

export const ruleKeys = { all: ['admin', 'approval-rules'] as const };
const path = (id: string) => `/api/v1/admin/approval-rules/${encodeURIComponent(id)}`;

export function useApprovalRules() {
  return useQuery({ queryKey: ruleKeys.all, queryFn: () => api.get<{ items: ApprovalRule[] }>('/api/v1/admin/approval-rules'), select: (r) => r.items });
}

export function useCreateRule() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (body: RuleCreate) => api.post<ApprovalRule>('/api/v1/admin/approval-rules', body), onSuccess: () => qc.invalidateQueries({ queryKey: ruleKeys.all }) });
}

export function useUpdateRule() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: ({ id, patch }: { id: string; patch: RulePatch }) => api.patch<ApprovalRule>(path(id), patch), onSuccess: () => qc.invalidateQueries({ queryKey: ruleKeys.all }) });
}

/** How many recent orders a rule (or, without one, the active rules) would have sent to approval. */
export function useDryRun() {
  return useMutation({ mutationFn: (body: DryRunInput) => api.post<DryRunResult>('/api/v1/admin/approval-rules/dry-run', body) });
}
