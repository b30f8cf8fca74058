/**
 * Counters next to their ledgers, per product × warehouse, in ONE statement: a single
 * statement reads one snapshot on both dialects, so a check running beside live writers
 * never reports a movement committed between two separate reads as a mismatch.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Db, Tx } from '../../platform/db/database.ts';

type Q = Db | Tx;

export interface Balance {
  productId: string;
  warehouseId: string;
  /** Counters. */
  onHand: number;
  reserved: number;
  /** Σ movements. */
  moved: number;
  /** Σ active reservations, and how many there are. */
  held: number;
  heldCount: number;
}

export async function balances(q: Q, opts: { productId?: string; warehouseId?: string; onlyViolations?: boolean } = {}): Promise<Balance[]> {
  const conds: RawBuilder<unknown>[] = [];
  if (opts.productId) conds.push(sql`product_id = ${opts.productId}`);
  if (opts.warehouseId) conds.push(sql`warehouse_id = ${opts.warehouseId}`);
  const where = (extra?: RawBuilder<unknown>) => {
    const all = extra ? [...conds, extra] : conds;
    return all.length ? sql`where ${sql.join(all, sql` and `)}` : sql``;
  };
  const having = opts.onlyViolations
    ? sql`having sum(on_hand) <> sum(moved) or sum(reserved) <> sum(held) or sum(reserved) < 0 or sum(reserved) > sum(on_hand)`
    : sql``;
  const r = await sql<Balance>`
    select product_id, warehouse_id, sum(on_hand) as on_hand, sum(reserved) as reserved,
           sum(moved) as moved, sum(held) as held, sum(held_count) as held_count
    from (
      select product_id, warehouse_id, on_hand, reserved, 0 as moved, 0 as held, 0 as held_count from stock ${where()}
      union all
      select product_id, warehouse_id, 0, 0, qty, 0, 0 from stock_movement ${where()}
      union all
      select product_id, warehouse_id, 0, 0, 0, qty, 1 from reservation ${where(sql`state = 'active'`)}
    ) x
    group by product_id, warehouse_id
    ${having}
    order by product_id, warehouse_id`.execute(q);
  return r.rows.map((b) => ({
    productId: b.productId,
    warehouseId: b.warehouseId,
    onHand: Number(b.onHand),
    reserved: Number(b.reserved),
    moved: Number(b.moved),
    held: Number(b.held),
    heldCount: Number(b.heldCount),
  }));
}

/** How many product × warehouse pairs have counters (the denominator check-ledger reports). */
export async function counterRows(q: Q): Promise<number> {
  const r = await q.selectFrom('stock').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Labels for the pairs a report names. */
export async function labels(q: Q, productIds: string[], warehouseIds: string[]) {
  const [products, warehouses] = await Promise.all([
    productIds.length ? q.selectFrom('product').select(['id', 'sku']).where('id', 'in', productIds).execute() : [],
    warehouseIds.length ? q.selectFrom('warehouse').select(['id', 'code']).where('id', 'in', warehouseIds).execute() : [],
  ]);
  return { sku: new Map(products.map((p) => [p.id, p.sku])), code: new Map(warehouses.map((w) => [w.id, w.code])) };
}
