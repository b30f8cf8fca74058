/**
 * The `stock` counters (on hand, reserved per product × warehouse, in thousandths). Every
 * write here is either an increment or a guarded decrement (`… WHERE on_hand - reserved >= q`):
 * the row lock of the UPDATE plus the guard is what keeps concurrent writers from overselling
 * (DESIGN.md "Performance notes"), and the table's CHECK is the backstop.
 */
import { sql } from 'kysely';
import type { Db, Tx } from '../../platform/db/database.ts';
import { dialectOf, forUpdate } from '../../platform/db/dialect.ts';

type Q = Db | Tx;

export interface KeyedQty {
  productId: string;
  warehouseId: string;
  /** Thousandths. */
  qty: number;
}

export interface StockKey {
  productId: string;
  warehouseId: string;
}

export const stockKey = (k: StockKey) => `${k.productId}\u0000${k.warehouseId}`;

/** `(values (product, warehouse, qty), …) as v`: column1..column3 on both dialects, so one statement serves a whole order. */
function keyedValues(rows: KeyedQty[]) {
  return sql`(values ${sql.join(rows.map((r) => sql`(${r.productId}, ${r.warehouseId}, cast(${r.qty} as bigint))`))}) as v`;
}

/**
 * Locks the existing counter rows of these keys, in key order, and returns what is available
 * in each (keys without a row are absent: 0). Every transaction that writes more than one
 * counter row calls this first: with one lock order for all of them, two orders sharing
 * products, or two opposite transfers, cannot deadlock on PostgreSQL.
 * `onlyAvailable` skips rows with nothing available without locking them, so once a product
 * is sold out, further orders for it queue on nothing (they just come back short).
 */
export async function lockAvailable(tx: Tx, keys: StockKey[], opts: { onlyAvailable?: boolean } = {}): Promise<Map<string, number>> {
  if (keys.length === 0) return new Map();
  const pairs = sql.join(keys.map((k) => sql`(${k.productId}, ${k.warehouseId})`));
  let qb = tx
    .selectFrom('stock')
    .select(['productId', 'warehouseId', sql<number>`on_hand - reserved`.as('available')])
    .where(sql<boolean>`(product_id, warehouse_id) in (values ${pairs})`)
    .orderBy('productId')
    .orderBy('warehouseId');
  if (opts.onlyAvailable) qb = qb.where(sql<boolean>`on_hand > reserved`);
  const rows = await forUpdate(dialectOf(tx), qb).execute();
  return new Map(rows.map((r) => [stockKey(r), Number(r.available)]));
}

/**
 * Reserves each row's qty where that much is available — the guard is evaluated on the
 * locked row, so it holds even without `lockAvailable` — and returns the rows it changed;
 * rows with too little are left untouched. One round trip for any number of rows.
 */
export async function reserveWhereAvailable(tx: Tx, rows: KeyedQty[], now: string): Promise<StockKey[]> {
  if (rows.length === 0) return [];
  const r = await sql<StockKey>`
    update stock set reserved = stock.reserved + v.column3, updated_at = ${now}
    from ${keyedValues(rows)}
    where stock.product_id = v.column1 and stock.warehouse_id = v.column2
      and stock.on_hand - stock.reserved >= v.column3
    returning product_id, warehouse_id`.execute(tx);
  return r.rows;
}

/** Gives reserved quantities back (release). The CHECK refuses going below zero. */
export async function unreserve(tx: Tx, rows: KeyedQty[], now: string): Promise<void> {
  if (rows.length === 0) return;
  await sql`
    update stock set reserved = stock.reserved - v.column3, updated_at = ${now}
    from ${keyedValues(rows)}
    where stock.product_id = v.column1 and stock.warehouse_id = v.column2`.execute(tx);
}

/** Available (on hand − reserved) in one counter row now; 0 without a row. */
export async function availableOf(q: Q, key: StockKey): Promise<number> {
  const row = await q
    .selectFrom('stock')
    .select(sql<number>`on_hand - reserved`.as('available'))
    .where('productId', '=', key.productId)
    .where('warehouseId', '=', key.warehouseId)
    .executeTakeFirst();
  return Number(row?.available ?? 0);
}

/**
 * Creates missing counter rows (zero) without touching existing ones. A multi-row transaction
 * calls this before `lockAvailable`, so the rows it will write all exist and are locked in
 * order — a row created later, mid-transaction, would be taken out of order.
 */
export async function ensureCounterRows(tx: Tx, keys: StockKey[], now: string): Promise<void> {
  if (keys.length === 0) return;
  await tx
    .insertInto('stock')
    .values(keys.map((k) => ({ ...k, onHand: 0, reserved: 0, updatedAt: now })))
    .onConflict((oc) => oc.columns(['productId', 'warehouseId']).doNothing())
    .execute();
}

/** Receipts and positive adjustments: creates the counter row on first use. */
export function addOnHand(tx: Tx, key: StockKey, qty: number, now: string) {
  return tx
    .insertInto('stock')
    .values({ ...key, onHand: qty, reserved: 0, updatedAt: now })
    .onConflict((oc) =>
      oc.columns(['productId', 'warehouseId']).doUpdateSet((eb) => ({
        onHand: eb('stock.onHand', '+', eb.ref('excluded.onHand')),
        updatedAt: eb.ref('excluded.updatedAt'),
      })),
    )
    .returning(['onHand', 'reserved'])
    .executeTakeFirstOrThrow();
}

/** Issues, negative adjustments, transfers out: never below what is reserved. Undefined when refused. */
export function takeOnHand(tx: Tx, key: StockKey, qty: number, now: string) {
  return tx
    .updateTable('stock')
    .set((eb) => ({ onHand: eb('onHand', '-', qty), updatedAt: now }))
    .where('productId', '=', key.productId)
    .where('warehouseId', '=', key.warehouseId)
    .where(sql<number>`on_hand - reserved`, '>=', qty)
    .returning(['onHand', 'reserved'])
    .executeTakeFirst();
}

/** Levels with the product and warehouse labels the API shows. */
export function selectLevels(q: Q) {
  return q
    .selectFrom('stock')
    .innerJoin('product', 'product.id', 'stock.productId')
    .innerJoin('warehouse', 'warehouse.id', 'stock.warehouseId')
    .select(['stock.productId', 'product.sku', 'product.name as productName', 'product.unit', 'stock.warehouseId', 'warehouse.code as warehouseCode', 'stock.onHand', 'stock.reserved']);
}

export type LevelRow = Awaited<ReturnType<ReturnType<typeof selectLevels>['executeTakeFirstOrThrow']>>;

/** Counters summed per product (over one warehouse or all). */
export async function sumCounters(q: Q, productIds: string[], warehouseId?: string) {
  if (productIds.length === 0) return [];
  let qb = q
    .selectFrom('stock')
    .select((eb) => ['productId', eb.fn.sum<number>('onHand').as('onHand'), eb.fn.sum<number>('reserved').as('reserved')])
    .where('productId', 'in', productIds)
    .groupBy('productId');
  if (warehouseId) qb = qb.where('warehouseId', '=', warehouseId);
  return qb.execute();
}
