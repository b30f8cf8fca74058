import type { z } from 'zod';
import type { nudgeBody } from '../../../contracts/responsibility.ts';
import { stageLabels } from '../../../contracts/stages.ts';
import type { Config } from '../../config.ts';
import type { Db } from '../../platform/db/database.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { appendEvents } from '../../platform/events.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { notify } from '../notifications/index.ts';
import { nudgeTargets } from './workbench.repository.ts';

/**
 * Bulk nudge from the workbench: every (order, stage) is checked on its own (in scope, has an
 * owner, still open) and answered per item; the accepted ones are logged on each order's
 * timeline and each owner gets ONE notification listing their stages — in one transaction.
 */
export function createNudges(db: Db, config: Pick<Config, 'publicUrl'>) {
  return async function nudge(actor: Actor, body: z.infer<typeof nudgeBody>) {
    const seen = new Set<string>();
    const pairs = body.items.filter((p) => !seen.has(`${p.orderId}:${p.stage}`) && seen.add(`${p.orderId}:${p.stage}`));
    const message = body.message ?? null;
    return inTransaction(db, async (tx) => {
      const rows = await nudgeTargets(tx, actor, pairs);
      const byKey = new Map(rows.map((r) => [`${r.orderId}:${r.stage}`, r]));
      const visibleOrders = new Set(rows.map((r) => r.orderId));
      const results: { orderId: string; stage: (typeof pairs)[number]['stage']; ok: boolean; code?: string }[] = [];
      const perOwner = new Map<string, { orderId: string; number: string | null; ownerName: string | null; stage: (typeof pairs)[number]['stage'] }[]>();
      for (const p of pairs) {
        const r = byKey.get(`${p.orderId}:${p.stage}`);
        if (!r || !visibleOrders.has(p.orderId)) results.push({ ...p, ok: false, code: 'NOT_FOUND' });
        else if (!r.ownerId || r.completedAt || r.skipped) results.push({ ...p, ok: false, code: 'INVALID_STATE' });
        else {
          results.push({ ...p, ok: true });
          perOwner.set(r.ownerId, [...(perOwner.get(r.ownerId) ?? []), { orderId: p.orderId, number: r.number, ownerName: r.ownerName ?? null, stage: p.stage }]);
        }
      }
      const accepted = [...perOwner.entries()].flatMap(([ownerId, list]) => list.map((l) => ({ ...l, ownerId })));
      if (accepted.length) {
        await appendEvents(tx, accepted.map((a) => ({ entityType: 'order', entityId: a.orderId, type: 'stage.nudged', actor, stage: a.stage, data: { ownerId: a.ownerId, ownerName: a.ownerName, message, bulk: true } })));
      }
      for (const [ownerId, list] of perOwner) {
        const lines = list.map((l) => `${l.number ?? l.orderId}（${stageLabels[l.stage].zh}）`).join('、');
        await notify(tx, {
          userIds: [ownerId],
          kind: 'stage.nudged',
          title: list.length === 1 ? `催办：订单 ${list[0].number ?? ''}（${stageLabels[list[0].stage].zh}）` : `催办：${list.length} 个订单环节待您处理`,
          body: `${message ? `${message}\n` : ''}${actor.displayName} 提醒您处理：${lines}`,
          link: list.length === 1 ? `${config.publicUrl}/orders/${list[0].orderId}` : `${config.publicUrl}/workbench`,
        });
      }
      return { items: results, notified: perOwner.size };
    });
  };
}
