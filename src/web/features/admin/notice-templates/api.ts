import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { NoticeKey, noticeTemplatesBody, noticeTemplatesResponse } from '../../../../contracts/shipping.ts';
import { api } from '../../../lib/api.ts';

export type NoticeTemplates = z.infer<typeof noticeTemplatesResponse>;
export type NoticeTemplate = NoticeTemplates['templates'][number];
export type NoticeTemplateInput = z.input<typeof noticeTemplatesBody>['templates'][number];

const key = ['admin', 'notice-templates'] as const;

/** Every notice key with its templates per channel × language and the placeholders it offers. */
export function useNoticeTemplates() {
  return useQuery({ queryKey: key, queryFn: () => api.get<{ items: NoticeTemplates[] }>('/api/v1/admin/notice-templates'), select: (r) => r.items });
}

/** Saves (or, with `reset`, restores the built-in text of) one channel × language of a key. */
export function useSaveNoticeTemplate() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ noticeKey, template }: { noticeKey: NoticeKey; template: NoticeTemplateInput }) => api.put<NoticeTemplates>(`/api/v1/admin/notice-templates/${encodeURIComponent(noticeKey)}`, { templates: [template] }),
    onSuccess: () => qc.invalidateQueries({ queryKey: key }),
  });
}
