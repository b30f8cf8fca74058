import type { Db, Tx } from '../../platform/db/database.ts';
import { scopeCondition, type Actor } from '../../platform/http/actor.ts';
import { notFound } from '../../platform/http/errors.ts';

/** The order as the actor may see it (data scope on the order's owner), or 404. */
export async function visibleOrder(q: Db | Tx, actor: Actor, orderId: string) {
  const o = await q.selectFrom('salesOrder').select(['id', 'number', 'ownerId', 'status']).where('id', '=', orderId).where(scopeCondition(actor, 'salesOrder.ownerId')).executeTakeFirst();
  if (!o) throw notFound();
  return o;
}
