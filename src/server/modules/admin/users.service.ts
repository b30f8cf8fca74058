import { sql } from 'kysely';
import type { User, UserCreate, UserPatch } from '../../../contracts/admin.ts';
import type { Db, Tx } from '../../platform/db/database.ts';
import { isUniqueViolation } from '../../platform/db/dialect.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { appendEvent } from '../../platform/events.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { AppError, fieldError, notFound } from '../../platform/http/errors.ts';
import { decodeCursor, toPage } from '../../platform/http/pagination.ts';
import { newId, nowIso } from '../../platform/ids.ts';
import { countActiveAdmins, findUserById, insertUserRoles, listRoles, rolesOf } from './accounts.repository.ts';
import { assertPasswordPolicy, hashPassword } from './password.ts';

type Row = NonNullable<Awaited<ReturnType<typeof findUserById>>>;

function toUser(r: Row, roles: string[]): User {
  return {
    id: r.id,
    username: r.username,
    displayName: r.displayName,
    email: r.email,
    mobile: r.mobile,
    teamId: r.teamId,
    managerId: r.managerId,
    roles,
    active: r.active === 1,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

async function assertRolesExist(q: Db | Tx, roles: string[]) {
  const found = await listRoles(q, roles);
  const missing = roles.filter((k) => !found.some((r) => r.key === k));
  if (missing.length) throw new AppError('UNKNOWN_ROLE', [fieldError('roles', 'unknown_role', { values: missing })]);
}

async function assertRefs(q: Db | Tx, input: { teamId?: string | null; managerId?: string | null }) {
  if (input.teamId && !(await q.selectFrom('team').select('id').where('id', '=', input.teamId).executeTakeFirst())) {
    throw new AppError('VALIDATION_FAILED', [fieldError('teamId', 'not_found')]);
  }
  if (input.managerId && !(await findUserById(q, input.managerId))) {
    throw new AppError('VALIDATION_FAILED', [fieldError('managerId', 'not_found')]);
  }
}

/** Users: create, edit, disable, reset password. Disabling a user ends their sessions (see auth). */
export function createUsersService(db: Db) {
  async function get(id: string): Promise<User> {
    const row = await findUserById(db, id);
    if (!row) throw notFound();
    return toUser(row, (await rolesOf(db, [id])).get(id) ?? []);
  }

  return {
    get,

    async list(query: { limit: number; cursor?: string; q?: string; active?: 'true' | 'false'; role?: string }) {
      const after = decodeCursor(query.cursor);
      let qb = db
        .selectFrom('appUser')
        .select(['id', 'username', 'displayName', 'email', 'mobile', 'teamId', 'managerId', 'active', 'locale', 'createdAt', 'updatedAt', 'passwordHash'])
        .orderBy('username')
        .limit(query.limit + 1);
      if (after) qb = qb.where('username', '>', String(after[0]));
      if (query.q) {
        const like = `%${query.q.toLowerCase()}%`;
        qb = qb.where((eb) => eb.or([eb(eb.fn('lower', ['username']), 'like', like), eb(eb.fn('lower', ['displayName']), 'like', like)]));
      }
      if (query.active) qb = qb.where('active', '=', query.active === 'true' ? 1 : 0);
      if (query.role) qb = qb.where('id', 'in', db.selectFrom('userRole').select('userId').where('roleKey', '=', query.role));
      const rows = await qb.execute();
      const roles = await rolesOf(
        db,
        rows.map((r) => r.id),
      );
      const page = toPage(rows, query.limit, (r) => [r.username]);
      return { items: page.items.map((r) => toUser(r, roles.get(r.id) ?? [])), nextCursor: page.nextCursor };
    },

    /**
     * Who the caller may pick as an owner or assignee: everyone for `all` scope, the team
     * for `team`, only themselves for `own`; plus any ids asked for by name.
     */
    async directory(actor: Actor, query: { q?: string; role?: string; ids?: string; limit: number }) {
      const ids = (query.ids ?? '').split(',').filter(Boolean).slice(0, 200);
      let qb = db.selectFrom('appUser').select(['id', 'username', 'displayName', 'teamId', 'active']).orderBy('displayName').limit(query.limit);
      qb = qb.where((eb) => {
        const inScope = actor.dataScope === 'all' ? sql<boolean>`1 = 1` : actor.dataScope === 'team' && actor.teamId ? eb.or([eb('teamId', '=', actor.teamId), eb('id', '=', actor.id)]) : eb('id', '=', actor.id);
        const scoped = eb.and([inScope as never, eb('active', '=', 1)]);
        return ids.length ? eb.or([scoped, eb('id', 'in', ids)]) : scoped;
      });
      if (query.q) {
        const like = `%${query.q.toLowerCase()}%`;
        qb = qb.where((eb) => eb.or([eb(eb.fn('lower', ['username']), 'like', like), eb(eb.fn('lower', ['displayName']), 'like', like)]));
      }
      if (query.role) qb = qb.where('id', 'in', db.selectFrom('userRole').select('userId').where('roleKey', '=', query.role));
      const rows = await qb.execute();
      const roles = await rolesOf(
        db,
        rows.map((r) => r.id),
      );
      return rows.map((r) => ({ ...r, roles: roles.get(r.id) ?? [], active: r.active === 1 }));
    },

    async create(actor: Actor, input: UserCreate): Promise<User> {
      assertPasswordPolicy(input.password);
      const passwordHash = await hashPassword(input.password);
      const id = newId();
      await inTransaction(db, async (tx) => {
        await assertRolesExist(tx, input.roles);
        await assertRefs(tx, input);
        const now = nowIso();
        try {
          await tx
            .insertInto('appUser')
            .values({
              id,
              username: input.username,
              displayName: input.displayName,
              passwordHash,
              email: input.email ?? null,
              mobile: input.mobile ?? null,
              teamId: input.teamId ?? null,
              managerId: input.managerId ?? null,
              active: 1,
              locale: 'zh-CN',
              createdAt: now,
              updatedAt: now,
            })
            .execute();
        } catch (err) {
          if (isUniqueViolation(err)) throw new AppError('USERNAME_TAKEN', [fieldError('username', 'taken')]);
          throw err;
        }
        await insertUserRoles(tx, id, [...new Set(input.roles)]);
        await appendEvent(tx, { entityType: 'user', entityId: id, type: 'user.created', actor, after: { username: input.username, roles: input.roles } });
      });
      return get(id);
    },

    async update(actor: Actor, id: string, input: UserPatch): Promise<User> {
      if (input.password !== undefined) assertPasswordPolicy(input.password);
      const passwordHash = input.password !== undefined ? await hashPassword(input.password) : undefined;
      await inTransaction(db, async (tx) => {
        const before = await findUserById(tx, id);
        if (!before) throw notFound();
        const beforeRoles = (await rolesOf(tx, [id])).get(id) ?? [];
        if (input.roles) await assertRolesExist(tx, input.roles);
        await assertRefs(tx, input);
        if (input.active === false && id === actor.id) throw new AppError('CANNOT_DISABLE_SELF');
        const losesAdmin = beforeRoles.includes('admin') && (input.active === false || (input.roles && !input.roles.includes('admin')));
        if (losesAdmin && (await countActiveAdmins(tx, id)) === 0) throw new AppError('LAST_ADMIN');
        const { roles, password: _pw, active, ...fields } = input;
        await tx
          .updateTable('appUser')
          .set({
            ...fields,
            ...(active !== undefined ? { active: active ? 1 : 0 } : {}),
            ...(passwordHash ? { passwordHash } : {}),
            updatedAt: nowIso(),
          })
          .where('id', '=', id)
          .execute();
        if (roles) {
          await tx.deleteFrom('userRole').where('userId', '=', id).execute();
          await insertUserRoles(tx, id, [...new Set(roles)]);
        }
        const changed = Object.keys(input).filter((k) => k !== 'password');
        await appendEvent(tx, {
          entityType: 'user',
          entityId: id,
          type: active === false ? 'user.disabled' : passwordHash ? 'user.password_reset' : 'user.updated',
          actor,
          before: pick({ ...before, active: before.active === 1, roles: beforeRoles }, changed),
          after: pick(input, changed),
          data: passwordHash ? { passwordReset: true } : {},
        });
      });
      return get(id);
    },
  };
}

function pick(obj: Record<string, unknown>, keys: string[]) {
  return Object.fromEntries(keys.map((k) => [k, obj[k]]));
}

export type UsersService = ReturnType<typeof createUsersService>;
