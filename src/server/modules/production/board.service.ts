import type { Board } from '../../../contracts/production.ts';
import { fromMilli } from '../../../contracts/quantity.ts';
import type { Db } from '../../platform/db/database.ts';
import { orderProduction } from '../orders/index.ts';
import { isWorkingDay, slaConfig } from '../sla/index.ts';
import { boardReads } from './board.repository.ts';
import { DAY, localDateOf, localDayStart, workingMinutesIn, type CenterCalendar } from './capacity.ts';
import { progressPct } from './work-order.mapper.ts';
import { workCenters } from './work-centers.repository.ts';

const QUEUE = 5;
const AT_RISK_SHOWN = 8;
/** On-time rate window: the last 30 China days, today included. */
export const ON_TIME_DAYS = 30;

type OpRow = Awaited<ReturnType<typeof boardReads.openOperations>>[number];

/**
 * What each open operation still has to do: what reaches it (the work order qty less what
 * earlier operations scrapped) less what it reported — the scheduler's own arithmetic.
 */
function remainingByOperation(rows: OpRow[]): Map<string, number> {
  const left = new Map<string, number>();
  let wo = '';
  let input = 0;
  for (const r of rows) {
    if (r.id !== wo) [wo, input] = [r.id, Number(r.qty)];
    left.set(r.operationId, Math.max(0, input - Number(r.goodQty) - Number(r.scrapQty)));
    input = Math.max(0, input - Number(r.scrapQty));
  }
  return left;
}

/**
 * The board reads the last plan: per center its state, the open operations in planned order
 * (unplanned last, a few each) and today's output against the plan — good quantity reported
 * today, plus what the plan still puts on today (an operation's remaining quantity split over
 * days by working minutes); the orders at risk with their bottleneck; the on-time delivery
 * rate of the last 30 days.
 */
export function createBoardService(db: Db) {
  return {
    async board(): Promise<Board> {
      const now = Date.now();
      const today = localDayStart(now);
      const centers = await workCenters.list(db);
      const rows = await boardReads.openOperations(db);
      const output = new Map((await boardReads.outputSince(db, new Date(today).toISOString())).map((r) => [r.workCenterId, Number(r.good)]));
      const company = (await slaConfig(db)).calendar;
      const workingDay = (dayStart: number) => isWorkingDay(localDateOf(dayStart), company);

      const left = remainingByOperation(rows);
      const opsOf = new Map<string, OpRow[]>();
      for (const r of rows) opsOf.set(r.id, [...(opsOf.get(r.id) ?? []), r]);
      const calendars = new Map<string, CenterCalendar>(centers.map((c) => [c.id, { capacityMinutes: c.active ? c.capacityMinutes : 0, shiftStartMinutes: c.shiftStartMinutes, blocked: [], workingDay }]));
      const plannedToday = new Map<string, number>();
      for (const r of rows) {
        if (r.state === 'done' || !r.plannedStart || !r.plannedFinish) continue;
        const [s, f] = [Date.parse(r.plannedStart), Date.parse(r.plannedFinish)];
        if (f <= today || s >= today + DAY) continue;
        const cal = calendars.get(r.workCenterId);
        const all = cal ? workingMinutesIn(cal, s, f) : 0;
        const share = all > 0 ? workingMinutesIn(cal!, Math.max(s, today), Math.min(f, today + DAY)) / all : 1;
        plannedToday.set(r.workCenterId, (plannedToday.get(r.workCenterId) ?? 0) + Math.round((left.get(r.operationId) ?? 0) * share));
      }

      const open = rows.filter((r) => r.state !== 'done');
      const key = (s: string | null) => s ?? '9999';
      open.sort((a, b) => key(a.plannedStart).localeCompare(key(b.plannedStart)) || a.number.localeCompare(b.number));
      const openIds = new Set(rows.map((r) => r.id));
      const risky = new Set(rows.filter((r) => r.atRisk === 1).map((r) => r.id));
      const running = new Set(rows.filter((r) => r.status === 'in_progress').map((r) => r.id));
      const code = new Map(centers.map((c) => [c.id, c.code]));
      const onTime = await boardReads.deliveredOnTime(db, localDateOf(today - (ON_TIME_DAYS - 1) * DAY));
      const ordersAtRisk = await atRiskOrders(db, code);
      return {
        at: new Date(now).toISOString(),
        centers: centers.map((c) => ({
          id: c.id,
          code: c.code,
          name: c.name,
          state: c.state,
          downReason: c.downReason,
          expectedUpAt: c.expectedUpAt,
          outputToday: fromMilli(output.get(c.id) ?? 0),
          remainingToday: fromMilli(plannedToday.get(c.id) ?? 0),
          queue: open
            .filter((r) => r.workCenterId === c.id)
            .slice(0, QUEUE)
            .map((r) => ({
              workOrderId: r.id,
              number: r.number,
              sku: r.sku,
              operation: r.name,
              qty: fromMilli(Number(r.qty)),
              plannedStart: r.plannedStart,
              plannedFinish: r.plannedFinish,
              atRisk: r.atRisk === 1,
              status: r.status,
              progressPct: progressPct(r.status, Number(r.qty), opsOf.get(r.id) ?? []),
            })),
        })),
        totals: { open: openIds.size, inProgress: running.size, atRisk: risky.size, centersDown: centers.filter((c) => c.state === 'down').length },
        ordersAtRisk: { count: ordersAtRisk.length, items: ordersAtRisk.slice(0, AT_RISK_SHOWN) },
        onTime: { days: ON_TIME_DAYS, ...onTime, rate: onTime.delivered ? Math.round((onTime.onTime / onTime.delivered) * 1000) / 1000 : null },
      };
    },
  };
}

/** Orders with an open work order at risk: latest planned finish (none when one cannot be planned), bottleneck center, soonest promise first. */
async function atRiskOrders(db: Db, code: Map<string, string>): Promise<Board['ordersAtRisk']['items']> {
  const byOrder = new Map<string, { finish: string | null; unplanned: boolean; bottleneck: string | null }>();
  for (const w of await boardReads.atRiskWorkOrders(db)) {
    const o = byOrder.get(w.orderId!) ?? { finish: null, unplanned: false, bottleneck: null };
    if (!w.plannedFinish) o.unplanned = true;
    else if (!o.finish || w.plannedFinish > o.finish) o.finish = w.plannedFinish;
    o.bottleneck ??= w.bottleneckWorkCenterId ? (code.get(w.bottleneckWorkCenterId) ?? null) : null;
    byOrder.set(w.orderId!, o);
  }
  const ids = [...byOrder.keys()];
  const facts = [];
  for (let i = 0; i < ids.length; i += 500) facts.push(...(await orderProduction.facts(db, ids.slice(i, i + 500))));
  return facts
    .map((f) => {
      const o = byOrder.get(f.id)!;
      return { orderId: f.id, number: f.number, priority: f.priority, promisedDate: f.promisedDate, plannedCompletion: o.unplanned ? null : o.finish, bottleneck: o.bottleneck };
    })
    .sort((a, b) => a.promisedDate.localeCompare(b.promisedDate) || (a.number ?? '').localeCompare(b.number ?? ''));
}

export type BoardService = ReturnType<typeof createBoardService>;
