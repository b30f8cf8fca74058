import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SettingKey, SettingValue } from '../../../../contracts/settings.ts';
import { api } from '../../../lib/api.ts';

export type Settings = { [K in SettingKey]: SettingValue<K> };

const settingsKey = ['admin', 'settings'] as const;

export function useSettings() {
  return useQuery({ queryKey: settingsKey, queryFn: () => api.get<Settings>('/api/v1/admin/settings') });
}

/** Saves one setting (PUT /settings/:key). */
export function useSaveSetting() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ key, value }: { key: SettingKey; value: unknown }) => api.put<{ key: SettingKey; value: unknown }>(`/api/v1/admin/settings/${encodeURIComponent(key)}`, { value }),
    onSuccess: () => qc.invalidateQueries({ queryKey: settingsKey }),
  });
}
