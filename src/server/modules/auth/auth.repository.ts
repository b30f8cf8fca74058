import type { Db, Tx } from '../../platform/db/database.ts';

type Q = Db | Tx;

export const sessions = {
  insert: (q: Q, row: { id: string; userId: string; csrfToken: string; createdAt: string; lastSeenAt: string; expiresAt: string; ip: string | null; userAgent: string | null }) =>
    q.insertInto('session').values(row).execute(),
  find: (q: Q, id: string) => q.selectFrom('session').selectAll().where('id', '=', id).executeTakeFirst(),
  touch: (q: Q, id: string, at: string) => q.updateTable('session').set({ lastSeenAt: at }).where('id', '=', id).execute(),
  delete: (q: Q, id: string) => q.deleteFrom('session').where('id', '=', id).execute(),
  deleteForUser: (q: Q, userId: string) => q.deleteFrom('session').where('userId', '=', userId).execute(),
  deleteExpired: (q: Q, now: string, idleBefore: string) =>
    q
      .deleteFrom('session')
      .where((eb) => eb.or([eb('expiresAt', '<', now), eb('lastSeenAt', '<', idleBefore)]))
      .execute(),
};

const tokenColumns = ['id', 'userId', 'name', 'prefix', 'createdAt', 'lastUsedAt', 'expiresAt', 'revokedAt'] as const;

export const tokens = {
  insert: (q: Q, row: { id: string; userId: string; name: string; tokenHash: string; prefix: string; createdAt: string; expiresAt: string | null }) =>
    q.insertInto('apiToken').values({ ...row, lastUsedAt: null, revokedAt: null }).execute(),
  findByHash: (q: Q, tokenHash: string) => q.selectFrom('apiToken').select([...tokenColumns]).where('tokenHash', '=', tokenHash).executeTakeFirst(),
  findById: (q: Q, id: string) => q.selectFrom('apiToken').select([...tokenColumns]).where('id', '=', id).executeTakeFirst(),
  list: (q: Q, userId?: string) => {
    let qb = q.selectFrom('apiToken').select([...tokenColumns]).orderBy('createdAt', 'desc');
    if (userId) qb = qb.where('userId', '=', userId);
    return qb.execute();
  },
  touch: (q: Q, id: string, at: string) => q.updateTable('apiToken').set({ lastUsedAt: at }).where('id', '=', id).execute(),
  revoke: (q: Q, id: string, at: string) => q.updateTable('apiToken').set({ revokedAt: at }).where('id', '=', id).where('revokedAt', 'is', null).execute(),
};

export const throttle = {
  find: (q: Q, keys: string[]) => q.selectFrom('loginThrottle').selectAll().where('key', 'in', keys).execute(),
  upsert: (q: Q, row: { key: string; failures: number; windowStart: string; lockedUntil: string | null }) =>
    q
      .insertInto('loginThrottle')
      .values(row)
      .onConflict((oc) => oc.column('key').doUpdateSet({ failures: row.failures, windowStart: row.windowStart, lockedUntil: row.lockedUntil }))
      .execute(),
  clear: (q: Q, key: string) => q.deleteFrom('loginThrottle').where('key', '=', key).execute(),
};
