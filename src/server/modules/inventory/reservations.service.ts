/**
 * Reservations for orders. These run inside the orders module's transaction (the order's
 * confirmation and its reservations commit or roll back together), so they take a `Tx`
 * rather than opening their own.
 */
import { fromMilli } from '../../../contracts/quantity.ts';
import type { Db, Tx } from '../../platform/db/database.ts';
import { appendEvent } from '../../platform/events.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { AppError, fieldError } from '../../platform/http/errors.ts';
import { newId, nowIso } from '../../platform/ids.ts';
import { insertReservations, releaseActive } from './ledger.repository.ts';
import { lockAvailable, reserveWhereAvailable, stockKey, sumCounters, unreserve, type KeyedQty } from './stock.repository.ts';
import { findDefaultWarehouseId, warehousesByIds } from './warehouses.repository.ts';

type Q = Db | Tx;

export interface ReserveLine {
  orderLineId: string;
  productId: string;
  warehouseId?: string | null;
  /** Thousandths. */
  qty: number;
}

export interface ReserveResult {
  orderLineId: string;
  warehouseId: string;
  reserved: number;
  short: number;
}

/** The warehouse orders reserve from when a line names none; null when there is no warehouse at all. */
export const defaultWarehouseId = (q: Q) => findDefaultWarehouseId(q);

/**
 * Per stock key: lock the counter rows that have anything available, in key order (orders
 * sharing products never deadlock on PostgreSQL — the randomized soak test found exactly
 * that without it), then take min(wanted, available) with one guarded UPDATE for all keys.
 * The guard and the CHECK make overselling impossible even if a lock were missing: a key
 * whose guard fails simply gets nothing. Two statements whatever the number of keys; a
 * single key tries its guarded UPDATE for the full quantity first (no lock order to keep).
 */
async function reserveKeys(tx: Tx, wanted: KeyedQty[], now: string): Promise<Map<string, number>> {
  if (wanted.length === 1) {
    const [hit] = await reserveWhereAvailable(tx, wanted, now);
    if (hit) return new Map([[stockKey(hit), wanted[0].qty]]);
  }
  const available = await lockAvailable(tx, wanted, { onlyAvailable: true });
  const takes = wanted.map((w) => ({ ...w, qty: Math.min(w.qty, available.get(stockKey(w)) ?? 0) })).filter((t) => t.qty > 0);
  const qtyOf = new Map(takes.map((t) => [stockKey(t), t.qty]));
  const got = new Map<string, number>();
  for (const k of await reserveWhereAvailable(tx, takes, now)) got.set(stockKey(k), qtyOf.get(stockKey(k))!);
  return got;
}

/**
 * Reserves each order line from its warehouse (or the default one) — all of it when
 * available, otherwise as much as is available; the rest is reported as `short` (backorder
 * or production demand). Lines of one product in one warehouse are reserved together and
 * filled in line order. A handful of statements whatever the number of lines.
 */
export async function reserveForOrder(tx: Tx, input: { orderId: string; actor: Actor; lines: ReserveLine[] }): Promise<ReserveResult[]> {
  if (input.lines.length === 0) return [];
  input.lines.forEach((l, i) => {
    if (!Number.isSafeInteger(l.qty) || l.qty <= 0) throw new AppError('VALIDATION_FAILED', [fieldError(`lines.${i}.qty`, 'must_be_positive')]);
  });
  const fallback = input.lines.some((l) => !l.warehouseId) ? await findDefaultWarehouseId(tx) : null;
  if (input.lines.some((l) => !l.warehouseId) && !fallback) throw new AppError('NO_WAREHOUSE');
  const lines = input.lines.map((l) => ({ ...l, warehouseId: l.warehouseId || fallback! }));

  const wanted = new Map<string, KeyedQty>();
  for (const l of lines) {
    const k = stockKey(l);
    const w = wanted.get(k);
    if (w) w.qty += l.qty;
    else wanted.set(k, { productId: l.productId, warehouseId: l.warehouseId, qty: l.qty });
  }
  const now = nowIso();
  const got = await reserveKeys(tx, [...wanted.values()], now);
  if ([...wanted.keys()].some((k) => got.get(k) !== wanted.get(k)!.qty)) await assertWarehousesExist(tx, lines);

  const left = new Map(got);
  const results: ReserveResult[] = [];
  const rows = [];
  for (const l of lines) {
    const k = stockKey(l);
    const reserved = Math.min(l.qty, left.get(k) ?? 0);
    left.set(k, (left.get(k) ?? 0) - reserved);
    results.push({ orderLineId: l.orderLineId, warehouseId: l.warehouseId, reserved, short: l.qty - reserved });
    if (reserved > 0) rows.push({ id: newId(), orderId: input.orderId, orderLineId: l.orderLineId, productId: l.productId, warehouseId: l.warehouseId, qty: reserved, state: 'active' as const, createdAt: now, closedAt: null });
  }
  if (rows.length) await insertReservations(tx, rows);
  await appendEvent(tx, {
    entityType: 'order',
    entityId: input.orderId,
    type: 'stock.reserved',
    actor: input.actor,
    stage: 'preparation',
    data: { lines: results.map((r, i) => ({ ...r, productId: lines[i].productId, qty: fromMilli(lines[i].qty), reserved: fromMilli(r.reserved), short: fromMilli(r.short) })) },
  });
  return results;
}

