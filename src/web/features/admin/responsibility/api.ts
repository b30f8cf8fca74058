import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { checklistItemSchema, checklistPutBody, DelayReason, delayReasonCreateBody, delayReasonPatchBody } from '../../../../contracts/responsibility.ts';
import type { StageName } from '../../../../contracts/stages.ts';
import { api } from '../../../lib/api.ts';

export type ChecklistItem = z.infer<typeof checklistItemSchema>;
export const adminKeys = { reasons: ['admin', 'delay-reasons'] as const, checklist: (stage: StageName) => ['admin', 'checklists', stage] as const };

export function useAdminDelayReasons() {
  return useQuery({ queryKey: adminKeys.reasons, queryFn: async () => (await api.get<{ items: DelayReason[] }>('/api/v1/admin/delay-reasons')).items });
}

export function useSaveDelayReason() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { code: string; create: boolean; body: z.input<typeof delayReasonCreateBody> | z.input<typeof delayReasonPatchBody> }) =>
      input.create ? api.post<DelayReason>('/api/v1/admin/delay-reasons', input.body) : api.patch<DelayReason>(`/api/v1/admin/delay-reasons/${encodeURIComponent(input.code)}`, input.body),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: adminKeys.reasons });
      void qc.invalidateQueries({ queryKey: ['delay-reasons'] });
    },
  });
}

export function useChecklist(stage: StageName) {
  return useQuery({ queryKey: adminKeys.checklist(stage), queryFn: async () => (await api.get<{ items: ChecklistItem[] }>(`/api/v1/admin/checklists/${stage}`)).items });
}

export function useSaveChecklist(stage: StageName) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof checklistPutBody>) => api.put<{ items: ChecklistItem[] }>(`/api/v1/admin/checklists/${stage}`, body),
    onSuccess: (r) => qc.setQueryData(adminKeys.checklist(stage), r.items),
  });
}
