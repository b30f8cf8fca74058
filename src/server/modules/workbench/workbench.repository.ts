import { stageNames, type Stage, type StageName } from '../../../contracts/stages.ts';
import type { Db, Tx } from '../../platform/db/database.ts';
import { scopeCondition, type Actor } from '../../platform/http/actor.ts';

/**
 * The stage facts the workbench ranks by, for many orders in one query: the late stage (or the
 * running one) and finished-late stages nobody has explained.
 */
export async function stageFacts(db: Db, orderIds: string[], now = Date.now()) {
  const out = new Map<string, { current: Stage | null; unexplained: Stage | null }>();
  if (orderIds.length === 0) return out;
  const rows = await db
    .selectFrom('orderStage')
    .leftJoin('appUser', 'appUser.id', 'orderStage.ownerId')
    .select(['orderStage.orderId', 'orderStage.stage', 'orderStage.ownerId', 'orderStage.ownerRole', 'orderStage.dueAt', 'orderStage.startedAt', 'orderStage.completedAt', 'orderStage.skipped', 'orderStage.delayReason', 'orderStage.delayMinutes', 'appUser.displayName as ownerName'])
    .where('orderStage.orderId', 'in', orderIds)
    .execute();
  rows.sort((a, b) => stageNames.indexOf(a.stage) - stageNames.indexOf(b.stage));
  for (const r of rows) {
    const due = r.dueAt ? Date.parse(r.dueAt) : null;
    const state: Stage['state'] = r.skipped ? 'skipped' : r.completedAt ? 'done' : due !== null && now > due ? 'late' : r.startedAt ? 'active' : 'pending';
    const delayMinutes = r.completedAt ? Number(r.delayMinutes ?? 0) : state === 'late' && due !== null ? Math.round((now - due) / 60_000) : 0;
    const s: Stage = { stage: r.stage, ownerId: r.ownerId, ownerName: r.ownerName ?? null, queueRole: r.ownerId ? null : (r.ownerRole ?? null), dueAt: r.dueAt, startedAt: r.startedAt, completedAt: r.completedAt, state, delayMinutes, delayReason: r.delayReason };
    const f = out.get(r.orderId) ?? { current: null, unexplained: null };
    // The first late stage wins; otherwise the first running one; otherwise the next pending one.
    if (state === 'late' && f.current?.state !== 'late') f.current = s;
    else if (!f.current && (state === 'active' || state === 'pending')) f.current = s;
    if (state === 'done' && delayMinutes > 0 && !r.delayReason && !f.unexplained) f.unexplained = s;
    out.set(r.orderId, f);
  }
  return out;
}

/** Orders in the actor's scope with a finished-late stage and no reason yet (any order status). */
export async function ordersWithUnexplainedDelays(db: Db, actor: Actor, limit = 200) {
  return db
    .selectFrom('orderStage as s')
    .innerJoin('salesOrder as o', 'o.id', 's.orderId')
    .leftJoin('customer as c', 'c.id', 'o.customerId')
    .leftJoin('appUser as u', 'u.id', 'o.ownerId')
    .select(['o.id', 'o.number', 'o.status', 'o.promisedDate', 'o.gross', 'o.ownerId', 'c.name as customerName', 'u.displayName as ownerName'])
    .where('s.delayMinutes', '>', 0)
    .where('s.delayReason', 'is', null)
    .where(scopeCondition(actor, 'o.ownerId'))
    .distinct()
    .limit(limit)
    .execute();
}

/** For nudges: the order in scope and the stage's owner and state. */
export async function nudgeTargets(db: Db | Tx, actor: Actor, pairs: { orderId: string; stage: StageName }[]) {
  const ids = [...new Set(pairs.map((p) => p.orderId))];
  if (ids.length === 0) return [];
  return db
    .selectFrom('orderStage as s')
    .innerJoin('salesOrder as o', 'o.id', 's.orderId')
    .leftJoin('appUser as u', 'u.id', 's.ownerId')
    .select(['s.orderId', 's.stage', 's.ownerId', 's.completedAt', 's.skipped', 'o.number', 'u.displayName as ownerName'])
    .where('s.orderId', 'in', ids)
    .where(scopeCondition(actor, 'o.ownerId'))
    .execute();
}
