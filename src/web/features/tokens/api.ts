import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ApiToken, apiTokenCreateBody, apiTokenCreated } from '../../../contracts/auth.ts';
import { api } from '../../lib/api.ts';

export type { ApiToken };
export type TokenCreate = z.input<typeof apiTokenCreateBody>;
export type TokenCreated = z.infer<typeof apiTokenCreated>;

export const tokenKeys = {
  all: ['tokens'] as const,
  list: (all: boolean) => [...tokenKeys.all, 'list', { all }] as const,
};

/** My tokens, or everyone's when an admin asks for `all`. */
export function useTokens(all: boolean) {
  return useQuery({
    queryKey: tokenKeys.list(all),
    queryFn: () => api.get<{ items: ApiToken[] }>('/api/v1/tokens', all ? { all: 'true' } : undefined),
    select: (r) => r.items,
  });
}

export function useCreateToken() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: TokenCreate) => api.post<TokenCreated>('/api/v1/tokens', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: tokenKeys.all }),
  });
}

export function useRevokeToken() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<ApiToken>(`/api/v1/tokens/${encodeURIComponent(id)}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: tokenKeys.all }),
  });
}
