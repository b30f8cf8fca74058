import { sql } from 'kysely';
import { fromMilli } from '../../../contracts/quantity.ts';
import type { Tx } from '../../platform/db/database.ts';
import { appendEvent } from '../../platform/events.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { AppError } from '../../platform/http/errors.ts';
import { newId, nowIso } from '../../platform/ids.ts';
import { insertMovements } from './ledger.repository.ts';
import { lockAvailable } from './stock.repository.ts';

export interface ConsumeLine {
  orderLineId: string;
  productId: string;
  warehouseId: string;
  /** Thousandths. */
  qty: number;
}

/**
 * Dispatch: the goods leave against the order line's reservation. Per line the active
 * reservations are consumed oldest first (a partly used one keeps its rest active), the
 * counters drop on hand and reserved together, and an `issue` movement is written — so
 * Σ movements = on hand and Σ active reservations = reserved still hold. Refused (nothing
 * written) when a line ships more than it has reserved.
 */
export async function consumeForShipment(tx: Tx, input: { orderId: string; shipmentId: string; actor: Actor; lines: ConsumeLine[] }): Promise<void> {
  const now = nowIso();
  const lines = [...input.lines].sort((a, b) => (a.productId + a.warehouseId).localeCompare(b.productId + b.warehouseId));
  await lockAvailable(tx, lines);
  for (const l of lines) {
    const active = await tx
      .selectFrom('reservation')
      .select(['id', 'qty'])
      .where('orderLineId', '=', l.orderLineId)
      .where('warehouseId', '=', l.warehouseId)
      .where('state', '=', 'active')
      .orderBy('id')
      .execute();
    const held = active.reduce((s, r) => s + Number(r.qty), 0);
    if (held < l.qty) throw new AppError('QTY_EXCEEDS_RESERVED', { orderLineId: l.orderLineId, reserved: fromMilli(held), requested: fromMilli(l.qty) });
    let left = l.qty;
    for (const r of active) {
      if (left === 0) break;
      const take = Math.min(left, Number(r.qty));
      if (take === Number(r.qty)) {
        await tx.updateTable('reservation').set({ state: 'consumed', closedAt: now }).where('id', '=', r.id).execute();
      } else {
        await tx.updateTable('reservation').set({ qty: Number(r.qty) - take }).where('id', '=', r.id).execute();
        await tx.insertInto('reservation').values({ id: newId(), orderId: input.orderId, orderLineId: l.orderLineId, productId: l.productId, warehouseId: l.warehouseId, qty: take, state: 'consumed', createdAt: now, closedAt: now }).execute();
      }
      left -= take;
    }
    const changed = await tx
      .updateTable('stock')
      .set((eb) => ({ onHand: eb('onHand', '-', l.qty), reserved: eb('reserved', '-', l.qty), updatedAt: now }))
      .where('productId', '=', l.productId)
      .where('warehouseId', '=', l.warehouseId)
      .where(sql<boolean>`reserved >= ${l.qty}`)
      .executeTakeFirst();
    if (Number(changed.numUpdatedRows) !== 1) throw new AppError('QTY_EXCEEDS_RESERVED', { orderLineId: l.orderLineId });
  }
  await insertMovements(
    tx,
    lines.map((l) => ({ id: newId(), type: 'issue' as const, productId: l.productId, warehouseId: l.warehouseId, qty: -l.qty, reason: 'shipment', refType: 'shipment', refId: input.shipmentId, actorId: input.actor.id, at: now })),
  );
  await appendEvent(tx, {
    entityType: 'order',
    entityId: input.orderId,
    type: 'stock.shipped',
    actor: input.actor,
    stage: 'shipping',
    data: { shipmentId: input.shipmentId, lines: lines.map((l) => ({ orderLineId: l.orderLineId, qty: fromMilli(l.qty) })) },
  });
}
