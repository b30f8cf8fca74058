import type { Notification } from '../../../contracts/admin.ts';
import type { Db } from '../../platform/db/database.ts';
import { nowIso } from '../../platform/ids.ts';

export type NotificationRow = Notification & { userId: string; outboxId: string };

/** Inserts unless this outbox row already produced one (a retried job); returns whether it did. */
export async function insertNotificationOnce(db: Db, row: NotificationRow): Promise<boolean> {
  const inserted = await db
    .insertInto('notification')
    .values(row)
    .onConflict((oc) => oc.column('outboxId').doNothing())
    .executeTakeFirst();
  return Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0;
}

export function listNotifications(db: Db, userId: string, opts: { limit: number; beforeId?: string; unread?: boolean }) {
  let qb = db
    .selectFrom('notification')
    .select(['id', 'kind', 'title', 'body', 'link', 'createdAt', 'readAt'])
    .where('userId', '=', userId)
    .orderBy('id', 'desc')
    .limit(opts.limit);
  if (opts.beforeId) qb = qb.where('id', '<', opts.beforeId);
  if (opts.unread) qb = qb.where('readAt', 'is', null);
  return qb.execute();
}

export async function countUnread(db: Db, userId: string): Promise<number> {
  const r = await db
    .selectFrom('notification')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('userId', '=', userId)
    .where('readAt', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Marks the user's unread notifications read: the given ids, or all. */
export async function markNotificationsRead(db: Db, userId: string, ids: string[] | 'all'): Promise<void> {
  let qb = db.updateTable('notification').set({ readAt: nowIso() }).where('userId', '=', userId).where('readAt', 'is', null);
  if (ids !== 'all') {
    if (ids.length === 0) return;
    qb = qb.where('id', 'in', ids);
  }
  await qb.execute();
}
