import type { EquipmentChange, WorkCenterDown } from '../../../contracts/production.ts';
import type { Config } from '../../config.ts';
import type { Db, Tx } from '../../platform/db/database.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { appendEvent } from '../../platform/events.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { AppError, notFound } from '../../platform/http/errors.ts';
import { nowIso } from '../../platform/ids.ts';
import { notify } from '../notifications/index.ts';
import { orderProduction } from '../orders/index.ts';
import { activeUsersWithRole } from './bom.repository.ts';
import { quietBoard, type AnnounceBoard } from './board-live.ts';
import { MINUTE } from './capacity.ts';
import { runSchedule } from './schedule.service.ts';
import { workCenters } from './work-centers.repository.ts';
import { toWorkCenter } from './work-centers.service.ts';
import { workOrders } from './work-orders.repository.ts';

/** Notification text: company-local time, and "待定" when nothing can be planned until the center is back. */
const timeIn = (timeZone: string) => {
  const f = new Intl.DateTimeFormat('sv-SE', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
  return (iso: string | null) => (iso ? f.format(new Date(iso)) : '待定');
};

/**
 * A work center going down or coming back: the state moves with a guard (two planners at
 * once: one wins, 409 for the other), everything open is re-planned in the same
 * transaction, and the orders whose planned completion now falls after their promise are
 * flagged, written on their timelines and told about — each owner once for their orders,
 * each planner once for all of them.
 */
export function createEquipmentService(db: Db, config: Pick<Config, 'publicUrl' | 'timeZone'>, announce: AnnounceBoard = quietBoard) {
  const shortTime = timeIn(config.timeZone);
  async function change(tx: Tx, actor: Actor, id: string, kind: 'down' | 'up', input?: WorkCenterDown): Promise<EquipmentChange> {
    const center = await workCenters.byId(tx, id);
    if (!center) throw notFound();
    const now = nowIso();
    const moved =
      kind === 'down'
        ? await workCenters.transition(tx, id, 'up', { state: 'down', downReason: input!.reason, downSince: now, expectedUpAt: input!.expectedUpAt ? new Date(input!.expectedUpAt).toISOString() : null, updatedAt: now })
        : await workCenters.transition(tx, id, 'down', { state: 'up', downReason: null, downSince: null, expectedUpAt: null, updatedAt: now });
    if (!moved) throw new AppError('INVALID_STATE', { action: kind, state: center.state });
    await appendEvent(tx, { entityType: 'work_center', entityId: id, type: `work_center.${kind}`, actor, stage: 'production', data: { code: center.code, reason: input?.reason ?? null, expectedUpAt: moved.expectedUpAt } });

    const openBefore = await workOrders.open(tx);
    const before = new Map(openBefore.map((w) => [w.id, w.plannedFinish]));
    const lineIdsBefore = [...new Set(openBefore.flatMap((w) => (w.orderLineId ? [w.orderLineId] : [])))];
    const linePlans = new Map((await orderProduction.linePlans(tx, lineIdsBefore)).map((l) => [l.id, { atRisk: l.atRisk === 1, plannedCompletion: l.plannedCompletion }]));
    const outcome = await runSchedule(tx, Math.ceil(Date.now() / MINUTE) * MINUTE);
    const affectedWorkOrders = outcome.workOrders
      .filter((w) => w.centers.includes(id))
      .map((w) => ({ id: w.id, number: w.number, orderId: w.orderId, plannedFinishBefore: before.get(w.id) ?? null, plannedFinish: w.plannedFinish }));

    const facts = new Map((await orderProduction.facts(tx, [...new Set(outcome.lines.map((l) => l.orderId))])).map((o) => [o.id, o]));
    const touched = new Set(affectedWorkOrders.flatMap((w) => (w.orderId ? [w.orderId] : [])));
    const affectedOrders = new Map<string, EquipmentChange['affectedOrders'][number]>();
    for (const l of outcome.lines) {
      if (!touched.has(l.orderId)) continue;
      const was = linePlans.get(l.orderLineId);
      const newlyLate = l.atRisk && (!was?.atRisk || was.plannedCompletion === null || l.plannedCompletion === null || l.plannedCompletion > was.plannedCompletion);
      const recovered = kind === 'up' && !l.atRisk && was?.atRisk;
      if (!newlyLate && !recovered) continue;
      const o = facts.get(l.orderId)!;
      affectedOrders.set(l.orderId, { orderId: l.orderId, number: o.number, ownerId: o.ownerId, promisedDate: o.promisedDate, plannedCompletionBefore: was?.plannedCompletion ?? null, plannedCompletion: l.plannedCompletion, atRisk: l.atRisk });
    }
    const list = [...affectedOrders.values()].sort((a, b) => (a.number ?? a.orderId).localeCompare(b.number ?? b.orderId));
    for (const o of list) {
      await appendEvent(tx, {
        entityType: 'order',
        entityId: o.orderId,
        type: kind === 'down' ? 'production.equipment_down' : 'production.equipment_up',
        actor,
        stage: 'production',
        data: { workCenterId: id, workCenterCode: center.code, reason: input?.reason ?? null, expectedUpAt: moved.expectedUpAt, plannedCompletionBefore: o.plannedCompletionBefore, plannedCompletion: o.plannedCompletion, promisedDate: o.promisedDate, atRisk: o.atRisk },
      });
    }
    if (kind === 'down' && list.length > 0) {
      const title = `设备停机：${center.code} ${center.name}`;
      const line = (o: (typeof list)[number]) => `${o.number ?? o.orderId} 承诺 ${o.promisedDate}，预计完工 ${shortTime(o.plannedCompletion)}`;
      const planners = await activeUsersWithRole(tx, 'planner');
      const owners = new Map<string, typeof list>();
      for (const o of list) if (!planners.includes(o.ownerId)) owners.set(o.ownerId, [...(owners.get(o.ownerId) ?? []), o]);
      for (const [ownerId, mine] of owners) {
        await notify(tx, { userIds: [ownerId], kind: 'production.equipment_down', title, body: `${input!.reason}。受影响订单：${mine.map(line).join('；')}`, link: `${config.publicUrl}/orders/${mine[0].orderId}` });
      }
      if (planners.length) await notify(tx, { userIds: planners, kind: 'production.equipment_down', title, body: `${input!.reason}。受影响订单 ${list.length} 个：${list.map(line).join('；')}`, link: `${config.publicUrl}/production/work-centers` });
    }
    const { workOrders: _w, lines: _l, ...schedule } = outcome;
    return { workCenter: toWorkCenter(moved), affectedWorkOrders, affectedOrders: list, schedule };
  }

  return {
    async down(actor: Actor, id: string, input: WorkCenterDown) {
      const result = await inTransaction(db, (tx) => change(tx, actor, id, 'down', input));
      announce('equipment.down');
      return result;
    },
    async up(actor: Actor, id: string) {
      const result = await inTransaction(db, (tx) => change(tx, actor, id, 'up'));
      announce('equipment.up');
      return result;
    },
  };
}

export type EquipmentService = ReturnType<typeof createEquipmentService>;
