import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Notification } from '../../../contracts/admin.ts';
import { api } from '../../lib/api.ts';

export type { Notification };
interface NotificationPage {
  items: Notification[];
  nextCursor: string | null;
  unreadCount: number;
}

export const notificationKeys = {
  all: ['notifications'] as const,
  recent: () => [...notificationKeys.all, 'recent'] as const,
};

export function useRecentNotifications() {
  return useQuery({
    queryKey: notificationKeys.recent(),
    queryFn: () => api.get<NotificationPage>('/api/v1/notifications', { limit: 20 }),
    // Live pushes invalidate this; the interval only covers a dropped stream.
    refetchInterval: 120_000,
  });
}

export function useMarkRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (ids: string[] | 'all') => api.post<{ ok: true }>('/api/v1/notifications/read', { ids }),
    onSettled: () => qc.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}
