/**
 * SQL behind 期初库存导入: warehouses by code, which product × warehouse pairs already have
 * movements, their counters, and the guarded "on hand becomes X" write. Lists go out in
 * chunks of 500 keys (1,000 parameters) to stay far below SQLite's parameter limit.
 */
import { sql } from 'kysely';
import { inChunks } from '../../platform/db/chunks.ts';
import type { Db, Tx } from '../../platform/db/database.ts';
import { stockKey, type StockKey } from './stock.repository.ts';
import { selectWarehouses } from './warehouses.repository.ts';

type Q = Db | Tx;
const CHUNK = 500;

const chunks = <T>(items: T[]): T[][] => inChunks(items, CHUNK);

const pairsIn = (keys: StockKey[]) => sql<boolean>`(product_id, warehouse_id) in (values ${sql.join(keys.map((k) => sql`(${k.productId}, ${k.warehouseId})`))})`;

export async function warehousesByCodes(q: Q, codes: string[]) {
  const out = [];
  for (const part of chunks(codes)) out.push(...(await selectWarehouses(q).where('code', 'in', part).execute()));
  return out;
}

/** The pairs (of `keys`) that have at least one movement on the ledger. */
export async function pairsWithMovements(q: Q, keys: StockKey[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (const part of chunks(keys)) {
    const rows = await q.selectFrom('stockMovement').select(['productId', 'warehouseId']).where(pairsIn(part)).groupBy(['productId', 'warehouseId']).execute();
    for (const r of rows) found.add(stockKey(r));
  }
  return found;
}

/** Counters (thousandths) of `keys`; pairs without a row are absent. */
export async function countersOf(q: Q, keys: StockKey[]): Promise<Map<string, { onHand: number; reserved: number }>> {
  const out = new Map<string, { onHand: number; reserved: number }>();
  for (const part of chunks(keys)) {
    const rows = await q.selectFrom('stock').select(['productId', 'warehouseId', 'onHand', 'reserved']).where(pairsIn(part)).execute();
    for (const r of rows) out.set(stockKey(r), { onHand: Number(r.onHand), reserved: Number(r.reserved) });
  }
  return out;
}

/**
 * Sets on hand `from` → `to` for many pairs, 500 per statement, each guarded on the value read
 * under lock and on the reserved quantity still fitting; returns how many rows changed (fewer
 * than asked means a row moved meanwhile). The extra `in (values …)` lets SQLite find the rows
 * by primary key instead of scanning the whole table per statement.
 */
export async function setOnHand(tx: Tx, rows: (StockKey & { from: number; to: number })[], now: string): Promise<number> {
  let changed = 0;
  for (const part of chunks(rows)) {
    const values = sql.join(part.map((r) => sql`(${r.productId}, ${r.warehouseId}, cast(${r.from} as bigint), cast(${r.to} as bigint))`));
    const r = await sql<StockKey>`
      update stock set on_hand = v.column4, updated_at = ${now}
      from (values ${values}) as v
      where ${pairsIn(part)} and stock.product_id = v.column1 and stock.warehouse_id = v.column2
        and stock.on_hand = v.column3 and stock.reserved <= v.column4
      returning stock.product_id`.execute(tx);
    changed += r.rows.length;
  }
  return changed;
}

export { chunks as inChunks };
