/**
 * Finite-capacity forward scheduling, pure and deterministic: work orders in priority order
 * (urgent > high > normal > low), then due date (none last), then creation, then number;
 * each one's operations in sequence, each on its work center's calendar after the previous
 * operation and after whatever that center already took. No gap filling: a later, less
 * urgent work order never jumps ahead into a gap, so the sequence is exactly the priority.
 */
import { placeWork, type CenterCalendar } from './capacity.ts';

export const priorityRank = { urgent: 0, high: 1, normal: 2, low: 3 } as const;
export type Priority = keyof typeof priorityRank;

export interface PlanOperation {
  id: string;
  workCenterId: string;
  /** Working minutes still needed (0 for an operation that is done). */
  minutes: number;
  done: boolean;
}

export interface PlanWorkOrder {
  id: string;
  number: string;
  priority: Priority;
  /** Local date the goods are due (promised date), or null. */
  dueDate: string | null;
  createdAt: string;
  operations: PlanOperation[];
}

export interface PlannedWorkOrder {
  id: string;
  /** Null when some operation could not be placed (or there are none): flagged, not planned. */
  start: number | null;
  finish: number | null;
  operations: { id: string; start: number | null; finish: number | null }[];
  /** The center that held it up most (longest wait), or the one it could not be placed on. */
  bottleneckWorkCenterId: string | null;
}

export function compareForSchedule(a: PlanWorkOrder, b: PlanWorkOrder): number {
  return (
    priorityRank[a.priority] - priorityRank[b.priority] ||
    (a.dueDate ?? '9999-12-31').localeCompare(b.dueDate ?? '9999-12-31') ||
    a.createdAt.localeCompare(b.createdAt) ||
    a.number.localeCompare(b.number)
  );
}

export function schedule(workOrders: PlanWorkOrder[], centers: Map<string, CenterCalendar>, from: number): PlannedWorkOrder[] {
  const free = new Map<string, number>();
  const out: PlannedWorkOrder[] = [];
  for (const wo of [...workOrders].sort(compareForSchedule)) {
    let ready = from;
    let start: number | null = null;
    let failed: string | null = null;
    let worst: { center: string; wait: number } | null = null;
    const ops: PlannedWorkOrder['operations'] = [];
    for (const op of wo.operations) {
      if (op.done) {
        ops.push({ id: op.id, start: null, finish: null });
        continue;
      }
      const cal = centers.get(op.workCenterId);
      const earliest = Math.max(ready, free.get(op.workCenterId) ?? from);
      const placed = failed || !cal ? null : placeWork(cal, earliest, op.minutes);
      if (!placed) {
        failed ??= op.workCenterId;
        ops.push({ id: op.id, start: null, finish: null });
        continue;
      }
      const wait = placed.start - ready;
      if (!worst || wait > worst.wait) worst = { center: op.workCenterId, wait };
      free.set(op.workCenterId, placed.finish);
      ready = placed.finish;
      start ??= placed.start;
      ops.push({ id: op.id, start: placed.start, finish: placed.finish });
    }
    const none = wo.operations.every((o) => o.done) && wo.operations.length > 0;
    if (failed || wo.operations.length === 0) out.push({ id: wo.id, start: null, finish: null, operations: ops, bottleneckWorkCenterId: failed });
    else out.push({ id: wo.id, start: none ? from : start, finish: none ? from : ready, operations: ops, bottleneckWorkCenterId: worst?.center ?? null });
  }
  return out;
}
