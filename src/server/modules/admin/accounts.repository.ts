import type { Db, Tx } from '../../platform/db/database.ts';
import { json } from '../../platform/db/dialect.ts';
import type { DataScope, Permission, RestrictableField } from '../../../contracts/permissions.ts';

type Q = Db | Tx;

const userColumns = ['id', 'username', 'displayName', 'email', 'mobile', 'teamId', 'managerId', 'active', 'locale', 'createdAt', 'updatedAt'] as const;

export function findUserByUsername(q: Q, username: string) {
  return q.selectFrom('appUser').select([...userColumns, 'passwordHash']).where('username', '=', username).executeTakeFirst();
}

export function findUserById(q: Q, id: string) {
  return q.selectFrom('appUser').select([...userColumns, 'passwordHash']).where('id', '=', id).executeTakeFirst();
}

export async function rolesOf(q: Q, userIds: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (userIds.length === 0) return out;
  const rows = await q.selectFrom('userRole').select(['userId', 'roleKey']).where('userId', 'in', userIds).orderBy('roleKey').execute();
  for (const r of rows) out.set(r.userId, [...(out.get(r.userId) ?? []), r.roleKey]);
  return out;
}

export interface RoleDef {
  key: string;
  name: string;
  nameEn: string;
  permissions: Permission[];
  dataScope: DataScope;
  hiddenFields: RestrictableField[];
  builtin: boolean;
}

export async function listRoles(q: Q, keys?: string[]): Promise<RoleDef[]> {
  let qb = q.selectFrom('role').selectAll().orderBy('builtin', 'desc').orderBy('key');
  if (keys) {
    if (keys.length === 0) return [];
    qb = qb.where('key', 'in', keys);
  }
  const rows = await qb.execute();
  return rows.map((r) => ({
    key: r.key,
    name: r.name,
    nameEn: r.nameEn,
    permissions: json.read<Permission[]>(r.permissions, []),
    dataScope: r.dataScope,
    hiddenFields: json.read<RestrictableField[]>(r.hiddenFields, []),
    builtin: r.builtin === 1,
  }));
}

export function insertUserRoles(q: Q, userId: string, roles: string[]) {
  if (roles.length === 0) return Promise.resolve();
  return q.insertInto('userRole').values(roles.map((roleKey) => ({ userId, roleKey }))).execute();
}

export function countActiveAdmins(q: Q, excludingUserId: string) {
  return q
    .selectFrom('appUser')
    .innerJoin('userRole', 'userRole.userId', 'appUser.id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('userRole.roleKey', '=', 'admin')
    .where('appUser.active', '=', 1)
    .where('appUser.id', '!=', excludingUserId)
    .executeTakeFirstOrThrow()
    .then((r) => Number(r.n));
}
