import type { z } from 'zod';
import { fitsDecimals, fromMilli, toMilli } from '../../../contracts/quantity.ts';
import type { reallocateBody } from '../../../contracts/orders.ts';
import type { Db } from '../../platform/db/database.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { appendEvent } from '../../platform/events.ts';
import { scopeCondition, type Actor } from '../../platform/http/actor.ts';
import { AppError, fieldError } from '../../platform/http/errors.ts';
import { moveReservation } from '../inventory/index.ts';
import { notify } from '../notifications/index.ts';

/** Orders whose reservations may be moved: confirmed and not yet fully shipped. */
const open = ['confirmed', 'in_fulfilment', 'partially_shipped', 'on_hold'];

/**
 * Re-allocation (issue 5): a planner gives reserved stock of one order to another order's
 * short line of the same product — e.g. an urgent order jumps the queue. Both lines' reserved
 * and short quantities change, the stock counters do not; both orders' timelines say so and
 * both owners are told. Guarded updates make two planners moving the same stock at once
 * end with one success and one 409.
 */
export async function reallocate(db: Db, actor: Actor, input: z.infer<typeof reallocateBody>) {
  return inTransaction(db, async (tx) => {
    const line = (id: string) =>
      tx
        .selectFrom('orderLine')
        .innerJoin('salesOrder', 'salesOrder.id', 'orderLine.orderId')
        .innerJoin('product', 'product.id', 'orderLine.productId')
        .select(['orderLine.id', 'orderLine.orderId', 'orderLine.productId', 'orderLine.reservedQty', 'orderLine.shortQty', 'salesOrder.number', 'salesOrder.status', 'salesOrder.ownerId', 'product.sku', 'product.unitDecimals'])
        .where('orderLine.id', '=', id)
        .where(scopeCondition(actor, 'salesOrder.ownerId'))
        .executeTakeFirst();
    const from = await line(input.fromOrderLineId);
    const to = await line(input.toOrderLineId);
    const problems = [
      ...(from ? [] : [fieldError('fromOrderLineId', 'not_found')]),
      ...(to ? [] : [fieldError('toOrderLineId', 'not_found')]),
      ...(from && to && from.productId !== to.productId ? [fieldError('toOrderLineId', 'different_product')] : []),
      ...(from && to && from.orderId === to.orderId ? [fieldError('toOrderLineId', 'same_order')] : []),
      ...(from && !fitsDecimals(input.qty, from.unitDecimals) ? [fieldError('qty', 'unit_decimals')] : []),
    ];
    if (problems.length) throw new AppError('VALIDATION_FAILED', problems);
    for (const o of [from!, to!]) if (!open.includes(o.status)) throw new AppError('INVALID_STATE', { action: 'reallocate', state: o.status, orderId: o.orderId });
    const qty = toMilli(input.qty);
    // Quantities are the current state, so asking for more than is there is a conflict (409), as when another planner was first.
    if (Number(from!.reservedQty) < qty || Number(to!.shortQty) < qty) throw new AppError('CONFLICT', { reason: Number(from!.reservedQty) < qty ? 'more_than_reserved' : 'more_than_short', reserved: fromMilli(Number(from!.reservedQty)), short: fromMilli(Number(to!.shortQty)) });

    const { warehouseId } = await moveReservation(tx, { fromOrderLineId: from!.id, toOrderId: to!.orderId, toOrderLineId: to!.id, qty });
    const gave = await tx.updateTable('orderLine').set((eb) => ({ reservedQty: eb('reservedQty', '-', qty), shortQty: eb('shortQty', '+', qty) })).where('id', '=', from!.id).where('reservedQty', '>=', qty).executeTakeFirst();
    const got = await tx.updateTable('orderLine').set((eb) => ({ reservedQty: eb('reservedQty', '+', qty), shortQty: eb('shortQty', '-', qty) })).where('id', '=', to!.id).where('shortQty', '>=', qty).executeTakeFirst();
    if (Number(gave.numUpdatedRows) !== 1 || Number(got.numUpdatedRows) !== 1) throw new AppError('CONFLICT', { reason: 'reserved_changed' });

    const data = { qty: input.qty, sku: from!.sku, reason: input.reason, warehouseId, fromOrderId: from!.orderId, fromNumber: from!.number, toOrderId: to!.orderId, toNumber: to!.number };
    await appendEvent(tx, { entityType: 'order', entityId: from!.orderId, type: 'stock.reallocated_out', actor, stage: 'preparation', data });
    await appendEvent(tx, { entityType: 'order', entityId: to!.orderId, type: 'stock.reallocated_in', actor, stage: 'preparation', data });
    await notify(tx, {
      userIds: [from!.ownerId],
      kind: 'stock.reallocated',
      title: `订单 ${from!.number} 的 ${from!.sku} 预留 ${input.qty} 已调给订单 ${to!.number}`,
      body: `原因：${input.reason}。该行现缺货，等待补货或生产。`,
      link: `/orders/${from!.orderId}`,
    });
    await notify(tx, { userIds: [to!.ownerId], kind: 'stock.reallocated', title: `订单 ${to!.number} 获得 ${from!.sku} 预留 ${input.qty}（来自订单 ${from!.number}）`, body: `原因：${input.reason}`, link: `/orders/${to!.orderId}` });
    return { qty: input.qty, warehouseId, from: { orderId: from!.orderId, number: from!.number }, to: { orderId: to!.orderId, number: to!.number } };
  });
}
