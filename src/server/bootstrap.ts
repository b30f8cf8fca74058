import type { Config } from './config.ts';
import { openDatabase, type DbHandle } from './platform/db/database.ts';
import { migrateToLatest } from './platform/db/migrator.ts';
import { inTransaction } from './platform/db/transaction.ts';
import { newId, newSecret, nowIso } from './platform/ids.ts';
import { hashPassword, seedRoles } from './modules/admin/index.ts';

/** Opens the database, applies migrations and seeds the built-in roles. */
export async function openAndMigrate(config: Pick<Config, 'databaseUrl'>): Promise<DbHandle> {
  const handle = openDatabase(config.databaseUrl);
  try {
    await migrateToLatest(handle.db);
    await seedRoles(handle.db);
  } catch (err) {
    await handle.close();
    throw err;
  }
  return handle;
}

/**
 * On an empty database, creates `admin` with GENDAN_ADMIN_PASSWORD or a generated password,
 * returned so the caller can print it once. Returns null when users already exist.
 */
export async function ensureAdmin(handle: DbHandle, password?: string): Promise<{ username: string; password: string; generated: boolean } | null> {
  const any = await handle.db.selectFrom('appUser').select('id').limit(1).executeTakeFirst();
  if (any) return null;
  const generated = !password;
  const pw = password ?? newSecret(12);
  const passwordHash = await hashPassword(pw);
  const created = await inTransaction(handle.db, async (tx) => {
    if (await tx.selectFrom('appUser').select('id').limit(1).executeTakeFirst()) return false; // another process won
    const now = nowIso();
    const id = newId();
    // Two servers starting at once on an empty PostgreSQL database both get here: the loser's insert does nothing.
    const inserted = await tx
      .insertInto('appUser')
      .values({ id, username: 'admin', displayName: '系统管理员', passwordHash, email: null, mobile: null, teamId: null, managerId: null, active: 1, locale: 'zh-CN', createdAt: now, updatedAt: now })
      .onConflict((oc) => oc.column('username').doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) !== 1) return false;
    await tx.insertInto('userRole').values({ userId: id, roleKey: 'admin' }).execute();
    return true;
  });
  return created ? { username: 'admin', password: pw, generated } : null;
}
