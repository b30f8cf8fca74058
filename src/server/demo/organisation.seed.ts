/** Demo organisation: teams, one user per role (plus a second sales team), reporting lines. */
import { createUsersService, findUserByUsername, verifyPassword } from '../modules/admin/index.ts';
import { isUniqueViolation } from '../platform/db/dialect.ts';
import { inTransaction } from '../platform/db/transaction.ts';
import { appendEvent } from '../platform/events.ts';
import { newId, nowIso } from '../platform/ids.ts';
import { demoAccountList } from './accounts.ts';
import { demoEmailDomain, demoPeople, demoTeams } from './company.ts';
import type { DemoSeedStep } from './seed.ts';

/** People not on the login page share the sales manager's demo password. */
const passwordOf = (username: string) => (demoAccountList.find((a) => a.username === username) ?? demoAccountList.find((a) => a.role === 'sales_manager')!).password;

const isTaken = (err: unknown) => isUniqueViolation(err) || (err as { code?: string })?.code === 'USERNAME_TAKEN';

/*
 * Teams are written here rather than through the admin door, which does not export team
 * creation yet (createRolesService is module-internal). The rows and the `team.*` events
 * are the ones that service writes; switch to the door once it exports it.
 */
export const teamsStep: DemoSeedStep = {
  name: 'teams',
  async run({ db, actor }) {
    const existing = new Set((await db.selectFrom('team').select('name').execute()).map((t) => t.name));
    let created = 0;
    for (const team of demoTeams.filter((t) => !existing.has(t.name))) {
      try {
        await inTransaction(db, async (tx) => {
          const id = newId();
          await tx.insertInto('team').values({ id, name: team.name, managerId: null, createdAt: nowIso() }).execute();
          await appendEvent(tx, { entityType: 'team', entityId: id, type: 'team.created', actor, after: { name: team.name } });
        });
        created += 1;
      } catch (err) {
        if (!isTaken(err)) throw err; // another process seeding at the same time won
      }
    }
    return { created, updated: 0 };
  },
};

/**
 * Creates the missing demo users. An existing demo user keeps everything an admin may have
 * edited, except a password that is not the demo one: in demo mode the login page lists the
 * passwords, and it must not lie (typically `admin`, created by the first start with a
 * generated password).
 */
export const peopleStep: DemoSeedStep = {
  name: 'users',
  async run(ctx) {
    const users = createUsersService(ctx.db);
    let created = 0;
    let updated = 0;
    for (const p of demoPeople) {
      const password = passwordOf(p.username);
      const existing = await findUserByUsername(ctx.db, p.username);
      if (existing) {
        if (!(await verifyPassword(existing.passwordHash, password))) {
          await users.update(ctx.actor, existing.id, { password });
          updated += 1;
        }
        continue;
      }
      try {
        await users.create(ctx.actor, {
          username: p.username,
          displayName: p.displayName,
          password,
          roles: [p.role],
          teamId: p.team ? await ctx.teamId(p.team) : null,
          managerId: p.manager ? await ctx.userId(p.manager) : null,
          email: `${p.username}@${demoEmailDomain}`,
          mobile: p.mobile,
        });
        created += 1;
      } catch (err) {
        if (!isTaken(err)) throw err;
      }
    }
    return { created, updated };
  },
};

/** Team managers, once the users exist. Only fills an empty manager: an admin's choice stands. */
export const teamManagersStep: DemoSeedStep = {
  name: 'team managers',
  async run(ctx) {
    let updated = 0;
    for (const team of demoTeams) {
      const id = await ctx.teamId(team.name);
      const managerId = await ctx.userId(team.manager);
      const changed = await inTransaction(ctx.db, async (tx) => {
        const res = await tx.updateTable('team').set({ managerId }).where('id', '=', id).where('managerId', 'is', null).executeTakeFirst();
        if (Number(res.numUpdatedRows) === 0) return false;
        await appendEvent(tx, { entityType: 'team', entityId: id, type: 'team.updated', actor: ctx.actor, before: { managerId: null }, after: { managerId } });
        return true;
      });
      if (changed) updated += 1;
    }
    return { created: 0, updated };
  },
};
