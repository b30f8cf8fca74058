/** SQL of stock counts: headers with their warehouse label and line tallies, lines with product labels. */
import { sql } from 'kysely';
import type { Db, Tx } from '../../platform/db/database.ts';
import type { StockCountLineTable, StockCountTable } from '../../db/schema.ts';

type Q = Db | Tx;

export function selectCounts(q: Q) {
  return q
    .selectFrom('stockCount as c')
    .innerJoin('warehouse as w', 'w.id', 'c.warehouseId')
    .select([
      'c.id',
      'c.number',
      'c.warehouseId',
      'w.code as warehouseCode',
      'c.status',
      'c.note',
      'c.createdBy',
      'c.createdAt',
      'c.postedAt',
      sql<number>`(select count(*) from stock_count_line l where l.count_id = c.id)`.as('lineCount'),
      sql<number>`(select count(*) from stock_count_line l where l.count_id = c.id and l.counted_qty is not null)`.as('countedCount'),
    ]);
}

export type CountRow = Awaited<ReturnType<ReturnType<typeof selectCounts>['executeTakeFirstOrThrow']>>;

export function selectCountLines(q: Q, countId: string) {
  return q
    .selectFrom('stockCountLine as l')
    .innerJoin('product as p', 'p.id', 'l.productId')
    .select(['l.id', 'l.productId', 'p.sku', 'p.name as productName', 'p.unit', 'p.unitDecimals', 'l.snapshotQty', 'l.countedQty', 'l.postedOnHand', 'l.postedVariance', 'l.movementId'])
    .where('l.countId', '=', countId)
    .orderBy('p.sku');
}

export type CountLineRow = Awaited<ReturnType<ReturnType<typeof selectCountLines>['executeTakeFirstOrThrow']>>;

export async function insertCount(tx: Tx, row: StockCountTable, lines: StockCountLineTable[]) {
  await tx.insertInto('stockCount').values(row).execute();
  // Chunked: SQLite caps bound parameters per statement.
  for (let i = 0; i < lines.length; i += 500) await tx.insertInto('stockCountLine').values(lines.slice(i, i + 500)).execute();
}

/** On hand per product in a warehouse now (counter rows only; products without one are 0). */
export async function onHandIn(q: Q, warehouseId: string, productIds?: string[]) {
  let qb = q.selectFrom('stock').select(['productId', 'onHand']).where('warehouseId', '=', warehouseId);
  if (productIds) qb = qb.where('productId', 'in', productIds);
  return new Map((await qb.execute()).map((r) => [r.productId, Number(r.onHand)]));
}

/**
 * Moves the header from one of `from` to `to`; the guard on the status makes two concurrent
 * posts (or a post racing a cancel) change it exactly once. True when this call changed it.
 */
export async function moveStatus(tx: Tx, id: string, from: readonly StockCountTable['status'][], set: Partial<StockCountTable>): Promise<boolean> {
  const r = await tx.updateTable('stockCount').set(set).where('id', '=', id).where('status', 'in', from).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
