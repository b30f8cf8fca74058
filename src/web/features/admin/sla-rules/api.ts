import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { SlaRule, slaDryRunReply, SlaRuleInput, slaRulePatchBody } from '../../../../contracts/sla.ts';
import { api } from '../../../lib/api.ts';

export type { SlaRule, SlaRuleInput };
export type SlaRulePatch = z.input<typeof slaRulePatchBody>;
export type SlaDryRun = z.infer<typeof slaDryRunReply>;

export const slaKeys = { all: ['admin', 'sla-rules'] as const };
const path = (id: string) => `/api/v1/admin/sla-rules/${encodeURIComponent(id)}`;

export function useSlaRules() {
  return useQuery({ queryKey: slaKeys.all, queryFn: () => api.get<{ items: SlaRule[] }>('/api/v1/admin/sla-rules'), select: (r) => r.items });
}

export function useCreateSlaRule() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (body: SlaRuleInput) => api.post<SlaRule>('/api/v1/admin/sla-rules', body), onSuccess: () => qc.invalidateQueries({ queryKey: slaKeys.all }) });
}

export function useUpdateSlaRule() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: ({ id, patch }: { id: string; patch: SlaRulePatch }) => api.patch<SlaRule>(path(id), patch), onSuccess: () => qc.invalidateQueries({ queryKey: slaKeys.all }) });
}

/** What the proposed rules would make of the open orders now; changes nothing. */
export function useSlaDryRun() {
  return useMutation({ mutationFn: (rules: SlaRuleInput[]) => api.post<SlaDryRun>('/api/v1/admin/sla-rules/dry-run', { rules }) });
}
