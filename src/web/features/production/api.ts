import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Board, EquipmentChange, ScheduleResult, ScheduleView, WorkCenter, WorkOrder, WorkOrderDetail, WorkOrderStatus, workCenterCreate, WorkCenterPatch, workOrderProgressBody } from '../../../contracts/production.ts';
import { api } from '../../lib/api.ts';

export type { Board, EquipmentChange, ScheduleResult, ScheduleView, WorkCenter, WorkCenterPatch, WorkOrder, WorkOrderDetail, WorkOrderStatus };
export type WorkCenterInput = z.input<typeof workCenterCreate>;
export type ProgressInput = z.input<typeof workOrderProgressBody>;

export interface WorkOrderFilters {
  status: '' | WorkOrderStatus;
  q: string;
  atRisk: '' | 'true';
}
interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export const productionKeys = {
  all: ['production'] as const,
  workOrders: (f: WorkOrderFilters) => [...productionKeys.all, 'work-orders', f] as const,
  workOrder: (id: string) => [...productionKeys.all, 'work-order', id] as const,
  centers: () => [...productionKeys.all, 'centers'] as const,
  board: () => [...productionKeys.all, 'board'] as const,
  schedule: (from: string, days: number) => [...productionKeys.all, 'schedule', from, days] as const,
};

/** The last plan per work center for the Gantt (GET /schedule). */
export function useScheduleView(from: string, days: number) {
  return useQuery({ queryKey: productionKeys.schedule(from, days), queryFn: () => api.get<ScheduleView>('/api/v1/schedule', { from, days }), placeholderData: keepPreviousData });
}

export function useWorkOrders(filters: WorkOrderFilters) {
  return useInfiniteQuery({
    queryKey: productionKeys.workOrders(filters),
    queryFn: ({ pageParam }) => api.get<Page<WorkOrder>>('/api/v1/work-orders', { ...filters, limit: 100, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useWorkOrder(id: string) {
  return useQuery({ queryKey: productionKeys.workOrder(id), queryFn: () => api.get<WorkOrderDetail>(`/api/v1/work-orders/${id}`) });
}

export function useWorkCenters() {
  return useQuery({ queryKey: productionKeys.centers(), queryFn: () => api.get<Page<WorkCenter>>('/api/v1/work-centers'), select: (p) => p.items });
}

/** The board refreshes itself: a TV on the shop floor has nobody to press F5. */
export function useBoard(refreshMs: number) {
  return useQuery({ queryKey: productionKeys.board(), queryFn: () => api.get<Board>('/api/v1/production/board'), refetchInterval: refreshMs, refetchIntervalInBackground: true });
}

/** Every production change can move plans, progress and the board: refetch all of it. */
function useProductionMutation<TBody, TResult>(fn: (body: TBody) => Promise<TResult>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => Promise.all([qc.invalidateQueries({ queryKey: productionKeys.all }), qc.invalidateQueries({ queryKey: ['orders'] }), qc.invalidateQueries({ queryKey: ['stock'] })]) });
}

export const useCreateWorkCenter = () => useProductionMutation((body: WorkCenterInput) => api.post<WorkCenter>('/api/v1/work-centers', body));
export const useUpdateWorkCenter = () => useProductionMutation((v: { id: string } & WorkCenterPatch) => api.patch<WorkCenter>(`/api/v1/work-centers/${v.id}`, { name: v.name, capacityHoursPerDay: v.capacityHoursPerDay, shiftStart: v.shiftStart, version: v.version }));
export const useCenterDown = () => useProductionMutation((v: { id: string; reason: string; expectedUpAt: string | null }) => api.post<EquipmentChange>(`/api/v1/work-centers/${v.id}/down`, { reason: v.reason, expectedUpAt: v.expectedUpAt }));
export const useCenterUp = () => useProductionMutation((id: string) => api.post<EquipmentChange>(`/api/v1/work-centers/${id}/up`, {}));
export const useRunSchedule = () => useProductionMutation((_: void) => api.post<ScheduleResult>('/api/v1/schedule/run', {}));
export const useRelease = () => useProductionMutation((v: { id: string; version: number }) => api.post<WorkOrderDetail>(`/api/v1/work-orders/${v.id}/release`, { version: v.version }));
export const useCancelWorkOrder = () => useProductionMutation((v: { id: string; reason: string }) => api.post<WorkOrderDetail>(`/api/v1/work-orders/${v.id}/cancel`, { reason: v.reason }));
export const useReportProgress = () => useProductionMutation((v: { id: string } & ProgressInput) => api.post<WorkOrderDetail>(`/api/v1/work-orders/${v.id}/progress`, { operationId: v.operationId, goodQty: v.goodQty, scrapQty: v.scrapQty }));
