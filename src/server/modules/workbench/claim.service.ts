import type { StageName } from '../../../contracts/stages.ts';
import type { Db } from '../../platform/db/database.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { appendEvent } from '../../platform/events.ts';
import { scopeCondition, type Actor } from '../../platform/http/actor.ts';
import { AppError, notFound } from '../../platform/http/errors.ts';
import { claimStage, stagesOf } from '../stages/index.ts';

/**
 * 认领: a stage with no named owner waits in its role's queue (待认领 · 跟单员); anyone holding
 * that role who may see the order takes it — the same hand-over as a reassignment, on the
 * timeline as `stage.claimed`, so reminders and escalations reach them from then on.
 */
export function createClaims(db: Db) {
  return async function claim(actor: Actor, orderId: string, stage: StageName) {
    await inTransaction(db, async (tx) => {
      const s = await tx
        .selectFrom('orderStage as s')
        .innerJoin('salesOrder as o', 'o.id', 's.orderId')
        .select(['s.ownerId', 's.ownerRole', 's.completedAt', 's.skipped'])
        .where('s.orderId', '=', orderId)
        .where('s.stage', '=', stage)
        .where(scopeCondition(actor, 'o.ownerId'))
        .executeTakeFirst();
      if (!s) throw notFound();
      if (s.completedAt || s.skipped) throw new AppError('INVALID_STATE', { stage, reason: 'stage_closed' });
      if (s.ownerId || !s.ownerRole) throw new AppError('INVALID_STATE', { stage, reason: 'not_queued' });
      if (!actor.roles.includes(s.ownerRole)) throw new AppError('FORBIDDEN', { reason: 'not_in_queue', role: s.ownerRole });
      if (!(await claimStage(tx, orderId, stage, actor.id, s.ownerRole))) throw new AppError('CONFLICT', { stage, reason: 'claimed_meanwhile' });
      await appendEvent(tx, { entityType: 'order', entityId: orderId, type: 'stage.claimed', actor, stage, data: { from: null, to: actor.id, toName: actor.displayName, role: s.ownerRole } });
    });
    return stagesOf(db, orderId);
  };
}
