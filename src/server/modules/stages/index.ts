/**
 * stages — the responsibility engine's stage track: per order and stage an owner, a due
 * time and the actual start and finish, kept from events. Read by the order page.
 */
import type { Stage } from '../../../contracts/stages.ts';
import type { Db, Tx } from '../../platform/db/database.ts';
import { registerStageEngine, stagesFinishedBy } from './stages.engine.ts';

export { registerStageEngine, stagesFinishedBy };

const order = ['requirement', 'review', 'preparation', 'shipping', 'delivery', 'billing', 'after_sales'];

/** The track with its state as of now: done, skipped, late (past due and not done), active or pending. */
export async function stagesOf(q: Db | Tx, orderId: string, now = Date.now()): Promise<Stage[]> {
  const rows = await q.selectFrom('orderStage').leftJoin('appUser', 'appUser.id', 'orderStage.ownerId').selectAll('orderStage').select('appUser.displayName as ownerName').where('orderStage.orderId', '=', orderId).execute();
  return rows
    .sort((a, b) => order.indexOf(a.stage) - order.indexOf(b.stage))
    .map((r) => {
      const due = r.dueAt ? Date.parse(r.dueAt) : null;
      const end = r.completedAt ? Date.parse(r.completedAt) : now;
      const delayMinutes = due !== null && !r.skipped && end > due ? Math.round((end - due) / 60_000) : 0;
      const state: Stage['state'] = r.skipped ? 'skipped' : r.completedAt ? 'done' : due !== null && now > due ? 'late' : r.startedAt ? 'active' : 'pending';
      return { stage: r.stage, ownerId: r.ownerId, ownerName: r.ownerName ?? null, queueRole: r.ownerId ? null : (r.ownerRole ?? null), dueAt: r.dueAt, startedAt: r.startedAt, completedAt: r.completedAt, state, delayMinutes, delayReason: r.delayReason };
    });
}

/** Hands a stage to another owner (the caller checks the order is visible and records why). */
export async function reassignStage(tx: Tx, orderId: string, stage: Stage['stage'], ownerId: string): Promise<string | null> {
  const before = await tx.selectFrom('orderStage').select('ownerId').where('orderId', '=', orderId).where('stage', '=', stage).executeTakeFirst();
  if (!before) return null;
  await tx.updateTable('orderStage').set({ ownerId }).where('orderId', '=', orderId).where('stage', '=', stage).execute();
  return before.ownerId;
}

/**
 * Gives an unowned stage queued for `role` to `userId`. Guarded on the row (still no owner,
 * still that queue, still open): of two people claiming at once exactly one gets it.
 */
export async function claimStage(tx: Tx, orderId: string, stage: Stage['stage'], userId: string, role: string): Promise<boolean> {
  const r = await tx
    .updateTable('orderStage')
    .set({ ownerId: userId, ownerRole: null })
    .where('orderId', '=', orderId)
    .where('stage', '=', stage)
    .where('ownerId', 'is', null)
    .where('ownerRole', '=', role)
    .where('completedAt', 'is', null)
    .where('skipped', '=', 0)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function stageOwner(q: Db | Tx, orderId: string, stage: Stage['stage']): Promise<string | null> {
  return (await q.selectFrom('orderStage').select('ownerId').where('orderId', '=', orderId).where('stage', '=', stage).executeTakeFirst())?.ownerId ?? null;
}
