import { useSession } from '../auth/session.ts';
import { useUserOptions } from '../admin/users/api.ts';

/**
 * People a customer can be assigned to. The user directory needs admin:users; without it
 * the choices are the signed-in user plus owners already seen (passed in), which covers a
 * sales rep (own scope: only themself) and keeps a manager's filter useful.
 */
export function useOwnerOptions(seen: { id: string; name: string | null }[] = []) {
  const { user, can } = useSession();
  const directory = useUserOptions(can('admin:users'));
  const map = new Map<string, string>();
  if (directory.data) for (const u of directory.data) if (u.active) map.set(u.id, u.displayName);
  map.set(user.id, user.displayName);
  for (const s of seen) if (s.name && !map.has(s.id)) map.set(s.id, s.name);
  return [...map].map(([value, label]) => ({ value, label })).sort((a, b) => a.label.localeCompare(b.label, 'zh-CN'));
}
