import type { Permission } from '../../../contracts/permissions.ts';
import { useMe, type MeReply } from './api.ts';

export type SessionUser = MeReply['user'];

/** The signed-in user inside the authenticated shell (the shell renders nothing without one). */
export function useSession(): { user: SessionUser; demo: boolean; can: (p: Permission) => boolean } {
  const { data } = useMe();
  if (!data) throw new Error('useSession outside an authenticated route');
  const perms = new Set(data.user.permissions);
  return { user: data.user, demo: data.demo, can: (p) => perms.has(p) };
}

export function hasAnyAdmin(user: SessionUser): boolean {
  return user.permissions.some((p) => p.startsWith('admin:'));
}
