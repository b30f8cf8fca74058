import type { AdjustmentRequest, AdjustmentRequestListQuery } from '../../../contracts/inventory.ts';
import { toMilli } from '../../../contracts/quantity.ts';
import type { Db, Tx } from '../../platform/db/database.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { appendEvent } from '../../platform/events.ts';
import { can, type Actor } from '../../platform/http/actor.ts';
import { AppError } from '../../platform/http/errors.ts';
import { decodeCursor, toPage } from '../../platform/http/pagination.ts';
import { nowIso } from '../../platform/ids.ts';
import { requestById, selectRequests, toRequest } from './adjustment-approval.ts';
import { tellRequester } from './adjustment-notify.ts';
import { bookMovement, validate } from './movements.service.ts';

export function createAdjustmentRequestsService(db: Db) {
  /**
   * pending → approved | rejected, guarded on the status so two approvers at once decide it
   * once (the other gets 409). The requester may not decide their own request.
   */
  async function decide(tx: Tx, actor: Actor, id: string, status: 'approved' | 'rejected', note: string | null) {
    const r = await requestById(tx, id);
    if (r.status !== 'pending') throw new AppError('INVALID_STATE', { action: status === 'approved' ? 'approve' : 'reject', state: r.status });
    if (r.requestedBy && r.requestedBy === actor.id) throw new AppError('ADJUSTMENT_SELF_APPROVAL');
    const changed = await tx
      .updateTable('adjustmentRequest')
      .set({ status, decidedBy: actor.via === 'system' ? null : actor.id, decidedAt: nowIso(), decisionNote: note })
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    if (Number(changed.numUpdatedRows) !== 1) throw new AppError('INVALID_STATE', { action: status, state: 'decided' });
    return r;
  }

  return {
    /**
     * Newest first. `mine=to_decide`: pending requests the caller may decide (they hold
     * inventory:approve and did not ask for it) — the 审批 inbox; `mine=decided`: the ones
     * they decided themselves.
     */
    async list(actor: Actor, query: AdjustmentRequestListQuery) {
      const after = decodeCursor(query.cursor);
      let qb = selectRequests(db).orderBy('r.id', 'desc').limit(query.limit + 1);
      if (query.status) qb = qb.where('r.status', '=', query.status);
      if (query.mine === 'to_decide') {
        if (!can(actor, 'inventory:approve')) return { items: [], nextCursor: null };
        qb = qb.where('r.status', '=', 'pending').where((eb) => eb.or([eb('r.requestedBy', 'is', null), eb('r.requestedBy', '!=', actor.id)]));
      }
      if (query.mine === 'decided') qb = qb.where('r.decidedBy', '=', actor.id);
      if (after) qb = qb.where('r.id', '<', String(after[0]));
      const page = toPage(await qb.execute(), query.limit, (r) => [r.id]);
      return { items: page.items.map(toRequest), nextCursor: page.nextCursor };
    },

    /** How many pending requests the caller may decide: what the 审批 badge adds up. */
    async toDecideCount(actor: Actor): Promise<{ toDecide: number }> {
      if (!can(actor, 'inventory:approve')) return { toDecide: 0 };
      const row = await db
        .selectFrom('adjustmentRequest')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('status', '=', 'pending')
        .where((eb) => eb.or([eb('requestedBy', 'is', null), eb('requestedBy', '!=', actor.id)]))
        .executeTakeFirstOrThrow();
      return { toDecide: Number(row.n) };
    },

    /** Books the adjustment as asked, against the stock as it is now: below reserved is 422 and the request stays pending. */
    approve(actor: Actor, id: string, note: string | null): Promise<AdjustmentRequest> {
      return inTransaction(db, async (tx) => {
        const r = await decide(tx, actor, id, 'approved', note);
        const input = { type: 'adjustment' as const, productId: r.productId, warehouseId: r.warehouseId, qty: r.qty, reason: r.reason };
        const qty = toMilli(r.qty);
        const booked = await bookMovement(tx, actor, input, qty, await validate(tx, input, qty));
        await tx.updateTable('adjustmentRequest').set({ movementId: booked.movements[0].id }).where('id', '=', id).execute();
        await appendEvent(tx, { entityType: 'product', entityId: r.productId, type: 'stock.adjustment_approved', actor, data: { requestId: id, movementId: booked.movements[0].id, qty: r.qty, note } });
        const decided = await requestById(tx, id);
        await tellRequester(tx, decided, actor.displayName);
        return decided;
      });
    },

    /** Nothing reaches the ledger; the reason for rejecting is kept. */
    reject(actor: Actor, id: string, note: string): Promise<AdjustmentRequest> {
      return inTransaction(db, async (tx) => {
        const r = await decide(tx, actor, id, 'rejected', note);
        await appendEvent(tx, { entityType: 'product', entityId: r.productId, type: 'stock.adjustment_rejected', actor, data: { requestId: id, qty: r.qty, note } });
        const decided = await requestById(tx, id);
        await tellRequester(tx, decided, actor.displayName);
        return decided;
      });
    },
  };
}

export type AdjustmentRequestsService = ReturnType<typeof createAdjustmentRequestsService>;
