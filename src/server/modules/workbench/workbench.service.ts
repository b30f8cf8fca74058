import { stageLabels, type StageName } from '../../../contracts/stages.ts';
import type { RiskReason, WorkbenchItem } from '../../../contracts/workbench.ts';
import type { Config } from '../../config.ts';
import type { Db } from '../../platform/db/database.ts';
import { localDate } from '../../platform/dates.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { openOrdersWithRisk } from '../orders/index.ts';
import { ordersWithUnexplainedDelays, stageFacts } from './workbench.repository.ts';

/** Open exceptions per order as the actor may see them (the shipping door's list). */
export interface ExceptionSource {
  list(actor: Actor, q: { state: 'open'; limit: number }): Promise<{ orderId: string }[]>;
}

const weight: Record<RiskReason, number> = { overdue: 100, late_stage: 80, open_exception: 60, delay_unexplained: 50, rejected: 40, short_stock: 30, waiting_approval: 20, due_soon: 10 };
const actions: Record<RiskReason, (stage: string) => string> = {
  overdue: () => '已超承诺交期：确认新交期并通知客户',
  late_stage: (s) => `「${s}」环节已逾期：催办负责人`,
  open_exception: () => '处理物流/签收异常',
  delay_unexplained: (s) => `「${s}」环节延误：填写延误原因`,
  rejected: () => '审批被驳回：修改后重新提交',
  short_stock: () => '缺货：跟进生产或采购',
  waiting_approval: () => '催办审批',
  due_soon: () => '3 天内到期：确认发货安排',
};
const days = (a: string, b: string) => Math.round((Date.parse(`${a}T00:00:00Z`) - Date.parse(`${b}T00:00:00Z`)) / 86_400_000);

/**
 * 我的跟单: the actor's orders at risk today, most urgent first, each with the stage it is
 * about, the reasons and the next action. Composed from the orders and shipping doors and the
 * stage track; a finished-late stage with no reason stays here until someone explains it.
 */
export function createWorkbench(db: Db, config: Pick<Config, 'timeZone'>, exceptions: ExceptionSource) {
  return async function build(actor: Actor, filter: { stage?: StageName } = {}, now = new Date()) {
    const today = localDate(now, config.timeZone);
    const open = await openOrdersWithRisk(db, actor);
    const unexplained = await ordersWithUnexplainedDelays(db, actor);
    const withException = new Set((await exceptions.list(actor, { state: 'open', limit: 200 })).map((e) => e.orderId));
    const orders = new Map(open.map((o) => [o.id, { ...o, hasShortage: o.hasShortage }]));
    for (const u of unexplained) if (!orders.has(u.id)) orders.set(u.id, { ...u, hasShortage: false } as never);
    const facts = await stageFacts(db, [...orders.keys()], now.getTime());
    const items: WorkbenchItem[] = [];
    for (const o of orders.values()) {
      const f = facts.get(o.id);
      const reasons: RiskReason[] = [];
      const late = days(today, o.promisedDate);
      const openStatus = !['shipped', 'delivered', 'completed', 'cancelled'].includes(o.status);
      if (late > 0 && openStatus) reasons.push('overdue');
      else if (late >= -3 && openStatus) reasons.push('due_soon');
      if (f?.current?.state === 'late') reasons.push('late_stage');
      if (f?.unexplained) reasons.push('delay_unexplained');
      if (withException.has(o.id)) reasons.push('open_exception');
      if (o.status === 'rejected') reasons.push('rejected');
      if (o.hasShortage && openStatus) reasons.push('short_stock');
      if (o.status === 'pending_approval') reasons.push('waiting_approval');
      if (reasons.length === 0) continue;
      reasons.sort((a, b) => weight[b] - weight[a]);
      const stage = reasons[0] === 'delay_unexplained' || (!f?.current && f?.unexplained) ? f!.unexplained : (f?.current ?? null);
      if (filter.stage && stage?.stage !== filter.stage) continue;
      items.push({
        orderId: o.id,
        number: o.number,
        customerName: o.customerName ?? null,
        status: o.status,
        promisedDate: o.promisedDate,
        gross: Number(o.gross),
        ownerId: o.ownerId,
        ownerName: o.ownerName ?? null,
        reasons,
        score: reasons.reduce((s, r) => s + weight[r], 0) + Math.max(0, late) + Math.min(50, Math.floor((stage?.delayMinutes ?? 0) / 1440) * 5),
        nextAction: actions[reasons[0]](stage ? stageLabels[stage.stage].zh : ''),
        nextActionKey: reasons[0],
        daysLate: Math.max(0, late),
        stage: stage ? { stage: stage.stage, ownerId: stage.ownerId, ownerName: stage.ownerName, queueRole: stage.queueRole, dueAt: stage.dueAt, state: stage.state, delayMinutes: stage.delayMinutes, delayReason: stage.delayReason } : null,
      });
    }
    items.sort((a, b) => b.score - a.score || a.promisedDate.localeCompare(b.promisedDate));
    const counts: Record<string, number> = {};
    for (const i of items) for (const r of i.reasons) counts[r] = (counts[r] ?? 0) + 1;
    return { items, counts };
  };
}
export type Workbench = ReturnType<typeof createWorkbench>;
