import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { customFieldCreateBody, customFieldPatchBody } from '../../../../contracts/custom-fields.ts';
import { api } from '../../../lib/api.ts';
import { customFieldKeys, type CustomField, type CustomFieldEntity } from '../../custom-fields/api.ts';

export type CustomFieldCreate = z.input<typeof customFieldCreateBody>;
export type CustomFieldPatch = z.input<typeof customFieldPatchBody>;

/** Every definition of one document type, inactive ones included (the designer's view). */
export function useAdminCustomFields(entity: CustomFieldEntity) {
  return useQuery({
    queryKey: customFieldKeys.admin(entity),
    queryFn: () => api.get<{ items: CustomField[] }>('/api/v1/admin/custom-fields', { entity }),
    select: (r) => [...r.items].sort((a, b) => a.sort - b.sort || a.key.localeCompare(b.key)),
  });
}

/** Forms render from the active list: both lists are refreshed after any change. */
export function useSaveCustomField() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: string; patch: CustomFieldPatch } | { create: CustomFieldCreate }) =>
      'create' in v ? api.post<CustomField>('/api/v1/admin/custom-fields', v.create) : api.patch<CustomField>(`/api/v1/admin/custom-fields/${encodeURIComponent(v.id)}`, v.patch),
    onSuccess: () => qc.invalidateQueries({ queryKey: customFieldKeys.all }),
  });
}
