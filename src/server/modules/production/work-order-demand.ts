import type { Tx } from '../../platform/db/database.ts';
import { subscribe, type StoredEvent } from '../../platform/events.ts';
import { systemActor } from '../../platform/http/actor.ts';
import { productsRepository } from '../catalog/index.ts';
import { orderProduction } from '../orders/index.ts';
import { requestReschedule } from './schedule.service.ts';
import { createWorkOrder } from './work-order-create.ts';
import { cancelWorkOrder } from './work-orders.service.ts';
import { workOrders } from './work-orders.repository.ts';

/**
 * Production learns of orders from their events (orders never call production): a confirmed
 * order's make-to-order lines that came back short get one work order each for the
 * shortage, in the confirmation's own transaction; a revised order's work orders follow its
 * lines; a cancelled order's open work orders are cancelled and their materials released.
 */
export function registerWorkOrderDemand(timeZone: string): void {
  subscribe('production.demand', async (tx: Tx, e: StoredEvent) => {
    if (e.entityType !== 'order') return;
    if (e.type === 'order.confirmed') return onConfirmed(tx, e, timeZone);
    if (e.type === 'order.revised') return onRevised(tx, e, timeZone);
    if (e.type === 'order.cancelled') {
      const open = await workOrders.openOfOrder(tx, e.entityId);
      for (const wo of open) await cancelWorkOrder(tx, systemActor, wo, 'order cancelled');
      if (open.length) await requestReschedule(tx, 'order cancelled');
    }
  });
}

async function onConfirmed(tx: Tx, e: StoredEvent, timeZone: string) {
  const short = await orderProduction.shortLines(tx, e.entityId);
  if (short.length === 0) return;
  const madeHere = new Set((await productsRepository.byIds(tx, [...new Set(short.map((l) => l.productId))])).filter((p) => p.makeOrBuy === 'make').map((p) => p.id));
  const lines = short.filter((l) => madeHere.has(l.productId));
  if (lines.length === 0) return;
  const [order] = await orderProduction.facts(tx, [e.entityId]);
  const actor = e.actorId ? { ...systemActor, id: e.actorId, via: 'session' as const } : systemActor;
  let created = 0;
  for (const l of lines) {
    const wo = await createWorkOrder(tx, actor, timeZone, {
      productId: l.productId,
      qty: Number(l.shortQty),
      priority: order.priority,
      dueDate: order.promisedDate,
      warehouseId: l.warehouseId,
      orderId: e.entityId,
      orderLineId: l.id,
    });
    if (wo) created += 1;
  }
  if (created) await requestReschedule(tx, 'order confirmed');
}

/**
 * After a revision (lines may have been replaced, with new ids): each open work order follows
 * the line of its product that is still short — re-pointed to it, and, while only planned,
 * resized to the new shortage; a planned or released one whose product no longer needs
 * making is cancelled (its materials go back); short make lines without one get one.
 * Work already in progress is left as it is.
 */
async function onRevised(tx: Tx, e: StoredEvent, timeZone: string) {
  const open = await workOrders.openOfOrder(tx, e.entityId);
  const short = await orderProduction.shortLines(tx, e.entityId);
  const makeIds = new Set((await productsRepository.byIds(tx, [...new Set(short.map((l) => l.productId))])).filter((p) => p.makeOrBuy === 'make').map((p) => p.id));
  const lines = short.filter((l) => makeIds.has(l.productId));
  const taken = new Set<string>();
  const actor = e.actorId ? { ...systemActor, id: e.actorId, via: 'session' as const } : systemActor;
  let changed = false;
  // Work orders keep their own line when it is still there, else take a short line of the same product.
  const sorted = [...open].sort((a, b) => Number(lines.some((l) => l.id === b.orderLineId)) - Number(lines.some((l) => l.id === a.orderLineId)));
  for (const wo of sorted) {
    const line = lines.find((l) => l.id === wo.orderLineId && !taken.has(l.id)) ?? lines.find((l) => l.productId === wo.productId && !taken.has(l.id));
    if (!line) {
      if (wo.status !== 'in_progress') {
        await cancelWorkOrder(tx, actor, wo, 'order revised: no longer short');
        changed = true;
      }
      continue;
    }
    taken.add(line.id);
    const qty = wo.status === 'planned' ? Number(line.shortQty) : Number(wo.qty);
    if (wo.orderLineId !== line.id || Number(wo.qty) !== qty) {
      await tx.updateTable('workOrder').set({ orderLineId: line.id, openLineKey: line.id, qty, updatedAt: new Date().toISOString() }).where('id', '=', wo.id).execute();
      changed = true;
    }
  }
  const [order] = await orderProduction.facts(tx, [e.entityId]);
  for (const l of lines.filter((x) => !taken.has(x.id))) {
    if (await createWorkOrder(tx, actor, timeZone, { productId: l.productId, qty: Number(l.shortQty), priority: order.priority, dueDate: order.promisedDate, warehouseId: l.warehouseId, orderId: e.entityId, orderLineId: l.id })) changed = true;
  }
  if (changed) await requestReschedule(tx, 'order revised');
}
