import type { Db, Tx } from '../../platform/db/database.ts';
import type { Actor } from '../../platform/http/actor.ts';
import type { DataScope, Permission, RestrictableField } from '../../../contracts/permissions.ts';
import { findUserById, listRoles, rolesOf } from './accounts.repository.ts';

const scopeRank: Record<DataScope, number> = { own: 0, team: 1, all: 2 };

/**
 * The effective rights of a user with several roles: the union of permissions, the widest
 * data scope, and a field hidden only if every role hides it.
 */
export async function loadActor(q: Db | Tx, userId: string, via: Actor['via']): Promise<Actor | null> {
  const user = await findUserById(q, userId);
  if (!user || user.active !== 1) return null;
  const roleKeys = (await rolesOf(q, [userId])).get(userId) ?? [];
  const roles = await listRoles(q, roleKeys);
  const permissions = new Set<Permission>();
  let dataScope: DataScope = 'own';
  let hidden: Set<RestrictableField> | null = null;
  for (const r of roles) {
    r.permissions.forEach((p) => permissions.add(p));
    if (scopeRank[r.dataScope] > scopeRank[dataScope]) dataScope = r.dataScope;
    const h = new Set<RestrictableField>(r.hiddenFields);
    hidden = hidden === null ? h : new Set([...(hidden as Set<RestrictableField>)].filter((f) => h.has(f)));
  }
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    roles: roleKeys,
    permissions,
    dataScope,
    hiddenFields: hidden ?? new Set(),
    teamId: user.teamId,
    locale: user.locale,
    via,
  };
}
