import type { Db } from '../../platform/db/database.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { selectOrders } from './orders.repository.ts';

const OPEN = ['pending_approval', 'rejected', 'confirmed', 'in_fulfilment', 'partially_shipped', 'shipped', 'on_hold'] as const;

/**
 * The caller's open orders with the facts the workbench ranks by: promised date, shortages,
 * status. One query for the orders and one for short lines, within the data scope.
 */
export async function openOrdersWithRisk(db: Db, actor: Actor, limit = 500) {
  const rows = await selectOrders(db, actor).where('salesOrder.status', 'in', [...OPEN]).orderBy('salesOrder.promisedDate').limit(limit).execute();
  const ids = rows.map((r) => r.id);
  const short = new Set(
    ids.length ? (await db.selectFrom('orderLine').select('orderId').where('orderId', 'in', ids).where('shortQty', '>', 0).groupBy('orderId').execute()).map((r) => r.orderId) : [],
  );
  return rows.map((r) => ({ ...r, hasShortage: short.has(r.id) }));
}
