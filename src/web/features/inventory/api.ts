import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Movement, movementCreateBody, movementCreated, movementPending, MovementType, StockExplanation, StockLevel, Warehouse, WarehouseCreate } from '../../../contracts/inventory.ts';
import type { incomingSchema } from '../../../contracts/production.ts';
import { api, saveBlob } from '../../lib/api.ts';
import { useCursorList, type CursorPage } from '../../lib/cursor-list.ts';

export type { Movement, MovementType, StockExplanation, StockLevel, Warehouse, WarehouseCreate };
export type MovementInput = z.input<typeof movementCreateBody>;
export type MovementCreated = z.infer<typeof movementCreated> | z.infer<typeof movementPending>;
export type Incoming = z.infer<typeof incomingSchema>['items'][number];

export interface StockFilters {
  q: string;
  warehouseId: string;
  productId: string;
}
export interface MovementFilters {
  productId: string;
  warehouseId: string;
  type: '' | MovementType;
}
export const stockKeys = {
  all: ['stock'] as const,
  levels: (f: StockFilters) => [...stockKeys.all, 'levels', f] as const,
  movements: (f: MovementFilters) => [...stockKeys.all, 'movements', f] as const,
  explain: (productId: string, warehouseId: string) => [...stockKeys.all, 'explain', productId, warehouseId] as const,
  warehouses: () => [...stockKeys.all, 'warehouses'] as const,
  incoming: (productIds: string[]) => [...stockKeys.all, 'incoming', productIds] as const,
};

export function useWarehouses(enabled = true) {
  return useQuery({ queryKey: stockKeys.warehouses(), queryFn: () => api.get<CursorPage<Warehouse>>('/api/v1/warehouses', { limit: 200 }), select: (p) => p.items, staleTime: 60_000, enabled });
}

export function useCreateWarehouse() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (body: WarehouseCreate) => api.post<Warehouse>('/api/v1/warehouses', body), onSuccess: () => qc.invalidateQueries({ queryKey: stockKeys.warehouses() }) });
}

/** Name, address, active (the code is immutable). */
export function useUpdateWarehouse() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: { name?: string; address?: string | null; active?: boolean } }) => api.patch<Warehouse>(`/api/v1/warehouses/${encodeURIComponent(id)}`, patch),
    onSuccess: () => Promise.all([qc.invalidateQueries({ queryKey: stockKeys.warehouses() }), qc.invalidateQueries({ queryKey: stockKeys.all })]),
  });
}

export function useStockLevels(filters: StockFilters) {
  return useCursorList<StockLevel>(stockKeys.levels(filters), '/api/v1/stock', filters, 100);
}

export function useMovements(filters: MovementFilters) {
  return useCursorList<Movement>(stockKeys.movements(filters), '/api/v1/stock/movements', filters, 100);
}

/** Downloads the movements the filters select as .xlsx. */
export async function exportMovements(filters: MovementFilters, filename: string): Promise<void> {
  saveBlob(await api.download('/api/v1/stock/movements/export', { ...filters }), filename);
}

/** "Why is available = X" for one product, in one warehouse or all. */
export function useStockExplanation(productId: string, warehouseId: string) {
  return useQuery({ queryKey: stockKeys.explain(productId, warehouseId), queryFn: () => api.get<StockExplanation>('/api/v1/stock/explain', { productId, warehouseId: warehouseId || undefined }) });
}

/** A receipt, issue, adjustment or transfer; levels, explanations and order-entry availability all change. */
export function useCreateMovement() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: MovementInput) => api.post<MovementCreated>('/api/v1/stock/movements', body),
    onSuccess: () => Promise.all([qc.invalidateQueries({ queryKey: stockKeys.all }), qc.invalidateQueries({ queryKey: ['orders', 'quote'] })]),
  });
}

/** What open work orders will still bring, per product (all warehouses), for the products on screen (≤ 200 per request). */
export function useIncoming(productIds: string[], enabled = true) {
  const ids = [...new Set(productIds)].sort();
  return useQuery({
    queryKey: stockKeys.incoming(ids),
    queryFn: async () => {
      const out = new Map<string, Incoming>();
      for (let i = 0; i < ids.length; i += 200) {
        const r = await api.get<{ items: Incoming[] }>('/api/v1/production/incoming', { productIds: ids.slice(i, i + 200).join(',') });
        for (const x of r.items) out.set(x.productId, x);
      }
      return out;
    },
    enabled: enabled && ids.length > 0,
    staleTime: 30_000,
  });
}
