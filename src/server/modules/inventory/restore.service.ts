import { fromMilli } from '../../../contracts/quantity.ts';
import type { Tx } from '../../platform/db/database.ts';
import { appendEvent } from '../../platform/events.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { newId, nowIso } from '../../platform/ids.ts';
import type { ConsumeLine } from './consume.service.ts';
import { insertMovements, insertReservations } from './ledger.repository.ts';
import { ensureCounterRows, lockAvailable } from './stock.repository.ts';

/**
 * The reverse of `consumeForShipment`, for a dispatched shipment that is cancelled: the goods
 * are back. Nothing is edited — the ledgers are append-only — so per line a compensating
 * `receipt` movement and a fresh active reservation for the order line are written, and the
 * counters rise on hand and reserved together. Σ movements = on hand and Σ active
 * reservations = reserved still hold, and reserved ≤ on hand cannot break (both grow by the
 * same amount).
 */
export async function restoreForShipment(tx: Tx, input: { orderId: string; shipmentId: string; actor: Actor; reason: string; lines: ConsumeLine[] }): Promise<void> {
  if (input.lines.length === 0) return;
  const now = nowIso();
  const lines = [...input.lines].sort((a, b) => (a.productId + a.warehouseId).localeCompare(b.productId + b.warehouseId));
  const keys = lines.map((l) => ({ productId: l.productId, warehouseId: l.warehouseId }));
  await ensureCounterRows(tx, keys, now);
  await lockAvailable(tx, keys);
  for (const l of lines) {
    await tx
      .updateTable('stock')
      .set((eb) => ({ onHand: eb('onHand', '+', l.qty), reserved: eb('reserved', '+', l.qty), updatedAt: now }))
      .where('productId', '=', l.productId)
      .where('warehouseId', '=', l.warehouseId)
      .execute();
  }
  await insertReservations(
    tx,
    lines.map((l) => ({ id: newId(), orderId: input.orderId, orderLineId: l.orderLineId, productId: l.productId, warehouseId: l.warehouseId, qty: l.qty, state: 'active' as const, createdAt: now, closedAt: null })),
  );
  await insertMovements(
    tx,
    lines.map((l) => ({ id: newId(), type: 'receipt' as const, productId: l.productId, warehouseId: l.warehouseId, qty: l.qty, reason: input.reason, refType: 'shipment', refId: input.shipmentId, actorId: input.actor.id, at: now })),
  );
  await appendEvent(tx, {
    entityType: 'order',
    entityId: input.orderId,
    type: 'stock.returned',
    actor: input.actor,
    stage: 'shipping',
    data: { shipmentId: input.shipmentId, reason: input.reason, lines: lines.map((l) => ({ orderLineId: l.orderLineId, qty: fromMilli(l.qty) })) },
  });
}
