/** Dialect-neutral questions about a database, asked through Kysely: used before and after a restore. */
import { sql } from 'kysely';
import type { DbHandle } from '../../server/platform/db/database.ts';

/**
 * Tables whose rows do not count as "data": migration bookkeeping and the built-in roles,
 * which `gendan migrate` writes into every fresh database. So a freshly migrated database
 * is empty (restore needs no --force), one with a single user or event is not.
 */
const bookkeeping = new Set(['kysely_migration', 'kysely_migration_lock', 'role']);

/** Names of the tables that hold at least one row (`exists`, not `count(*)`, so a 10 GB table costs one page read). */
export async function tablesWithData(handle: DbHandle): Promise<string[]> {
  const tables = await handle.db.introspection.getTables({ withInternalKyselyTables: true });
  const out: string[] = [];
  for (const t of tables) {
    if (t.isView || bookkeeping.has(t.name)) continue;
    const ref = t.schema ? sql.table(`${t.schema}.${t.name}`) : sql.table(t.name);
    const row = await sql<{ one: number }>`select 1 as one from ${ref} limit 1`.execute(handle.db);
    if (row.rows.length) out.push(t.name);
  }
  return out;
}

export async function appliedMigrations(handle: DbHandle): Promise<string[]> {
  const tables = await handle.db.introspection.getTables({ withInternalKyselyTables: true });
  if (!tables.some((t) => t.name === 'kysely_migration')) return [];
  const r = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(handle.db);
  return r.rows.map((x) => x.name);
}

/** What a person checks after a restore: who can sign in and how much history came back. */
export async function contentSummary(handle: DbHandle): Promise<{ users: number; events: number; latestEvent: string | null }> {
  const users = await handle.db.selectFrom('appUser').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const events = await handle.db
    .selectFrom('event')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('at').as('latest')])
    .executeTakeFirstOrThrow();
  return { users: Number(users.n), events: Number(events.n), latestEvent: (events.latest as string | null) ?? null };
}
