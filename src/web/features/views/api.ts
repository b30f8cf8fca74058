import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { SavedView, SavedViewEntity, savedViewCreateBody, savedViewPatchBody } from '../../../contracts/views.ts';
import { api } from '../../lib/api.ts';

export type { SavedView, SavedViewEntity };
export type ViewCreate = z.input<typeof savedViewCreateBody>;
export type ViewPatch = z.input<typeof savedViewPatchBody>;

export const viewKeys = {
  all: ['saved-views'] as const,
  list: (entity: SavedViewEntity) => [...viewKeys.all, entity] as const,
};

export function useSavedViews(entity: SavedViewEntity) {
  return useQuery({ queryKey: viewKeys.list(entity), queryFn: async () => (await api.get<{ items: SavedView[] }>('/api/v1/saved-views', { entity })).items, staleTime: 60_000 });
}

function useInvalidate(entity: SavedViewEntity) {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: viewKeys.list(entity) });
}

export function useCreateView(entity: SavedViewEntity) {
  const invalidate = useInvalidate(entity);
  return useMutation({ mutationFn: (body: Omit<ViewCreate, 'entity'>) => api.post<SavedView>('/api/v1/saved-views', { ...body, entity }), onSuccess: invalidate });
}

export function useUpdateView(entity: SavedViewEntity) {
  const invalidate = useInvalidate(entity);
  return useMutation({ mutationFn: ({ id, patch }: { id: string; patch: ViewPatch }) => api.patch<SavedView>(`/api/v1/saved-views/${encodeURIComponent(id)}`, patch), onSuccess: invalidate });
}

export function useDeleteView(entity: SavedViewEntity) {
  const invalidate = useInvalidate(entity);
  return useMutation({ mutationFn: (id: string) => api.delete<{ ok: true }>(`/api/v1/saved-views/${encodeURIComponent(id)}`), onSuccess: invalidate });
}

/** Filter sets compare by their non-empty values, whatever the key order. */
export function sameQuery(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const norm = (q: Record<string, unknown>) =>
    JSON.stringify(
      Object.entries(q)
        .filter(([, v]) => v !== '' && v !== null && v !== undefined)
        .sort(([x], [y]) => x.localeCompare(y)),
    );
  return norm(a) === norm(b);
}
