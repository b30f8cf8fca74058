import { STOCK_COUNT_REASON, type StockCountDetail } from '../../../contracts/inventory.ts';
import { fromMilli } from '../../../contracts/quantity.ts';
import type { Tx } from '../../platform/db/database.ts';
import { dialectOf, forUpdate } from '../../platform/db/dialect.ts';
import { appendEvent, appendEvents } from '../../platform/events.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { AppError, fieldError, notFound } from '../../platform/http/errors.ts';
import { newId, nowIso } from '../../platform/ids.ts';
import { insertMovements } from './ledger.repository.ts';
import { stockCountMachine } from './stock-count.machine.ts';
import { countDetail } from './stock-count.read.ts';
import { moveStatus, selectCountLines, selectCounts } from './stock-count.repository.ts';
import { ensureCounterRows } from './stock.repository.ts';

/**
 * Posts a count in the caller's transaction. The header moves counting → posted first,
 * guarded on its status: of two concurrent posts one changes it and the other gets 409
 * (PostgreSQL: it waits for the row lock, then finds the count posted; SQLite: write
 * transactions are serialized). Then the counted products' counter rows are locked in key
 * order and each variance is booked against on hand NOW, not the snapshot — stock that moved
 * between snapshot and posting is not counted twice: the adjustment is counted − current.
 * A count below what orders have reserved would break 0 ≤ reserved ≤ on hand: the whole
 * post is refused with INSUFFICIENT_STOCK naming each such product, and nothing is written.
 * Uncounted lines are left alone.
 */
export async function postCount(tx: Tx, actor: Actor, id: string): Promise<StockCountDetail> {
  const head = await selectCounts(tx).where('c.id', '=', id).executeTakeFirst();
  if (!head) throw notFound();
  stockCountMachine.next(head.status, 'post');
  const now = nowIso();
  const actorId = actor.via === 'system' ? null : actor.id;
  if (!(await moveStatus(tx, id, stockCountMachine.transitions.post.from, { status: 'posted', postedBy: actorId, postedAt: now, updatedAt: now }))) {
    throw new AppError('INVALID_STATE', { action: 'post', state: 'posted' });
  }
  const all = await selectCountLines(tx, id).execute();
  const counted = all.filter((l) => l.countedQty !== null).sort((a, b) => a.productId.localeCompare(b.productId));
  const warehouseId = head.warehouseId;
  const keys = counted.map((l) => ({ productId: l.productId, warehouseId }));
  await ensureCounterRows(tx, keys, now);
  const current = new Map<string, { onHand: number; reserved: number }>();
  for (let i = 0; i < keys.length; i += 500) {
    const ids = counted.slice(i, i + 500).map((l) => l.productId);
    const qb = tx.selectFrom('stock').select(['productId', 'onHand', 'reserved']).where('warehouseId', '=', warehouseId).where('productId', 'in', ids).orderBy('productId');
    for (const r of await forUpdate(dialectOf(tx), qb).execute()) current.set(r.productId, { onHand: Number(r.onHand), reserved: Number(r.reserved) });
  }

  const below = counted.flatMap((l) => {
    const c = current.get(l.productId)!;
    return Number(l.countedQty) < c.reserved
      ? [fieldError(`lines.${all.indexOf(l)}.countedQty`, 'below_reserved', { lineId: l.id, productId: l.productId, sku: l.sku, counted: fromMilli(Number(l.countedQty)), reserved: fromMilli(c.reserved), onHand: fromMilli(c.onHand) })]
      : [];
  });
  if (below.length) throw new AppError('INSUFFICIENT_STOCK', below);

  const movements = [];
  const events = [];
  for (const l of counted) {
    const c = current.get(l.productId)!;
    const countedQty = Number(l.countedQty);
    const variance = countedQty - c.onHand;
    let movementId: string | null = null;
    if (variance !== 0) {
      // Guarded on the on hand just read under lock: a writer that slipped past the lock would make this 0 rows, not a wrong level.
      const r = await tx
        .updateTable('stock')
        .set({ onHand: countedQty, updatedAt: now })
        .where('productId', '=', l.productId)
        .where('warehouseId', '=', warehouseId)
        .where('onHand', '=', c.onHand)
        .where('reserved', '<=', countedQty)
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) throw new AppError('CONFLICT');
      movementId = newId();
      movements.push({ id: movementId, type: 'adjustment' as const, productId: l.productId, warehouseId, qty: variance, reason: STOCK_COUNT_REASON, refType: 'stock_count', refId: id, actorId, at: now });
      events.push({
        entityType: 'product',
        entityId: l.productId,
        type: 'stock.adjustment',
        actor,
        data: { movementId, warehouseId, warehouseCode: head.warehouseCode, qty: fromMilli(variance), reason: STOCK_COUNT_REASON, refType: 'stock_count', refId: id, countNumber: head.number, onHand: fromMilli(countedQty), reserved: fromMilli(c.reserved) },
      });
    }
    await tx.updateTable('stockCountLine').set({ postedOnHand: c.onHand, postedVariance: variance, movementId }).where('id', '=', l.id).execute();
  }
  for (let i = 0; i < movements.length; i += 500) await insertMovements(tx, movements.slice(i, i + 500));
  if (events.length) await appendEvents(tx, events);
  await appendEvent(tx, {
    entityType: 'stock_count',
    entityId: id,
    type: 'stock_count.posted',
    actor,
    data: { number: head.number, warehouseId, counted: counted.length, adjusted: movements.length, movedSinceSnapshot: counted.filter((l) => Number(l.snapshotQty) !== current.get(l.productId)!.onHand).length },
  });
  return countDetail(tx, id);
}