/** A line naming a warehouse that does not exist is a caller's bug, not a shortage. Only checked when something was short. */
async function assertWarehousesExist(tx: Tx, lines: { warehouseId: string }[]) {
  const ids = [...new Set(lines.map((l) => l.warehouseId))];
  const known = new Set((await warehousesByIds(tx, ids)).map((w) => w.id));
  const bad = lines.map((l, i) => (known.has(l.warehouseId) ? null : fieldError(`lines.${i}.warehouseId`, 'not_found'))).filter((e) => e !== null);
  if (bad.length) throw new AppError('VALIDATION_FAILED', bad);
}

/**
 * Releases the order's active reservations (all, or those of `orderLineIds`) and gives the
 * quantities back to available stock. Releasing twice releases nothing the second time.
 */
export async function releaseForOrder(tx: Tx, input: { orderId: string; orderLineIds?: string[]; actor: Actor; reason: string }) {
  if (input.orderLineIds && input.orderLineIds.length === 0) return [];
  const now = nowIso();
  const released = await releaseActive(tx, input.orderId, input.orderLineIds, now);
  if (released.length === 0) return [];
  const perKey = new Map<string, KeyedQty>();
  const perLine = new Map<string, { orderLineId: string; warehouseId: string; released: number }>();
  for (const r of released) {
    const k = stockKey(r);
    perKey.set(k, { productId: r.productId, warehouseId: r.warehouseId, qty: (perKey.get(k)?.qty ?? 0) + Number(r.qty) });
    const lk = `${r.orderLineId}\u0000${r.warehouseId}`;
    perLine.set(lk, { orderLineId: r.orderLineId, warehouseId: r.warehouseId, released: (perLine.get(lk)?.released ?? 0) + Number(r.qty) });
  }
  await lockAvailable(tx, [...perKey.values()]);
  await unreserve(tx, [...perKey.values()], now);
  const lines = [...perLine.values()];
  await appendEvent(tx, {
    entityType: 'order',
    entityId: input.orderId,
    type: 'stock.released',
    actor: input.actor,
    stage: 'preparation',
    data: { reason: input.reason, lines: lines.map((l) => ({ ...l, released: fromMilli(l.released) })) },
  });
  return lines;
}

/** On hand, reserved and available per product (thousandths), over one warehouse or all; unknown products read as zero. */
export async function availability(q: Q, productIds: string[], warehouseId?: string) {
  const out = new Map<string, { onHand: number; reserved: number; available: number }>();
  for (const id of productIds) out.set(id, { onHand: 0, reserved: 0, available: 0 });
  for (const r of await sumCounters(q, [...new Set(productIds)], warehouseId)) {
    const onHand = Number(r.onHand ?? 0);
    const reserved = Number(r.reserved ?? 0);
    out.set(r.productId, { onHand, reserved, available: onHand - reserved });
  }
  return out;
}

/**
 * Moves `qty` (thousandths) of what one order line has reserved to another order line of the
 * same product, in the same warehouse: the stock counters do not change, only whose the
 * reservation is. Each source reservation is taken with a guarded UPDATE, so of two planners
 * moving the same reservation at once one wins and the other gets CONFLICT (409).
 */
export async function moveReservation(tx: Tx, input: { fromOrderLineId: string; toOrderId: string; toOrderLineId: string; qty: number }): Promise<{ warehouseId: string }> {
  const sources = await tx.selectFrom('reservation').selectAll().where('orderLineId', '=', input.fromOrderLineId).where('state', '=', 'active').orderBy('id').execute();
  if (sources.reduce((n, r) => n + Number(r.qty), 0) < input.qty) throw new AppError('CONFLICT', { reason: 'reserved_changed' });
  const now = nowIso();
  let left = input.qty;
  for (const r of sources) {
    if (left === 0) break;
    const take = Math.min(left, Number(r.qty));
    const done = await tx
      .updateTable('reservation')
      .set((eb) => ({ qty: eb('qty', '-', take), state: Number(r.qty) === take ? 'released' : 'active', closedAt: Number(r.qty) === take ? now : null }))
      .where('id', '=', r.id)
      .where('state', '=', 'active')
      .where('qty', '>=', take)
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) !== 1) throw new AppError('CONFLICT', { reason: 'reserved_changed' });
    left -= take;
  }
  const warehouseId = sources[0]!.warehouseId;
  await insertReservations(tx, [{ id: newId(), orderId: input.toOrderId, orderLineId: input.toOrderLineId, productId: sources[0]!.productId, warehouseId, qty: input.qty, state: 'active', createdAt: now, closedAt: null }]);
  return { warehouseId };
}
