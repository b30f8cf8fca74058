/**
 * Stock movements of production, inside the production module's transaction: finished
 * goods received from a work order, and the components a work order holds (reserved under
 * the work order's id at release) issued to it when it is done. Same ledgers, same
 * invariants as every other movement: Σ movements = on hand, Σ active reservations = reserved.
 */
import { sql } from 'kysely';
import { fromMilli } from '../../../contracts/quantity.ts';
import type { Tx } from '../../platform/db/database.ts';
import { appendEvents } from '../../platform/events.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { AppError } from '../../platform/http/errors.ts';
import { newId, nowIso } from '../../platform/ids.ts';
import { insertMovements } from './ledger.repository.ts';
import { addOnHand, lockAvailable, stockKey, type KeyedQty } from './stock.repository.ts';

const actorIdOf = (actor: Actor) => (actor.via === 'system' ? null : actor.id);

/** A receipt of finished goods from a work order (thousandths). */
export async function receiveProduced(tx: Tx, input: { productId: string; warehouseId: string; qty: number; workOrderId: string; workOrderNumber: string; actor: Actor }) {
  if (!Number.isSafeInteger(input.qty) || input.qty <= 0) return;
  const now = nowIso();
  const counters = await addOnHand(tx, { productId: input.productId, warehouseId: input.warehouseId }, input.qty, now);
  const id = newId();
  await insertMovements(tx, [{ id, type: 'receipt', productId: input.productId, warehouseId: input.warehouseId, qty: input.qty, reason: `work order ${input.workOrderNumber}`, refType: 'work_order', refId: input.workOrderId, actorId: actorIdOf(input.actor), at: now }]);
  await appendEvents(tx, [
    {
      entityType: 'product',
      entityId: input.productId,
      type: 'stock.receipt',
      actor: input.actor,
      data: { movementId: id, warehouseId: input.warehouseId, qty: fromMilli(input.qty), reason: `work order ${input.workOrderNumber}`, refType: 'work_order', refId: input.workOrderId, onHand: counters.onHand, reserved: counters.reserved },
    },
  ]);
}

/**
 * Issues everything still reserved under `holderId` (a work order's components): the
 * reservations become consumed, on hand and reserved drop together, one issue movement per
 * product × warehouse. Returns what was issued.
 */
export async function issueHeld(tx: Tx, input: { holderId: string; refNumber: string; actor: Actor }): Promise<KeyedQty[]> {
  const active = await tx.selectFrom('reservation').select(['id', 'productId', 'warehouseId', 'qty']).where('orderLineId', '=', input.holderId).where('state', '=', 'active').orderBy('id').execute();
  if (active.length === 0) return [];
  const perKey = new Map<string, KeyedQty>();
  for (const r of active) {
    const k = stockKey(r);
    perKey.set(k, { productId: r.productId, warehouseId: r.warehouseId, qty: (perKey.get(k)?.qty ?? 0) + Number(r.qty) });
  }
  const keys = [...perKey.values()].sort((a, b) => stockKey(a).localeCompare(stockKey(b)));
  await lockAvailable(tx, keys);
  const now = nowIso();
  const consumed = await tx.updateTable('reservation').set({ state: 'consumed', closedAt: now }).where('orderLineId', '=', input.holderId).where('state', '=', 'active').returning('id').execute();
  if (consumed.length !== active.length) throw new AppError('CONFLICT');
  for (const k of keys) {
    const r = await tx
      .updateTable('stock')
      .set((eb) => ({ onHand: eb('onHand', '-', k.qty), reserved: eb('reserved', '-', k.qty), updatedAt: now }))
      .where('productId', '=', k.productId)
      .where('warehouseId', '=', k.warehouseId)
      .where(sql<boolean>`reserved >= ${k.qty}`)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw new AppError('CONFLICT');
  }
  const reason = `work order ${input.refNumber}`;
  await insertMovements(
    tx,
    keys.map((k) => ({ id: newId(), type: 'issue' as const, productId: k.productId, warehouseId: k.warehouseId, qty: -k.qty, reason, refType: 'work_order', refId: input.holderId, actorId: actorIdOf(input.actor), at: now })),
  );
  await appendEvents(
    tx,
    keys.map((k) => ({ entityType: 'product', entityId: k.productId, type: 'stock.issue', actor: input.actor, data: { warehouseId: k.warehouseId, qty: -fromMilli(k.qty), reason, refType: 'work_order', refId: input.holderId } })),
  );
  return keys;
}
