import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { linkCreated, Requirement, requirementCreateBody, requirementListItem, requirementPatchBody, RequirementStatus, RequirementVersion } from '../../../contracts/requirements.ts';
import { api } from '../../lib/api.ts';
import { useCursorList } from '../../lib/cursor-list.ts';

export type { Requirement, RequirementStatus, RequirementVersion };
export type RequirementListItem = z.infer<typeof requirementListItem>;
export type RequirementCreate = z.input<typeof requirementCreateBody>;
export type RequirementPatch = z.input<typeof requirementPatchBody>;
export type LinkCreated = z.infer<typeof linkCreated>;
export type RequirementItem = Requirement['items'][number];

export interface RequirementFilters {
  q: string;
  status: '' | RequirementStatus;
  customerId: string;
}

export const requirementKeys = {
  all: ['requirements'] as const,
  list: (f: RequirementFilters) => [...requirementKeys.all, 'list', f] as const,
  detail: (id: string) => [...requirementKeys.all, 'detail', id] as const,
  versions: (id: string) => [...requirementKeys.all, 'versions', id] as const,
};

const path = (id: string) => `/api/v1/requirements/${encodeURIComponent(id)}`;

export function useRequirementList(filters: RequirementFilters, limit = 50) {
  return useCursorList<RequirementListItem>([...requirementKeys.list(filters), limit], '/api/v1/requirements', filters, limit);
}

export function useRequirement(id: string | undefined) {
  return useQuery({ queryKey: requirementKeys.detail(id ?? ''), queryFn: () => api.get<Requirement>(path(id!)), enabled: !!id });
}

export function useRequirementVersions(id: string, enabled = true) {
  return useQuery({ queryKey: requirementKeys.versions(id), queryFn: () => api.get<{ items: RequirementVersion[] }>(`${path(id)}/versions`), select: (r) => [...r.items].sort((a, b) => b.version - a.version), enabled });
}

/** Requirements and the customer's history both change with every requirement write. */
function useInvalidate() {
  const qc = useQueryClient();
  return () => Promise.all([qc.invalidateQueries({ queryKey: requirementKeys.all }), qc.invalidateQueries({ queryKey: ['customers', 'history'] })]);
}

export function useCreateRequirement() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (body: RequirementCreate) => api.post<Requirement>('/api/v1/requirements', body), onSuccess: invalidate });
}

export function useUpdateRequirement(id: string) {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (patch: RequirementPatch) => api.patch<Requirement>(path(id), patch), onSuccess: invalidate });
}

export function useCancelRequirement(id: string) {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (reason: string) => api.post<Requirement>(`${path(id)}/cancel`, { reason }), onSuccess: invalidate });
}

export function useCreateConfirmationLink(id: string) {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (expiresInDays: number) => api.post<LinkCreated>(`${path(id)}/confirmation-link`, { expiresInDays }), onSuccess: invalidate });
}

export function useRevokeLink() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (linkId: string) => api.delete<{ ok: true }>(`/api/v1/customer-links/${encodeURIComponent(linkId)}`), onSuccess: invalidate });
}
