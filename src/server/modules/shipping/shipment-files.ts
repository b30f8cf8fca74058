import type { Db } from '../../platform/db/database.ts';
import { can, scopeCondition, type Actor } from '../../platform/http/actor.ts';

/** A receipt photo is readable by whoever can see its shipment (the order's owner scope). */
export function shipmentFileReferrer(db: Db) {
  return async (actor: Actor, fileId: string): Promise<boolean> => {
    if (!can(actor, 'orders:read')) return false;
    const hit = await db.selectFrom('shipment').select('id').where('receipt', 'like', `%"photoFileId":"${fileId}"%`).where(scopeCondition(actor, 'shipment.ownerId')).limit(1).executeTakeFirst();
    return !!hit;
  };
}
