import { useQuery } from '@tanstack/react-query';
import type { CustomField } from '../../../contracts/custom-fields.ts';
import type { customFieldEntities } from '../../../contracts/custom-fields.ts';
import { api } from '../../lib/api.ts';

export type { CustomField };
export type CustomFieldEntity = (typeof customFieldEntities)[number];

export const customFieldKeys = {
  all: ['custom-fields'] as const,
  active: (entity: CustomFieldEntity) => [...customFieldKeys.all, 'active', entity] as const,
  admin: (entity: CustomFieldEntity) => [...customFieldKeys.all, 'admin', entity] as const,
};

/** The active field definitions a form renders for one document type, in the admin's order. */
export function useCustomFieldDefs(entity: CustomFieldEntity) {
  return useQuery({
    queryKey: customFieldKeys.active(entity),
    queryFn: () => api.get<{ items: CustomField[] }>('/api/v1/custom-fields', { entity }),
    select: (r) => [...r.items].sort((a, b) => a.sort - b.sort),
    staleTime: 60_000,
  });
}
