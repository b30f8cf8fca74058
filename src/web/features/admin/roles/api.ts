import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Role, roleCreateBody, rolePatchBody } from '../../../../contracts/admin.ts';
import { api } from '../../../lib/api.ts';

export type { Role };
export type RolePatch = z.input<typeof rolePatchBody>;
export type RoleCreate = z.input<typeof roleCreateBody>;

export const roleKeys = { all: ['admin', 'roles'] as const };

export function useRoles(enabled = true) {
  return useQuery({
    queryKey: roleKeys.all,
    queryFn: () => api.get<{ items: Role[] }>('/api/v1/admin/roles'),
    select: (r) => r.items,
    staleTime: 60_000,
    enabled,
  });
}

export function useCreateRole() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: RoleCreate) => api.post<Role>('/api/v1/admin/roles', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: roleKeys.all }),
  });
}

export function useUpdateRole() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ key, patch }: { key: string; patch: RolePatch }) => api.patch<Role>(`/api/v1/admin/roles/${encodeURIComponent(key)}`, patch),
    onSuccess: () => qc.invalidateQueries({ queryKey: roleKeys.all }),
  });
}
