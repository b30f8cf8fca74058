import type { WorkOrder, WorkOrderDetail } from '../../../contracts/production.ts';
import { fromMilli } from '../../../contracts/quantity.ts';
import type { OperationRow, WorkOrderRow } from './work-orders.repository.ts';

/** What an operation may still report: the work order qty for the first, the previous operation's good qty after that. */
export function remainingOf(ops: Pick<OperationRow, 'goodQty' | 'scrapQty'>[], index: number, qty: number): number {
  const input = index === 0 ? qty : Number(ops[index - 1].goodQty);
  return Math.max(0, input - Number(ops[index].goodQty) - Number(ops[index].scrapQty));
}

/** Share of the work reported: each operation's (good + scrap) over the order qty, averaged; 100 once done. */
export function progressPct(status: string, qty: number, ops: Pick<OperationRow, 'goodQty' | 'scrapQty'>[]): number {
  if (status === 'done') return 100;
  if (ops.length === 0 || qty <= 0) return 0;
  const sum = ops.reduce((s, o) => s + Math.min(1, (Number(o.goodQty) + Number(o.scrapQty)) / qty), 0);
  return Math.round((sum / ops.length) * 1000) / 10;
}

export function toWorkOrder(r: WorkOrderRow, ops: OperationRow[]): WorkOrder {
  return {
    id: r.id,
    number: r.number,
    orderId: r.orderId,
    orderNumber: r.orderNumber ?? null,
    orderLineId: r.orderLineId,
    productId: r.productId,
    sku: r.sku,
    productName: r.productName,
    qty: fromMilli(Number(r.qty)),
    receivedQty: fromMilli(Number(r.receivedQty)),
    status: r.status,
    priority: r.priority,
    dueDate: r.dueDate,
    plannedStart: r.plannedStart,
    plannedFinish: r.plannedFinish,
    atRisk: r.atRisk === 1,
    bottleneckWorkCenterId: r.bottleneckWorkCenterId,
    progressPct: progressPct(r.status, Number(r.qty), ops),
    version: r.version,
    createdAt: r.createdAt,
    releasedAt: r.releasedAt,
    completedAt: r.completedAt,
  };
}

export function toWorkOrderDetail(r: WorkOrderRow, ops: OperationRow[], progress: { id: string; operationId: string; goodQty: number; scrapQty: number; operatorId: string | null; note: string | null; at: string }[]): WorkOrderDetail {
  return {
    ...toWorkOrder(r, ops),
    operations: ops.map((o, i) => ({
      id: o.id,
      seq: o.seq,
      name: o.name,
      workCenterId: o.workCenterId,
      workCenterCode: o.workCenterCode,
      setupMinutes: o.setupMinutes,
      runMinutesPerUnit: fromMilli(Number(o.runMilliMinutes)),
      goodQty: fromMilli(Number(o.goodQty)),
      scrapQty: fromMilli(Number(o.scrapQty)),
      remainingQty: fromMilli(remainingOf(ops, i, Number(r.qty))),
      state: o.state,
      plannedStart: o.plannedStart,
      plannedFinish: o.plannedFinish,
    })),
    progress: progress.map((p) => ({ id: p.id, operationId: p.operationId, goodQty: fromMilli(Number(p.goodQty)), scrapQty: fromMilli(Number(p.scrapQty)), operatorId: p.operatorId, note: p.note, at: p.at })),
  };
}
