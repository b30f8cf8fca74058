import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { User, UserCreate, UserPatch } from '../../../../contracts/admin.ts';
import { api } from '../../../lib/api.ts';
import { useCursorList, type CursorPage } from '../../../lib/cursor-list.ts';

export type { User, UserCreate, UserPatch };
export interface UserFilters {
  q: string;
  active: '' | 'true' | 'false';
  role: string;
}

export const userKeys = {
  all: ['admin', 'users'] as const,
  list: (f: UserFilters) => [...userKeys.all, 'list', f] as const,
  options: () => [...userKeys.all, 'options'] as const,
};

/** The filtered user list, one cursor page at a time ("load more"). */
export function useUserList(filters: UserFilters) {
  return useCursorList<User>(userKeys.list(filters), '/api/v1/admin/users', filters);
}

/** Everyone (up to 200), for manager pickers and showing names by id. */
export function useUserOptions(enabled = true) {
  return useQuery({
    queryKey: userKeys.options(),
    queryFn: () => api.get<CursorPage<User>>('/api/v1/admin/users', { limit: 200 }),
    select: (p) => p.items,
    staleTime: 60_000,
    enabled,
  });
}

export function useCreateUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: UserCreate) => api.post<User>('/api/v1/admin/users', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: userKeys.all }),
  });
}

export function useUpdateUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: UserPatch }) => api.patch<User>(`/api/v1/admin/users/${encodeURIComponent(id)}`, patch),
    // Team member counts change with a user's team.
    onSuccess: () => Promise.all([qc.invalidateQueries({ queryKey: userKeys.all }), qc.invalidateQueries({ queryKey: ['admin', 'teams'] })]),
  });
}
