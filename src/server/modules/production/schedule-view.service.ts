import { sql } from 'kysely';
import { openWorkOrderStatuses, shiftTimeOf, type ScheduleView } from '../../../contracts/production.ts';
import { fromMilli } from '../../../contracts/quantity.ts';
import type { Db } from '../../platform/db/database.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { orderProduction } from '../orders/index.ts';
import { isWorkingDay, slaConfig } from '../sla/index.ts';
import { DAY, localDateOf, localDayStart } from './capacity.ts';
import { workCenters } from './work-centers.repository.ts';

/**
 * The last plan as a Gantt: per work center the open operations whose planned time overlaps
 * [from, from + days) (China days), with the order's priority (what the scheduler sequenced
 * by), the risk flag, and the bottleneck — the center most at-risk work orders wait on.
 * Capacity is shared, so every bar shows; which order it serves (number, promise) only within
 * the caller's data scope. The window's days carry the company calendar (holidays, make-up
 * days) so the chart shades what the scheduler skips.
 */
export function createScheduleViewService(db: Db) {
  return {
    async view(actor: Actor, query: { from?: string; days: number }): Promise<ScheduleView> {
      const start = query.from ? Date.parse(`${query.from}T00:00:00+08:00`) : localDayStart(Date.now());
      const end = start + query.days * DAY;
      const [fromIso, toIso] = [new Date(start).toISOString(), new Date(end).toISOString()];
      const centers = await workCenters.list(db);
      const company = await slaConfig(db);
      const days: ScheduleView['days'] = [];
      for (let t = start; t < end; t += DAY) {
        const date = localDateOf(t);
        const year = company.years.get(Number(date.slice(0, 4)));
        days.push({ date, working: isWorkingDay(date, company.calendar), holiday: year?.holidays.find((h) => h.date === date)?.name ?? null, workday: year?.workdays.find((w) => w.date === date)?.name ?? null });
      }
      const ops = await db
        .selectFrom('workOrderOperation as o')
        .innerJoin('workOrder as w', 'w.id', 'o.workOrderId')
        .innerJoin('product as p', 'p.id', 'w.productId')
        .select(['o.id as operationId', 'o.workCenterId', 'o.name', 'o.plannedStart', 'o.plannedFinish', 'w.id as workOrderId', 'w.number', 'w.qty', 'w.priority', 'w.atRisk', 'w.orderId', 'w.dueDate', 'p.sku'])
        .where('w.status', 'in', openWorkOrderStatuses)
        .where('o.state', '<>', 'done')
        .where((eb) => eb.or([eb('o.plannedStart', 'is', null), eb.and([eb('o.plannedStart', '<', toIso), eb('o.plannedFinish', '>', fromIso)])]))
        .orderBy('o.plannedStart')
        .execute();
      const orderIds = [...new Set(ops.flatMap((o) => (o.orderId ? [o.orderId] : [])))];
      const orders = new Map<string, { number: string | null; priority: ScheduleView['centers'][number]['operations'][number]['priority']; promisedDate: string; ownerId: string }>();
      for (let i = 0; i < orderIds.length; i += 500) for (const f of await orderProduction.facts(db, orderIds.slice(i, i + 500))) orders.set(f.id, f);
      const team = actor.dataScope === 'team' && actor.teamId ? new Set((await db.selectFrom('appUser').select('id').where('teamId', '=', actor.teamId).execute()).map((u) => u.id)) : null;
      const inScope = (ownerId: string) => actor.dataScope === 'all' || ownerId === actor.id || (team?.has(ownerId) ?? false);
      const waits = await db
        .selectFrom('workOrder')
        .select(['bottleneckWorkCenterId as id', sql<number>`count(*)`.as('n')])
        .where('status', 'in', openWorkOrderStatuses)
        .where('atRisk', '=', 1)
        .where('bottleneckWorkCenterId', 'is not', null)
        .groupBy('bottleneckWorkCenterId')
        .execute();
      const waitsOn = new Map(waits.map((w) => [w.id!, Number(w.n)]));
      const top = centers.map((c) => ({ id: c.id, code: c.code, name: c.name, atRisk: waitsOn.get(c.id) ?? 0 })).sort((a, b) => b.atRisk - a.atRisk || a.code.localeCompare(b.code))[0];
      return {
        from: localDateOf(start),
        to: localDateOf(end - DAY),
        centers: centers.map((c) => {
          const mine = ops.filter((o) => o.workCenterId === c.id);
          return {
            id: c.id,
            code: c.code,
            name: c.name,
            state: c.state,
            shiftStart: shiftTimeOf(c.shiftStartMinutes),
            shiftEnd: shiftTimeOf(c.shiftStartMinutes + c.capacityMinutes),
            bottleneckOf: waitsOn.get(c.id) ?? 0,
            unplanned: mine.filter((o) => !o.plannedStart).length,
            operations: mine
              .filter((o) => o.plannedStart && o.plannedFinish)
              .map((o) => {
                const order = o.orderId ? orders.get(o.orderId) : undefined;
                const seen = !order || inScope(order.ownerId);
                return {
                  operationId: o.operationId,
                  workOrderId: o.workOrderId,
                  number: o.number,
                  sku: o.sku,
                  name: o.name,
                  qty: fromMilli(Number(o.qty)),
                  plannedStart: o.plannedStart!,
                  plannedFinish: o.plannedFinish!,
                  priority: order?.priority ?? o.priority,
                  atRisk: o.atRisk === 1,
                  orderNumber: seen ? (order?.number ?? null) : null,
                  promisedDate: seen ? (order?.promisedDate ?? o.dueDate) : null,
                };
              }),
          };
        }),
        bottleneck: top && top.atRisk > 0 ? top : null,
        days,
      };
    },
  };
}

export type ScheduleViewService = ReturnType<typeof createScheduleViewService>;
