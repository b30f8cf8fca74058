import { sql } from 'kysely';
import type { ScheduleResult } from '../../../contracts/production.ts';
import type { Db, Tx } from '../../platform/db/database.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { enqueue } from '../../platform/outbox/outbox.ts';
import { nowIso } from '../../platform/ids.ts';
import { orderProduction } from '../orders/index.ts';
import { isWorkingDay, slaConfig } from '../sla/index.ts';
import { quietBoard, type AnnounceBoard } from './board-live.ts';
import { DAY, localDateOf, MINUTE, type CenterCalendar } from './capacity.ts';
import { schedule, type PlanWorkOrder } from './scheduler.ts';
import { workCenters } from './work-centers.repository.ts';
import { operations, workOrders } from './work-orders.repository.ts';

/** Days between finishing production and the promised date, for packing and shipping. */
export const SHIPPING_BUFFER_DAYS = 1;

/** The instant production must be done by for goods promised on `date` (China): the start of the promised day, minus the buffer beyond one day. */
export const finishBy = (date: string) => Date.parse(`${date}T00:00:00+08:00`) - (SHIPPING_BUFFER_DAYS - 1) * DAY;

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** Working minutes an operation still needs: setup unless it has started, run time for what it still has to do. */
function minutesLeft(op: { setupMinutes: number; runMilliMinutes: number; goodQty: number; scrapQty: number }, input: number) {
  const reported = Number(op.goodQty) + Number(op.scrapQty);
  const todo = Math.max(0, input - reported);
  return (reported > 0 ? 0 : op.setupMinutes) + Math.ceil((Number(op.runMilliMinutes) * todo) / 1_000_000);
}

/** `update … from (values …)` in chunks: one statement per 500 rows on both dialects. */
async function bulkUpdate(tx: Tx, table: 'work_order' | 'work_order_operation', rows: { id: string; start: string | null; finish: string | null; atRisk?: number; bottleneck?: string | null }[]) {
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500);
    if (table === 'work_order') {
      const values = sql.join(chunk.map((r) => sql`(${r.id}, cast(${r.start} as text), cast(${r.finish} as text), cast(${r.atRisk ?? 0} as integer), cast(${r.bottleneck ?? null} as text))`));
      await sql`update work_order set planned_start = v.column2, planned_finish = v.column3, at_risk = v.column4, bottleneck_work_center_id = v.column5 from (values ${values}) as v where work_order.id = v.column1`.execute(tx);
    } else {
      const values = sql.join(chunk.map((r) => sql`(${r.id}, cast(${r.start} as text), cast(${r.finish} as text))`));
      await sql`update work_order_operation set planned_start = v.column2, planned_finish = v.column3 from (values ${values}) as v where work_order_operation.id = v.column1`.execute(tx);
    }
  }
}

export interface ScheduleOutcome extends ScheduleResult {
  workOrders: { id: string; orderId: string | null; orderLineId: string | null; number: string; plannedFinish: string | null; centers: string[] }[];
  lines: { orderLineId: string; orderId: string; plannedCompletion: string | null; atRisk: boolean }[];
}

/**
 * Plans every open work order (planned, released, in progress) from `from` on: loads them
 * with their operations, the centers' calendars (a down center is blocked from when it went
 * down until its expected repair, or for good when that is unknown) and the orders'
 * priority and promised date, schedules in memory (scheduler.ts), and writes the plan back
 * — per work order, per operation and on each order line — in a few bulk statements.
 * Runs are serialized: two planners pressing "schedule" at once get one plan after the other.
 */
