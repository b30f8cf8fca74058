import type { z } from 'zod';
import type { roleCreateBody, rolePatchBody, teamCreateBody, teamPatchBody } from '../../../contracts/admin.ts';
import { permissionList, seededRoles } from '../../../contracts/permissions.ts';
import type { Db, Tx } from '../../platform/db/database.ts';
import { isUniqueViolation, json } from '../../platform/db/dialect.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { appendEvent } from '../../platform/events.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { AppError, fieldError, notFound } from '../../platform/http/errors.ts';
import { newId, nowIso } from '../../platform/ids.ts';
import { findUserById, listRoles } from './accounts.repository.ts';

/**
 * Inserts the built-in roles that are missing; never overwrites an admin's edits — except
 * that `admin` always holds every permission, including ones added by later releases.
 */
export async function seedRoles(q: Db | Tx): Promise<void> {
  const existing = new Set((await q.selectFrom('role').select('key').execute()).map((r) => r.key));
  if (existing.has('admin')) await q.updateTable('role').set({ permissions: json.write(permissionList) }).where('key', '=', 'admin').execute();
  const missing = seededRoles.filter((r) => !existing.has(r.key));
  if (missing.length === 0) return;
  await q
    .insertInto('role')
    .values(
      missing.map((r) => ({
        key: r.key,
        name: r.name,
        nameEn: r.nameEn,
        permissions: json.write(r.permissions),
        dataScope: r.dataScope,
        hiddenFields: json.write(r.hiddenFields),
        builtin: 1,
        updatedAt: nowIso(),
      })),
    )
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
}

export function createRolesService(db: Db) {
  const getRole = async (key: string) => {
    const [role] = await listRoles(db, [key]);
    if (!role) throw notFound();
    return role;
  };
  const getTeam = async (id: string) => {
    const row = await db
      .selectFrom('team')
      .select(['team.id', 'team.name', 'team.managerId', 'team.createdAt'])
      .select((eb) => eb.selectFrom('appUser').whereRef('appUser.teamId', '=', 'team.id').select(eb.fn.countAll<number>().as('n')).as('memberCount'))
      .where('team.id', '=', id)
      .executeTakeFirst();
    if (!row) throw notFound();
    return { ...row, memberCount: Number(row.memberCount ?? 0) };
  };
  const assertManager = async (q: Db | Tx, managerId: string | null | undefined) => {
    if (managerId && !(await findUserById(q, managerId))) throw new AppError('VALIDATION_FAILED', [fieldError('managerId', 'not_found')]);
  };
  const nameTaken = (err: unknown, name?: string) => {
    if (isUniqueViolation(err)) return new AppError('NAME_TAKEN', [fieldError('name', 'taken')]);
    return err;
  };

  return {
    listRoles: () => listRoles(db),
    getRole,

    async createRole(actor: Actor, input: z.infer<typeof roleCreateBody>) {
      await inTransaction(db, async (tx) => {
        try {
          await tx
            .insertInto('role')
            .values({ ...input, permissions: json.write(input.permissions), hiddenFields: json.write(input.hiddenFields), builtin: 0, updatedAt: nowIso() })
            .execute();
        } catch (err) {
          throw nameTaken(err, input.key);
        }
        await appendEvent(tx, { entityType: 'role', entityId: input.key, type: 'role.created', actor, after: input });
      });
      return getRole(input.key);
    },

    async updateRole(actor: Actor, key: string, input: z.infer<typeof rolePatchBody>) {
      await inTransaction(db, async (tx) => {
        const [before] = await listRoles(tx, [key]);
        if (!before) throw notFound();
        if (key === 'admin' && input.permissions && !input.permissions.includes('admin:roles')) {
          throw new AppError('LAST_ADMIN', [fieldError('permissions', 'admin_locked_out')]);
        }
        await tx
          .updateTable('role')
          .set({
            ...(input.name ? { name: input.name } : {}),
            ...(input.nameEn ? { nameEn: input.nameEn } : {}),
            ...(input.dataScope ? { dataScope: input.dataScope } : {}),
            ...(input.permissions ? { permissions: json.write(input.permissions) } : {}),
            ...(input.hiddenFields ? { hiddenFields: json.write(input.hiddenFields) } : {}),
            updatedAt: nowIso(),
          })
          .where('key', '=', key)
          .execute();
        const keys = Object.keys(input) as (keyof typeof before)[];
        await appendEvent(tx, {
          entityType: 'role',
          entityId: key,
          type: 'role.updated',
          actor,
          before: Object.fromEntries(keys.map((k) => [k, before[k]])),
          after: input,
        });
      });
      return getRole(key);
    },

    async listTeams() {
      const rows = await db
        .selectFrom('team')
        .select(['team.id', 'team.name', 'team.managerId', 'team.createdAt'])
        .select((eb) => eb.selectFrom('appUser').whereRef('appUser.teamId', '=', 'team.id').select(eb.fn.countAll<number>().as('n')).as('memberCount'))
        .orderBy('team.name')
        .execute();
      return rows.map((r) => ({ ...r, memberCount: Number(r.memberCount ?? 0) }));
    },

    async createTeam(actor: Actor, input: z.infer<typeof teamCreateBody>) {
      const id = newId();
      await inTransaction(db, async (tx) => {
        await assertManager(tx, input.managerId);
        try {
          await tx.insertInto('team').values({ id, name: input.name, managerId: input.managerId ?? null, createdAt: nowIso() }).execute();
        } catch (err) {
          throw nameTaken(err, input.name);
        }
        await appendEvent(tx, { entityType: 'team', entityId: id, type: 'team.created', actor, after: input });
      });
      return getTeam(id);
    },

    async updateTeam(actor: Actor, id: string, input: z.infer<typeof teamPatchBody>) {
      await inTransaction(db, async (tx) => {
        const before = await tx.selectFrom('team').selectAll().where('id', '=', id).executeTakeFirst();
        if (!before) throw notFound();
        await assertManager(tx, input.managerId);
        try {
          await tx.updateTable('team').set(input).where('id', '=', id).execute();
        } catch (err) {
          throw nameTaken(err, input.name);
        }
        await appendEvent(tx, { entityType: 'team', entityId: id, type: 'team.updated', actor, before: { name: before.name, managerId: before.managerId }, after: input });
      });
      return getTeam(id);
    },
  };
}

export type RolesService = ReturnType<typeof createRolesService>;
