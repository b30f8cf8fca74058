/**
 * The `stock` counters (on hand, reserved per product × warehouse, in thousandths). Every
 * write here is either an increment or a guarded decrement (`… WHERE on_hand - reserved >= q`):
 * the row lock of the UPDATE plus the guard is what keeps concurrent writers from overselling
 * (DESIGN.md "Performance notes"), and the table's CHECK is the backstop.
 */
import { sql } from 'kysely';
import type { Db, Tx } from '../../platform/db/database.ts';

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

/**
 * `(values (product, warehouse, qty), …) as v`: column1..column3 on both dialects, so one
 * statement serves a whole order. Sorted by key, so concurrent batches lock `stock` rows in
 * the same order and PostgreSQL does not deadlock two orders sharing products.
 */
function keyedValues(rows: KeyedQty[]) {
  const sorted = [...rows].sort((a, b) => (stockKey(a) < stockKey(b) ? -1 : stockKey(a) > stockKey(b) ? 1 : 0));
  return sql`(values ${sql.join(sorted.map((r) => sql`(${r.productId}, ${r.warehouseId}, cast(${r.qty} as bigint))`))}) as v`;
}

/**
 * Reserves each row's full qty where that much is available; rows with too little are left
 * untouched and absent from the result. One round trip for any number of rows.
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

/** Available (on hand − reserved) now, for the given keys; keys without a stock row are absent (0). */
export async function availableOf(q: Q, keys: StockKey[]): Promise<Map<string, number>> {
  if (keys.length === 0) return new Map();
  const r = await sql<StockKey & { available: number }>`
    select stock.product_id, stock.warehouse_id, stock.on_hand - stock.reserved as available
    from stock join ${keyedValues(keys.map((k) => ({ ...k, qty: 0 })))}
      on stock.product_id = v.column1 and stock.warehouse_id = v.column2`.execute(q);
  return new Map(r.rows.map((row) => [stockKey(row), Number(row.available)]));
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
