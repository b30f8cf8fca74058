import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { teamCreateBody, teamPatchBody, teamSchema } from '../../../../contracts/admin.ts';
import { api } from '../../../lib/api.ts';

export type Team = z.infer<typeof teamSchema>;
export type TeamCreate = z.input<typeof teamCreateBody>;
export type TeamPatch = z.input<typeof teamPatchBody>;

export const teamKeys = { all: ['admin', 'teams'] as const };

export function useTeams() {
  return useQuery({
    queryKey: teamKeys.all,
    queryFn: () => api.get<{ items: Team[] }>('/api/v1/admin/teams'),
    select: (r) => r.items,
  });
}

export function useCreateTeam() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: TeamCreate) => api.post<Team>('/api/v1/admin/teams', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: teamKeys.all }),
  });
}

export function useUpdateTeam() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: TeamPatch }) => api.patch<Team>(`/api/v1/admin/teams/${encodeURIComponent(id)}`, patch),
    onSuccess: () => qc.invalidateQueries({ queryKey: teamKeys.all }),
  });
}
