/**
 * The two append-only ledgers behind the counters: `stock_movement` (Σ qty = on hand) and
 * `reservation` (Σ active qty = reserved). Rows are only ever inserted, or — reservations —
 * moved from active to released/consumed.
 */
import type { Db, Tx } from '../../platform/db/database.ts';
import type { ReservationTable, StockMovementTable } from '../../db/schema.ts';

type Q = Db | Tx;

export function insertMovements(tx: Tx, rows: StockMovementTable[]) {
  return tx.insertInto('stockMovement').values(rows).execute();
}

/** Movements with the labels the API shows, newest first (ids are time-ordered). */
export function selectMovements(q: Q, filter: { productId?: string; warehouseId?: string; type?: StockMovementTable['type']; beforeId?: string }) {
  let qb = q
    .selectFrom('stockMovement as m')
    .innerJoin('product', 'product.id', 'm.productId')
    .innerJoin('warehouse', 'warehouse.id', 'm.warehouseId')
    .select(['m.id', 'm.type', 'm.productId', 'product.sku', 'product.name as productName', 'm.warehouseId', 'warehouse.code as warehouseCode', 'm.qty', 'm.reason', 'm.refType', 'm.refId', 'm.actorId', 'm.at'])
    .orderBy('m.id', 'desc');
  if (filter.productId) qb = qb.where('m.productId', '=', filter.productId);
  if (filter.warehouseId) qb = qb.where('m.warehouseId', '=', filter.warehouseId);
  if (filter.type) qb = qb.where('m.type', '=', filter.type);
  if (filter.beforeId) qb = qb.where('m.id', '<', filter.beforeId);
  return qb;
}

export type MovementRow = Awaited<ReturnType<ReturnType<typeof selectMovements>['executeTakeFirstOrThrow']>>;

/** Σ qty and count per movement type for one product (one warehouse or all). */
export function movementTotalsByType(q: Q, productId: string, warehouseId?: string) {
  let qb = q
    .selectFrom('stockMovement')
    .select((eb) => ['type', eb.fn.sum<number>('qty').as('qty'), eb.fn.countAll<number>().as('count')])
    .where('productId', '=', productId)
    .groupBy('type')
    .orderBy('type');
  if (warehouseId) qb = qb.where('warehouseId', '=', warehouseId);
  return qb.execute();
}

export function insertReservations(tx: Tx, rows: ReservationTable[]) {
  return tx.insertInto('reservation').values(rows).execute();
}

/**
 * Active → released, returning what was released. On PostgreSQL a concurrent release of the
 * same rows waits for the row lock and then finds them no longer active, so nothing is
 * given back twice.
 */
export function releaseActive(tx: Tx, orderId: string, orderLineIds: string[] | undefined, now: string) {
  let qb = tx.updateTable('reservation').set({ state: 'released', closedAt: now }).where('orderId', '=', orderId).where('state', '=', 'active');
  if (orderLineIds) qb = qb.where('orderLineId', 'in', orderLineIds);
  return qb.returning(['id', 'orderLineId', 'productId', 'warehouseId', 'qty']).execute();
}

/**
 * Active reservations of a product (which orders or work orders hold the stock), oldest first.
 * A work order holds its components under its own id as both order and line (production
 * reserves them at release); the holder's number is joined in as a read-only label so the
 * explanation stays one query and says "工单 WO-…" instead of passing a work order off as an order.
 */
export function activeReservations(q: Q, productId: string, warehouseId: string | undefined, limit: number) {
  let qb = q
    .selectFrom('reservation as r')
    .innerJoin('warehouse', 'warehouse.id', 'r.warehouseId')
    .leftJoin('salesOrder as so', 'so.id', 'r.orderId')
    .leftJoin('workOrder as wo', 'wo.id', 'r.orderId')
    .select(['r.id', 'r.orderId', 'r.orderLineId', 'r.warehouseId', 'warehouse.code as warehouseCode', 'r.qty', 'r.createdAt', 'so.number as orderNumber', 'wo.number as workOrderNumber'])
    .where('r.productId', '=', productId)
    .where('r.state', '=', 'active')
    .orderBy('r.id')
    .limit(limit);
  if (warehouseId) qb = qb.where('r.warehouseId', '=', warehouseId);
  return qb.execute();
}
