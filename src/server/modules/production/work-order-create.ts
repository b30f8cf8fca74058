import type { Tx } from '../../platform/db/database.ts';
import { localDate } from '../../platform/dates.ts';
import { appendEvent } from '../../platform/events.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { newId, nowIso } from '../../platform/ids.ts';
import { nextSequence, numberPattern } from '../../platform/numbering.ts';
import type { WorkOrderTable } from '../../db/schema.ts';
import { routings } from './work-centers.repository.ts';
import { operations, workOrders } from './work-orders.repository.ts';

export const WORK_ORDER_PATTERN = 'WO-{yyyyMMdd}-{seq:4}';

export interface NewWorkOrder {
  productId: string;
  qty: number;
  priority: WorkOrderTable['priority'];
  dueDate: string | null;
  warehouseId: string | null;
  orderId?: string | null;
  orderLineId?: string | null;
}

/** The product's current routing as the work order's own operations. */
export async function copyRouting(tx: Tx, workOrderId: string, productId: string) {
  const ops = await routings.of(tx, [productId]);
  await operations.insert(
    tx,
    ops.map((o) => ({ id: newId(), workOrderId, seq: o.seq, name: o.name, workCenterId: o.workCenterId, setupMinutes: o.setupMinutes, runMilliMinutes: Number(o.runMilliMinutes), goodQty: 0, scrapQty: 0, state: 'pending' as const, plannedStart: null, plannedFinish: null })),
  );
  return ops.length;
}

/**
 * A planned work order with its number (WO-yyyyMMdd-nnnn, per China day, gap-free in the
 * caller's transaction) and the routing copied. For an order line it is made only if the
 * line has no open work order yet (null then) — confirming twice never makes two.
 */
export async function createWorkOrder(tx: Tx, actor: Actor, timeZone: string, input: NewWorkOrder): Promise<WorkOrderTable | null> {
  const now = nowIso();
  const row: WorkOrderTable = {
    id: newId(),
    number: '',
    orderId: input.orderId ?? null,
    orderLineId: input.orderLineId ?? null,
    productId: input.productId,
    warehouseId: input.warehouseId,
    qty: input.qty,
    receivedQty: 0,
    status: 'planned',
    priority: input.priority,
    dueDate: input.dueDate,
    plannedStart: null,
    plannedFinish: null,
    atRisk: 0,
    bottleneckWorkCenterId: null,
    openLineKey: input.orderLineId ?? null,
    version: 1,
    createdBy: actor.via === 'system' ? null : actor.id,
    createdAt: now,
    updatedAt: now,
    releasedAt: null,
    completedAt: null,
  };
  if (row.openLineKey) {
    const busy = await tx.selectFrom('workOrder').select('id').where('openLineKey', '=', row.openLineKey).executeTakeFirst();
    if (busy) return null;
  }
  const { key, format } = numberPattern(WORK_ORDER_PATTERN, 'day', localDate(new Date(), timeZone), 'work_order');
  row.number = format(await nextSequence(tx, key));
  if (!row.openLineKey) await workOrders.insert(tx, row);
  else if (!(await workOrders.insertForLine(tx, row))) return null;
  await copyRouting(tx, row.id, row.productId);
  const data = { number: row.number, productId: row.productId, qty: row.qty / 1000, orderId: row.orderId, orderLineId: row.orderLineId };
  await appendEvent(tx, { entityType: 'work_order', entityId: row.id, type: 'work_order.created', actor, stage: 'production', data });
  if (row.orderId) await appendEvent(tx, { entityType: 'order', entityId: row.orderId, type: 'production.work_order_created', actor, stage: 'production', data: { workOrderId: row.id, ...data } });
  return row;
}
