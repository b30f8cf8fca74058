import type { Db } from '../../platform/db/database.ts';
import { can, scopeCondition, type Actor } from '../../platform/http/actor.ts';

/** A file is visible through an order in scope whose custom fields reference it. */
export function orderFileReferrer(db: Db) {
  return async (actor: Actor, fileId: string): Promise<boolean> => {
    if (!can(actor, 'orders:read')) return false;
    const hit = await db.selectFrom('salesOrder').select('id').where('customFields', 'like', `%${fileId}%`).where(scopeCondition(actor, 'salesOrder.ownerId')).limit(1).executeTakeFirst();
    return !!hit;
  };
}
