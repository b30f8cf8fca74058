import type { AdjustmentRequest, Movement, MovementCreate, MovementType, StockLevel } from '../../../contracts/inventory.ts';
import { fromMilli, toMilli } from '../../../contracts/quantity.ts';
import type { Db, Tx } from '../../platform/db/database.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { appendEvents } from '../../platform/events.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { AppError, fieldError } from '../../platform/http/errors.ts';
import { decodeCursor, toPage } from '../../platform/http/pagination.ts';
import { newId, nowIso } from '../../platform/ids.ts';
import { toLevel, toMovement } from './inventory.mapper.ts';
import { insertMovements, selectMovements, type MovementRow } from './ledger.repository.ts';
import type { Writable } from 'node:stream';
import type { Locale } from '../../../contracts/errors.ts';
import { needsApproval, requestAdjustment } from './adjustment-approval.ts';
import { exportMovements, type MovementFilter } from './movements.export.ts';
import { productFacts, type ProductFacts } from './products.repository.ts';
import { addOnHand, availableOf, ensureCounterRows, lockAvailable, takeOnHand } from './stock.repository.ts';
import { warehousesByIds, type WarehouseRow } from './warehouses.repository.ts';

interface Entry {
  type: MovementType;
  warehouse: WarehouseRow;
  /** Signed thousandths. */
  qty: number;
}

/** Everything that makes a movement request wrong, as field errors, before anything is written. */
export async function validate(tx: Tx, input: MovementCreate, qty: number) {
  const [product] = await productFacts(tx, [input.productId]);
  const ids = [input.warehouseId, ...(input.toWarehouseId ? [input.toWarehouseId] : [])];
  const found = new Map((await warehousesByIds(tx, ids)).map((w) => [w.id, w]));
  const problems = [];
  if (!product) problems.push(fieldError('productId', 'not_found'));
  // Exact in thousandths: 1.5 件 is 1500, which a 0-decimal unit (steps of 1000) refuses.
  else if (qty % 10 ** (3 - product.unitDecimals) !== 0) problems.push(fieldError('qty', 'unit_decimals', { max: product.unitDecimals }));
  for (const [path, id] of [['warehouseId', input.warehouseId], ['toWarehouseId', input.toWarehouseId]] as const) {
    if (!id) continue;
    const w = found.get(id);
    if (!w) problems.push(fieldError(path, 'not_found'));
    else if (w.active !== 1) problems.push(fieldError(path, 'inactive'));
  }
  if (problems.length) throw new AppError('VALIDATION_FAILED', problems);
  return { product: product!, from: found.get(input.warehouseId)!, to: input.toWarehouseId ? found.get(input.toWarehouseId)! : null };
}

function entriesOf(input: MovementCreate, qty: number, from: WarehouseRow, to: WarehouseRow | null): Entry[] {
  switch (input.type) {
    case 'receipt':
      return [{ type: 'receipt', warehouse: from, qty }];
    case 'issue':
      return [{ type: 'issue', warehouse: from, qty: -qty }];
    case 'adjustment':
      return [{ type: 'adjustment', warehouse: from, qty }];
    case 'transfer':
      return [
        { type: 'transfer_out', warehouse: from, qty: -qty },
        { type: 'transfer_in', warehouse: to!, qty },
      ];
  }
}

/** Writes a validated movement: counters (guarded), ledger rows, one event per row. */
export async function bookMovement(tx: Tx, actor: Actor, input: MovementCreate, qty: number, { product, from, to }: Awaited<ReturnType<typeof validate>>) {
  const now = nowIso();
  const refType = input.type === 'transfer' ? 'transfer' : null;
  const refId = refType ? newId() : null;
  const actorId = actor.via === 'system' ? null : actor.id;
  const movements: MovementRow[] = [];
  const levels: StockLevel[] = [];
  const entries = entriesOf(input, qty, from, to);
  if (entries.length > 1) {
    // A transfer writes two counter rows: both must exist and be locked in the one agreed order first (see lockAvailable).
    const keys = entries.map((e) => ({ productId: product.id, warehouseId: e.warehouse.id }));
    await ensureCounterRows(tx, keys.slice(1), now);
    await lockAvailable(tx, keys);
  }
  for (const e of entries) {
    const key = { productId: product.id, warehouseId: e.warehouse.id };
    const counters = e.qty > 0 ? await addOnHand(tx, key, e.qty, now) : await takeOnHand(tx, key, -e.qty, now);
    if (!counters) {
      const available = await availableOf(tx, key);
      throw new AppError('INSUFFICIENT_STOCK', { productId: product.id, warehouseId: e.warehouse.id, requested: fromMilli(-e.qty), available: fromMilli(available) });
    }
    const labels = { productId: product.id, sku: product.sku, productName: product.name, warehouseId: e.warehouse.id, warehouseCode: e.warehouse.code };
    movements.push({ id: newId(), type: e.type, ...labels, qty: e.qty, reason: input.reason ?? null, refType, refId, actorId, at: now });
    levels.push(toLevel({ ...labels, unit: product.unit, onHand: counters.onHand, reserved: counters.reserved }));
  }
  await insertMovements(
    tx,
    movements.map(({ sku: _s, productName: _p, warehouseCode: _w, ...row }) => row),
  );
  await appendEvents(tx, movements.map((m, i) => movementEvent(actor, product, m, levels[i])));
  return { movements: movements.map(toMovement), levels };
}

export function createMovementsService(db: Db) {
  return {
    /** The filtered list as a streamed .xlsx (see movements.export.ts). */
    exportXlsx: (filter: MovementFilter, locale: Locale, timeZone: string, out: Writable) => exportMovements(db, filter, locale, timeZone, out),

    /**
     * Books one movement (a transfer: its out and in halves) with the counters and an event
     * per ledger row, in one transaction. Taking stock is a guarded decrement: it never goes
     * below what orders have reserved, so a refused request writes nothing. An adjustment
     * above the admin threshold is not booked: it waits as a request for an approver.
     */
    async post(actor: Actor, input: MovementCreate): Promise<{ movements: Movement[]; levels: StockLevel[] } | { pending: AdjustmentRequest }> {
      const qty = toMilli(input.qty);
      return inTransaction(db, async (tx) => {
        const checked = await validate(tx, input, qty);
        if (input.type === 'adjustment' && (await needsApproval(tx, checked.product, qty))) return { pending: await requestAdjustment(tx, actor, input, qty) };
        return bookMovement(tx, actor, input, qty, checked);
      });
    },

    async list(query: { limit: number; cursor?: string; productId?: string; warehouseId?: string; type?: MovementType }) {
      const after = decodeCursor(query.cursor);
      const rows = await selectMovements(db, { ...query, beforeId: after ? String(after[0]) : undefined })
        .limit(query.limit + 1)
        .execute();
      const page = toPage(rows, query.limit, (r) => [r.id]);
      return { items: page.items.map(toMovement), nextCursor: page.nextCursor };
    },
  };
}

/** On the product's timeline: what moved where, why, and the level it left behind. */
function movementEvent(actor: Actor, product: ProductFacts, m: MovementRow, level: { onHand: number; reserved: number }) {
  return {
    entityType: 'product',
    entityId: product.id,
    type: `stock.${m.type}`,
    actor,
    data: { movementId: m.id, warehouseId: m.warehouseId, warehouseCode: m.warehouseCode, qty: fromMilli(m.qty), reason: m.reason, refType: m.refType, refId: m.refId, onHand: level.onHand, reserved: level.reserved },
  };
}

export type MovementsService = ReturnType<typeof createMovementsService>;
