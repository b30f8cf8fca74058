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
 * shortage, in the confirmation's own transaction; a cancelled order's open work orders are
 * cancelled and their materials released.
 */
export function registerWorkOrderDemand(timeZone: string): void {
  subscribe('production.demand', async (tx: Tx, e: StoredEvent) => {
    if (e.entityType !== 'order') return;
    if (e.type === 'order.confirmed') return onConfirmed(tx, e, timeZone);
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