export async function runSchedule(tx: Tx, from: number): Promise<ScheduleOutcome> {
  const started = performance.now();
  await tx
    .insertInto('sequence')
    .values({ key: 'production.schedule', value: 1 })
    .onConflict((oc) => oc.column('key').doUpdateSet((eb) => ({ value: eb('sequence.value', '+', 1) })))
    .execute();
  // The company calendar (holidays, 调休 make-up days), one answer per local day per run.
  const company = (await slaConfig(tx)).calendar;
  const days = new Map<number, boolean>();
  const workingDay = (dayStart: number) => {
    let v = days.get(dayStart);
    if (v === undefined) days.set(dayStart, (v = isWorkingDay(localDateOf(dayStart), company)));
    return v;
  };
  const centers = new Map<string, CenterCalendar>();
  for (const c of await workCenters.list(tx)) {
    const blocked = c.state === 'down' ? [{ from: Math.min(Date.parse(c.downSince ?? nowIso()), from), to: c.expectedUpAt ? Date.parse(c.expectedUpAt) : null }] : [];
    centers.set(c.id, { capacityMinutes: c.active ? c.capacityMinutes : 0, shiftStartMinutes: c.shiftStartMinutes, blocked, workingDay });
  }
  const open = await workOrders.open(tx);
  const ops = await operations.ofOpen(tx);
  const opsOf = new Map<string, typeof ops>();
  for (const o of ops) opsOf.set(o.workOrderId, [...(opsOf.get(o.workOrderId) ?? []), o]);
  const orders = new Map((await orderProduction.facts(tx, [...new Set(open.flatMap((w) => (w.orderId ? [w.orderId] : [])))])).map((o) => [o.id, o]));

  const plan: PlanWorkOrder[] = open.map((w) => {
    const o = w.orderId ? orders.get(w.orderId) : undefined;
    const list = opsOf.get(w.id) ?? [];
    let input = Number(w.qty);
    return {
      id: w.id,
      number: w.number,
      priority: o?.priority ?? w.priority,
      dueDate: o?.promisedDate ?? w.dueDate,
      createdAt: w.createdAt,
      operations: list.map((op) => {
        // What will reach this operation: what reached the one before, less what it scrapped so far.
        const planned = { id: op.id, workCenterId: op.workCenterId, done: op.state === 'done', minutes: minutesLeft(op, input) };
        input = Math.max(0, input - Number(op.scrapQty));
        return planned;
      }),
    };
  });
  const result = schedule(plan, centers, from);
  const byId = new Map(open.map((w) => [w.id, w]));
  const dueOf = new Map(plan.map((p) => [p.id, p.dueDate]));
  const woRows = result.map((r) => {
    const due = dueOf.get(r.id);
    const atRisk = r.finish === null || (due != null && r.finish > finishBy(due));
    return { id: r.id, start: iso(r.start), finish: iso(r.finish), atRisk: atRisk ? 1 : 0, bottleneck: r.bottleneckWorkCenterId };
  });
  // Only what moved is written: a re-plan after a small change touches few rows.
  await bulkUpdate(
    tx,
    'work_order',
    woRows.filter((r) => {
      const w = byId.get(r.id)!;
      return w.plannedStart !== r.start || w.plannedFinish !== r.finish || w.atRisk !== r.atRisk || w.bottleneckWorkCenterId !== r.bottleneck;
    }),
  );
  const opById = new Map(ops.map((o) => [o.id, o]));
  await bulkUpdate(
    tx,
    'work_order_operation',
    result.flatMap((r) => r.operations.map((o) => ({ id: o.id, start: iso(o.start), finish: iso(o.finish) }))).filter((o) => opById.get(o.id)?.plannedStart !== o.start || opById.get(o.id)?.plannedFinish !== o.finish),
  );

  const lines = new Map<string, ScheduleOutcome['lines'][number] & { bottleneck: string | null }>();
  for (const [i, r] of woRows.entries()) {
    const w = byId.get(r.id)!;
    if (!w.orderLineId || !w.orderId) continue;
    const prev = lines.get(w.orderLineId);
    const unplanned = r.finish === null || prev?.plannedCompletion === null;
    const completion = unplanned ? null : [prev?.plannedCompletion, r.finish].filter((x): x is string => !!x).sort().at(-1)!;
    lines.set(w.orderLineId, { orderLineId: w.orderLineId, orderId: w.orderId, plannedCompletion: completion, atRisk: (prev?.atRisk ?? false) || r.atRisk === 1, bottleneck: result[i].bottleneckWorkCenterId ?? prev?.bottleneck ?? null });
  }
  await orderProduction.setLinePlans(tx, [...lines.values()]);

  const atRiskOrders = new Map<string, ScheduleResult['atRiskOrders'][number]>();
  for (const l of lines.values()) {
    if (!l.atRisk) continue;
    const o = orders.get(l.orderId)!;
    const prev = atRiskOrders.get(l.orderId);
    if (!prev || (prev.plannedCompletion !== null && (l.plannedCompletion === null || l.plannedCompletion > prev.plannedCompletion))) {
      atRiskOrders.set(l.orderId, { orderId: l.orderId, number: o.number, promisedDate: o.promisedDate, plannedCompletion: l.plannedCompletion, bottleneckWorkCenterId: l.bottleneck });
    }
  }
  return {
    runAt: iso(from)!,
    scheduled: result.filter((r) => r.finish !== null).length,
    unscheduled: result.filter((r) => r.finish === null).length,
    atRiskOrders: [...atRiskOrders.values()].sort((a, b) => a.orderId.localeCompare(b.orderId)),
    durationMs: Math.round(performance.now() - started),
    workOrders: result.map((r) => {
      const w = byId.get(r.id)!;
      return { id: r.id, orderId: w.orderId, orderLineId: w.orderLineId, number: w.number, plannedFinish: iso(r.finish), centers: [...new Set((opsOf.get(r.id) ?? []).filter((o) => o.state !== 'done').map((o) => o.workCenterId))] };
    }),
    lines: [...lines.values()].map(({ bottleneck: _b, ...l }) => l),
  };
}

export function createScheduleService(db: Db, announce: AnnounceBoard = quietBoard) {
  return {
    /** POST /schedule/run: plans from `from` (default now, rounded up to the minute). */
    async run(from?: string): Promise<ScheduleResult> {
      const start = from ? Date.parse(from) : Math.ceil(Date.now() / MINUTE) * MINUTE;
      const { workOrders: _w, lines: _l, ...summary } = await inTransaction(db, (tx) => runSchedule(tx, start));
      announce('schedule');
      return summary;
    },
  };
}

export type ScheduleService = ReturnType<typeof createScheduleService>;

export const RESCHEDULE_CHANNEL = 'production.reschedule';

/**
 * Asks the worker to re-plan after a change that moves plans (a new or cancelled work order,
 * progress). Requests within the same minute share one job, which runs just after that
 * minute ends and so sees all of them; the order's own transaction stays short.
 */
export async function requestReschedule(tx: Tx, reason: string): Promise<void> {
  const bucket = Math.floor(Date.now() / MINUTE);
  await enqueue(tx, { channel: RESCHEDULE_CHANNEL, topic: RESCHEDULE_CHANNEL, payload: { reason }, dedupeKey: `${RESCHEDULE_CHANNEL}:${bucket}`, delayMs: (bucket + 1) * MINUTE - Date.now() + 1_000 });
}
