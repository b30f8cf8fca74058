import type { WorkOrderProgress } from '../../../contracts/production.ts';
import { fromMilli, toMilli } from '../../../contracts/quantity.ts';
import type { Tx } from '../../platform/db/database.ts';
import { appendEvent } from '../../platform/events.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { AppError, fieldError, notFound } from '../../platform/http/errors.ts';
import { newId, nowIso } from '../../platform/ids.ts';
import { defaultWarehouseId, issueHeld, receiveProduced, reserveForOrder } from '../inventory/index.ts';
import { orderProduction } from '../orders/index.ts';
import { requestReschedule } from './schedule.service.ts';
import { remainingOf } from './work-order.mapper.ts';
import { workOrderMachine } from './work-order.machine.ts';
import { operations, progressLog, workOrders, type WorkOrderRow } from './work-orders.repository.ts';

/**
 * One progress report on one operation. The work order row is claimed first with a guarded
 * update (released/in progress only), so concurrent reports on the same work order queue
 * and each sees the quantities the one before it left. An operation may report at most what
 * reached it (the work order qty for the first, the previous operation's good qty after
 * that) — more is 422 with the remaining quantity. Good quantity off the last operation is
 * received into stock at once and reserved for the order line's shortage; when every
 * operation has reported everything that reached it, the work order is done and the
 * materials it held are issued to it.
 */
export async function reportProgress(tx: Tx, actor: Actor, id: string, input: WorkOrderProgress) {
  const before = await workOrders.byId(tx, id);
  if (!before) throw notFound();
  workOrderMachine.next(before.status, 'report');
  const now = nowIso();
  const wo = await workOrders.transition(tx, id, ['released', 'in_progress'], { status: 'in_progress', updatedAt: now });
  if (!wo) throw new AppError('INVALID_STATE', { action: 'report' });
  const ops = await operations.of(tx, [id]);
  const index = ops.findIndex((o) => o.id === input.operationId);
  if (index < 0) throw new AppError('VALIDATION_FAILED', [fieldError('operationId', 'not_found')]);
  const qty = Number(wo.qty);
  const good = toMilli(input.goodQty);
  const scrap = toMilli(input.scrapQty);
  const remaining = remainingOf(ops, index, qty);
  if (good + scrap > remaining) throw new AppError('PROGRESS_EXCEEDS_REMAINING', { operationId: input.operationId, remaining: fromMilli(remaining), requested: fromMilli(good + scrap) });

  const op = ops[index];
  op.goodQty = Number(op.goodQty) + good;
  op.scrapQty = Number(op.scrapQty) + scrap;
  // An operation is done once the one before it is done and it reported all that reached it;
  // a final scrap-only report upstream can finish the operations after it too.
  for (let j = index; j < ops.length; j++) {
    const reported = Number(ops[j].goodQty) + Number(ops[j].scrapQty) > 0;
    const state = (j === 0 || ops[j - 1].state === 'done') && remainingOf(ops, j, qty) === 0 ? 'done' : reported ? 'in_progress' : 'pending';
    if (state !== ops[j].state || j === index) await operations.report(tx, ops[j].id, { goodQty: Number(ops[j].goodQty), scrapQty: Number(ops[j].scrapQty), state });
    ops[j].state = state;
  }
  await progressLog.insert(tx, { id: newId(), workOrderId: id, operationId: op.id, goodQty: good, scrapQty: scrap, operatorId: actor.via === 'system' ? null : actor.id, note: input.note ?? null, at: now });
  await appendEvent(tx, { entityType: 'work_order', entityId: id, type: 'work_order.progress', actor, stage: 'production', data: { operationId: op.id, seq: op.seq, goodQty: input.goodQty, scrapQty: input.scrapQty } });

  if (index === ops.length - 1 && good > 0) await receive(tx, actor, before, good);
  if (ops.every((o) => o.state === 'done')) await complete(tx, actor, before);
  await requestReschedule(tx, 'progress');
}

/** Finished goods into stock, then reserved for the order line as far as it is short. */
async function receive(tx: Tx, actor: Actor, wo: WorkOrderRow, qty: number) {
  const warehouseId = wo.warehouseId ?? (await defaultWarehouseId(tx));
  if (!warehouseId) throw new AppError('NO_WAREHOUSE');
  await receiveProduced(tx, { productId: wo.productId, warehouseId, qty, workOrderId: wo.id, workOrderNumber: wo.number, actor });
  await tx.updateTable('workOrder').set((eb) => ({ receivedQty: eb('receivedQty', '+', qty) })).where('id', '=', wo.id).execute();
  if (!wo.orderId || !wo.orderLineId) return;
  const line = (await orderProduction.shortLines(tx, wo.orderId)).find((l) => l.id === wo.orderLineId);
  const want = Math.min(qty, Number(line?.shortQty ?? 0));
  if (want <= 0) return;
  const [r] = await reserveForOrder(tx, { orderId: wo.orderId, actor, lines: [{ orderLineId: wo.orderLineId, productId: wo.productId, warehouseId, qty: want }] });
  if (r.reserved > 0) await orderProduction.addReserved(tx, wo.orderLineId, r.reserved);
}

async function complete(tx: Tx, actor: Actor, wo: WorkOrderRow) {
  const now = nowIso();
  const done = await workOrders.transition(tx, wo.id, ['in_progress'], { status: workOrderMachine.next('in_progress', 'complete'), openLineKey: null, completedAt: now, updatedAt: now, atRisk: 0 });
  if (!done) throw new AppError('INVALID_STATE', { action: 'complete' });
  const issued = await issueHeld(tx, { holderId: wo.id, refNumber: wo.number, actor });
  await appendEvent(tx, { entityType: 'work_order', entityId: wo.id, type: 'work_order.done', actor, stage: 'production', data: { number: wo.number, receivedQty: fromMilli(Number(done.receivedQty)), issued: issued.map((i) => ({ productId: i.productId, qty: fromMilli(i.qty) })) } });
  if (wo.orderId && wo.orderLineId) {
    const line = (await orderProduction.shortLines(tx, wo.orderId)).find((l) => l.id === wo.orderLineId);
    await orderProduction.setLinePlans(tx, [{ orderLineId: wo.orderLineId, plannedCompletion: now, atRisk: false }]);
    await appendEvent(tx, { entityType: 'order', entityId: wo.orderId, type: 'production.work_order_done', actor, stage: 'production', data: { workOrderId: wo.id, number: wo.number, receivedQty: fromMilli(Number(done.receivedQty)), stillShort: fromMilli(Number(line?.shortQty ?? 0)) } });
  }
}
