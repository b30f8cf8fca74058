import { sql } from 'kysely';
import type { Db, Tx } from '../../platform/db/database.ts';

type Q = Db | Tx;

/**
 * What production needs from orders, and the one thing it writes back: the scheduler's
 * planned completion and risk on the order line (API.md). Production sits above orders
 * and reaches them only through this door.
 */
export const orderProduction = {
  /** Lines of an order that are short after reservation (production demand), with their warehouse. */
  shortLines: (q: Q, orderId: string) =>
    q.selectFrom('orderLine').select(['id', 'lineNo', 'productId', 'qty', 'reservedQty', 'shortQty', 'warehouseId']).where('orderId', '=', orderId).where('shortQty', '>', 0).orderBy('lineNo').execute(),

  /** Header facts the scheduler orders by and the alerts need. */
  facts: async (q: Q, orderIds: string[]) =>
    orderIds.length === 0
      ? []
      : q.selectFrom('salesOrder').select(['id', 'number', 'priority', 'promisedDate', 'ownerId', 'status', 'createdAt']).where('id', 'in', orderIds).execute(),

  /** The line's current plan (before a reschedule, to tell what moved). */
  linePlans: async (q: Q, orderLineIds: string[]) =>
    orderLineIds.length === 0 ? [] : q.selectFrom('orderLine').select(['id', 'orderId', 'plannedCompletion', 'atRisk']).where('id', 'in', orderLineIds).execute(),

  /** Writes the scheduler's result per line; lines not passed keep theirs. */
  async setLinePlans(tx: Tx, plans: { orderLineId: string; plannedCompletion: string | null; atRisk: boolean }[]) {
    for (let i = 0; i < plans.length; i += 500) {
      const values = sql.join(plans.slice(i, i + 500).map((p) => sql`(${p.orderLineId}, cast(${p.plannedCompletion} as text), cast(${p.atRisk ? 1 : 0} as integer))`));
      await sql`update order_line set planned_completion = v.column2, at_risk = v.column3 from (values ${values}) as v where order_line.id = v.column1`.execute(tx);
    }
  },

  /** Finished goods reserved for the line after a production receipt: its shortage shrinks by as much. */
  async addReserved(tx: Tx, orderLineId: string, qty: number) {
    await tx
      .updateTable('orderLine')
      .set((eb) => ({ reservedQty: eb('reservedQty', '+', qty), shortQty: eb('shortQty', '-', qty) }))
      .where('id', '=', orderLineId)
      .execute();
  },
};
