/**
 * workbench — 我的跟单: the caller's orders at risk today, most urgent first, each with the
 * reasons and the next action. Composed from the orders and shipping doors.
 */
import { workbenchReply } from '../../../contracts/workbench.ts';
import type { z } from 'zod';
import { localDate } from '../../platform/dates.ts';
import type { Actor } from '../../platform/http/actor.ts';
import type { App, AppContext } from '../../platform/http/types.ts';
import { openOrdersWithRisk } from '../orders/index.ts';
import type { ExceptionsService } from '../shipping/index.ts';

type Item = z.infer<typeof workbenchReply>['items'][number];
const weight = { overdue: 100, open_exception: 60, rejected: 40, short_stock: 30, waiting_approval: 20, due_soon: 10 } as const;
const actions: Record<keyof typeof weight, string> = {
  overdue: '已超承诺交期：确认新交期并通知客户',
  open_exception: '处理物流/签收异常',
  rejected: '审批被驳回：修改后重新提交',
  short_stock: '缺货：跟进生产或采购',
  waiting_approval: '催办审批',
  due_soon: '3 天内到期：确认发货安排',
};
const days = (a: string, b: string) => Math.round((Date.parse(`${a}T00:00:00Z`) - Date.parse(`${b}T00:00:00Z`)) / 86_400_000);

export function registerWorkbench(app: App, ctx: AppContext, deps: { exceptions: ExceptionsService }) {
  async function build(actor: Actor) {
    const today = localDate(new Date(), ctx.config.timeZone);
    const orders = await openOrdersWithRisk(ctx.handle.db, actor);
    const open = await deps.exceptions.list(actor, { state: 'open', limit: 200 });
    const withException = new Set(open.map((e) => e.orderId));
    const items: Item[] = [];
    for (const o of orders) {
      const reasons: (keyof typeof weight)[] = [];
      const late = days(today, o.promisedDate);
      const undelivered = o.status !== 'shipped';
      if (late > 0 && undelivered) reasons.push('overdue');
      else if (late >= -3 && !['shipped'].includes(o.status)) reasons.push('due_soon');
      if (withException.has(o.id)) reasons.push('open_exception');
      if (o.status === 'rejected') reasons.push('rejected');
      if (o.hasShortage && o.status !== 'shipped') reasons.push('short_stock');
      if (o.status === 'pending_approval') reasons.push('waiting_approval');
      if (reasons.length === 0) continue;
      reasons.sort((a, b) => weight[b] - weight[a]);
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
        score: reasons.reduce((s, r) => s + weight[r], 0) + Math.max(0, late),
        nextAction: actions[reasons[0]],
        daysLate: Math.max(0, late),
      });
    }
    items.sort((a, b) => b.score - a.score || a.promisedDate.localeCompare(b.promisedDate));
    const counts: Record<string, number> = {};
    for (const i of items) for (const r of i.reasons) counts[r] = (counts[r] ?? 0) + 1;
    return { items, counts };
  }
  app.get('/api/v1/workbench', { config: { permission: 'orders:read' }, schema: { tags: ['workbench'], response: { 200: workbenchReply } } }, (req) => build(req.actor!));
}
