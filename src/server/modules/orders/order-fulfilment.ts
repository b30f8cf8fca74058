import type { Tx } from '../../platform/db/database.ts';
import { json } from '../../platform/db/dialect.ts';
import { appendEvent } from '../../platform/events.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { AppError, notFound } from '../../platform/http/errors.ts';
import { nowIso } from '../../platform/ids.ts';
import { orderMachine } from './order.machine.ts';
import { orderLines, orders, selectOrders } from './orders.repository.ts';

/**
 * What shipping needs from an order, and how shipments move it on: the order decides its
 * own status from the shipped quantities (shipping never writes the order's status).
 */
export const fulfilment = {
  /** The order with its lines as shipping sees them; 404 outside the actor's data scope. */
  async forShipping(tx: Tx, actor: Actor, orderId: string) {
    const o = await selectOrders(tx, actor).where('salesOrder.id', '=', orderId).executeTakeFirst();
    if (!o) throw notFound();
    const lines = await tx.selectFrom('orderLine').innerJoin('product', 'product.id', 'orderLine.productId').select(['orderLine.id', 'orderLine.productId', 'orderLine.qty', 'orderLine.reservedQty', 'orderLine.shippedQty', 'orderLine.warehouseId', 'product.sku']).where('orderId', '=', orderId).execute();
    return { ...o, shipTo: json.read<Record<string, string> | null>(o.shipTo, null), lines: lines.map((l) => ({ ...l, qty: Number(l.qty), reservedQty: Number(l.reservedQty), shippedQty: Number(l.shippedQty) })) };
  },

  /** Adds dispatched quantities; the order becomes partially shipped or shipped. */
  async recordShipment(tx: Tx, actor: Actor, orderId: string, shipmentId: string, lines: { orderLineId: string; qty: number }[]) {
    for (const l of lines) {
      await tx.updateTable('orderLine').set((eb) => ({ shippedQty: eb('shippedQty', '+', l.qty), reservedQty: eb('reservedQty', '-', l.qty) })).where('id', '=', l.orderLineId).execute();
    }
    const o = await tx.selectFrom('salesOrder').select(['status', 'version', 'number']).where('id', '=', orderId).executeTakeFirstOrThrow();
    const all = await orderLines.of(tx, [orderId]);
    const complete = all.every((l) => Number(l.shippedQty) >= Number(l.qty));
    const status = orderMachine.next(o.status, complete ? 'ship' : 'shipPartial');
    if (!(await orders.transition(tx, orderId, o.status, { status, version: o.version + 1, updatedAt: nowIso() }))) throw new AppError('CONFLICT');
    await appendEvent(tx, { entityType: 'order', entityId: orderId, type: complete ? 'order.shipped' : 'order.partially_shipped', actor, stage: 'shipping', data: { shipmentId, number: o.number } });
  },

  /**
   * A dispatched shipment was cancelled: its quantities are open (and reserved) again and the
   * order steps back to partially shipped, or confirmed when nothing shipped remains. An order
   * on hold keeps its status; only the quantities change.
   */
  async reverseShipment(tx: Tx, actor: Actor, orderId: string, shipmentId: string, lines: { orderLineId: string; qty: number }[]) {
    for (const l of lines) {
      await tx.updateTable('orderLine').set((eb) => ({ shippedQty: eb('shippedQty', '-', l.qty), reservedQty: eb('reservedQty', '+', l.qty) })).where('id', '=', l.orderLineId).execute();
    }
    const o = await tx.selectFrom('salesOrder').select(['status', 'version', 'number']).where('id', '=', orderId).executeTakeFirstOrThrow();
    if (!orderMachine.can(o.status, 'unshipAll')) return o.status;
    const all = await orderLines.of(tx, [orderId]);
    const anyShipped = all.some((l) => Number(l.shippedQty) > 0);
    const status = orderMachine.next(o.status, anyShipped ? 'unshipPartial' : 'unshipAll');
    if (!(await orders.transition(tx, orderId, o.status, { status, version: o.version + 1, updatedAt: nowIso() }))) throw new AppError('CONFLICT');
    await appendEvent(tx, { entityType: 'order', entityId: orderId, type: 'order.shipment_reversed', actor, stage: 'shipping', data: { shipmentId, number: o.number, from: o.status, to: status } });
    return status;
  },

  /** When every shipment of a fully shipped order is delivered, the order is delivered. */
  async recordDelivery(tx: Tx, actor: Actor | null, orderId: string) {
    const o = await tx.selectFrom('salesOrder').select(['status', 'version']).where('id', '=', orderId).executeTakeFirstOrThrow();
    if (o.status !== 'shipped') return;
    const open = await tx.selectFrom('shipment').select('id').where('orderId', '=', orderId).where('status', 'not in', ['delivered', 'cancelled']).executeTakeFirst();
    if (open) return;
    await orders.transition(tx, orderId, 'shipped', { status: orderMachine.next('shipped', 'deliver'), version: o.version + 1, updatedAt: nowIso() });
    await appendEvent(tx, { entityType: 'order', entityId: orderId, type: 'order.delivered', actor: actor ?? null, stage: 'delivery', data: {} });
  },
};
