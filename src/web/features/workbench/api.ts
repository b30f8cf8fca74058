import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { DelayReason, nudgeBody, nudgeReply, orderChecklists } from '../../../contracts/responsibility.ts';
import type { StageName } from '../../../contracts/stages.ts';
import type { workbenchReply, WorkbenchItem } from '../../../contracts/workbench.ts';
import { api } from '../../lib/api.ts';

export type { DelayReason, WorkbenchItem };
export type WorkbenchReply = z.infer<typeof workbenchReply>;
export type NudgeInput = z.input<typeof nudgeBody>;
export type NudgeReply = z.infer<typeof nudgeReply>;
export type OrderChecklists = z.infer<typeof orderChecklists>['items'];

export const workbenchKeys = {
  all: ['workbench'] as const,
  list: (stage: StageName | '') => [...workbenchKeys.all, 'list', stage] as const,
  reasons: ['delay-reasons'] as const,
  checklists: (orderId: string) => ['orders', 'checklists', orderId] as const,
};

export function useWorkbench(stage: StageName | '') {
  return useQuery({ queryKey: workbenchKeys.list(stage), queryFn: () => api.get<WorkbenchReply>('/api/v1/workbench', { stage }), placeholderData: keepPreviousData, refetchInterval: 120_000 });
}

/** Nudges many (order, stage) owners at once; the list reloads so the timeline counts are fresh. */
export function useNudge() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: NudgeInput) => api.post<NudgeReply>('/api/v1/workbench/nudge', input),
    onSuccess: () => qc.invalidateQueries({ queryKey: workbenchKeys.all }),
  });
}

/** Takes a stage waiting in a role queue; the order page and the workbench reload. */
export function useClaim() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { orderId: string; stage: StageName }) => api.post(`/api/v1/orders/${encodeURIComponent(input.orderId)}/stages/${input.stage}/claim`, {}),
    onSuccess: (_d, v) => {
      void qc.invalidateQueries({ queryKey: workbenchKeys.all });
      void qc.invalidateQueries({ queryKey: ['orders', 'detail', v.orderId] });
      void qc.invalidateQueries({ queryKey: ['orders', 'timeline', v.orderId] });
    },
  });
}

/** Active reasons for the picker (labels in both languages). */
export function useDelayReasons() {
  return useQuery({ queryKey: workbenchKeys.reasons, queryFn: async () => (await api.get<{ items: DelayReason[] }>('/api/v1/delay-reasons')).items, staleTime: 300_000 });
}

export function useExplainDelay() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { orderId: string; stage: StageName; delayReason: string; delayNote: string | null }) =>
      api.patch(`/api/v1/orders/${encodeURIComponent(input.orderId)}/stages/${input.stage}`, { delayReason: input.delayReason, delayNote: input.delayNote || null }),
    onSuccess: (_d, v) => {
      void qc.invalidateQueries({ queryKey: workbenchKeys.all });
      void qc.invalidateQueries({ queryKey: ['orders', 'detail', v.orderId] });
    },
  });
}

export function useOrderChecklists(orderId: string) {
  return useQuery({ queryKey: workbenchKeys.checklists(orderId), queryFn: async () => (await api.get<{ items: OrderChecklists }>(`/api/v1/orders/${encodeURIComponent(orderId)}/checklists`)).items });
}

/** Ticks (or unticks with a reason) one checklist item; the answer is the order's checklists. */
export function useTick(orderId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { stage: StageName; itemId: string; ticked: boolean; reason?: string }) =>
      api.post<{ items: OrderChecklists }>(`/api/v1/orders/${encodeURIComponent(orderId)}/checklists/${input.stage}/items/${encodeURIComponent(input.itemId)}/tick`, { ticked: input.ticked, reason: input.reason }),
    onSuccess: (r) => {
      qc.setQueryData(workbenchKeys.checklists(orderId), r.items);
      void qc.invalidateQueries({ queryKey: ['orders', 'timeline', orderId] });
    },
  });
}
