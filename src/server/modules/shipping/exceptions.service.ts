import type { z } from 'zod';
import type { exceptionPatchBody, ShippingException } from '../../../contracts/exceptions.ts';
import type { Config } from '../../config.ts';
import type { Db, Tx } from '../../platform/db/database.ts';
import { json } from '../../platform/db/dialect.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { appendEvent } from '../../platform/events.ts';
import { scopeCondition, type Actor } from '../../platform/http/actor.ts';
import { AppError, fieldError, notFound } from '../../platform/http/errors.ts';
import { newId, nowIso } from '../../platform/ids.ts';
import { notify } from '../notifications/index.ts';

type Q = Db | Tx;
/** Until a working calendar exists (responsibility issue), an exception is due 24 hours after it opens. */
const DUE_MS = 24 * 3_600_000;

const titles: Record<ShippingException['type'], string> = {
  late_eta: '预计到达晚于承诺交期',
  tracking_exception: '物流异常',
  receipt_disputed: '客户对签收有异议',
  no_movement: '物流长时间无更新',
};

/**
 * Delivery exceptions (DOMAIN.md stage 4): opened by the system when something goes wrong
 * after dispatch, each with an owner and a due time; closed only with a resolution.
 */
export function createExceptionsService(db: Db, config: Pick<Config, 'publicUrl'>) {
  const select = (q: Q, actor: Actor | null) => {
    let qb = q.selectFrom('exception').leftJoin('salesOrder', 'salesOrder.id', 'exception.orderId').leftJoin('appUser', 'appUser.id', 'exception.ownerId').selectAll('exception').select(['salesOrder.number as orderNumber', 'appUser.displayName as ownerName']);
    // Visible to whoever may see the order, and always to the exception's own owner.
    if (actor) qb = qb.where((eb) => eb.or([scopeCondition(actor, 'salesOrder.ownerId'), eb('exception.ownerId', '=', actor.id)]));
    return qb;
  };
  const toDto = (r: Awaited<ReturnType<ReturnType<typeof select>['executeTakeFirstOrThrow']>>): ShippingException => ({
    id: r.id,
    type: r.type,
    entityType: r.entityType,
    entityId: r.entityId,
    orderId: r.orderId,
    orderNumber: r.orderNumber ?? null,
    ownerId: r.ownerId,
    ownerName: r.ownerName ?? null,
    dueAt: r.dueAt,
    state: r.state,
    details: json.read(r.details, {}),
    notes: json.read(r.notes, []),
    resolution: r.resolution as ShippingException['resolution'],
    resolvedAt: r.resolvedAt,
    createdAt: r.createdAt,
  });
  const get = async (actor: Actor, id: string) => {
    const r = await select(db, actor).where('exception.id', '=', id).executeTakeFirst();
    if (!r) throw notFound();
    return toDto(r);
  };

  return {
    get,
    async list(actor: Actor, q: { state?: ShippingException['state']; type?: ShippingException['type']; orderId?: string; limit: number }) {
      let qb = select(db, actor).orderBy('exception.dueAt').limit(q.limit);
      if (q.state) qb = qb.where('exception.state', '=', q.state);
      if (q.type) qb = qb.where('exception.type', '=', q.type);
      if (q.orderId) qb = qb.where('exception.orderId', '=', q.orderId);
      return (await qb.execute()).map(toDto);
    },

    /** Opens one (idempotently per type and shipment) in the caller's transaction and alerts the owner. */
    async open(tx: Tx, e: { type: ShippingException['type']; entityType: string; entityId: string; orderId: string; ownerId: string; details: Record<string, unknown>; actor: Actor | null }) {
      const id = newId();
      const now = Date.now();
      // ON CONFLICT DO NOTHING, not a caught unique violation: on PostgreSQL that error aborts the caller's whole transaction.
      const r = await tx
        .insertInto('exception')
        .values({ id, type: e.type, entityType: e.entityType, entityId: e.entityId, orderId: e.orderId, ownerId: e.ownerId, dueAt: new Date(now + DUE_MS).toISOString(), state: 'open', details: json.write(e.details), notes: '[]', resolution: null, resolvedAt: null, createdAt: new Date(now).toISOString(), openKey: `${e.type}:${e.entityId}` })
        .onConflict((oc) => oc.column('openKey').doNothing())
        .executeTakeFirst();
      if (Number(r.numInsertedOrUpdatedRows ?? 0) === 0) return null;
      await appendEvent(tx, { entityType: 'order', entityId: e.orderId, type: 'exception.opened', actor: e.actor, stage: 'shipping', data: { exceptionId: id, type: e.type, ...e.details } });
      await notify(tx, { userIds: [e.ownerId], kind: 'exception.opened', title: `${titles[e.type]}（需在 24 小时内处理）`, body: JSON.stringify(e.details), link: `${config.publicUrl}/orders/${e.orderId}`, email: true });
      return id;
    },

    /** Closes the open exceptions of a shipment that was cancelled (resolution `shipment_cancelled`), each on the order timeline. */
    async closeForCancelled(tx: Tx, shipmentId: string, actor: Actor) {
      const open = await tx.selectFrom('exception').select(['id', 'type', 'orderId']).where('entityType', '=', 'shipment').where('entityId', '=', shipmentId).where('state', '=', 'open').execute();
      const at = nowIso();
      for (const r of open) {
        await tx.updateTable('exception').set({ state: 'resolved', resolution: 'shipment_cancelled', resolvedAt: at, openKey: null }).where('id', '=', r.id).where('state', '=', 'open').execute();
        await appendEvent(tx, { entityType: 'order', entityId: r.orderId, type: 'exception.resolved', actor, stage: 'shipping', data: { exceptionId: r.id, type: r.type, resolution: 'shipment_cancelled', note: null, ownerId: null } });
      }
      return open.length;
    },

    async update(actor: Actor, id: string, input: z.infer<typeof exceptionPatchBody>) {
      await inTransaction(db, async (tx) => {
        const r = await select(tx, actor).where('exception.id', '=', id).executeTakeFirst();
        if (!r) throw notFound();
        if (r.state === 'resolved') throw new AppError('INVALID_STATE', { state: 'resolved' });
        if (input.ownerId && !(await tx.selectFrom('appUser').select('id').where('id', '=', input.ownerId).where('active', '=', 1).executeTakeFirst())) {
          throw new AppError('VALIDATION_FAILED', [fieldError('ownerId', 'not_found')]);
        }
        const at = nowIso();
        const notes = input.note ? [...json.read<unknown[]>(r.notes, []), { at, by: actor.displayName, text: input.note }] : undefined;
        const resolved = input.state === 'resolved';
        await tx
          .updateTable('exception')
          .set({ ...(input.ownerId ? { ownerId: input.ownerId } : {}), ...(notes ? { notes: json.write(notes) } : {}), ...(resolved ? { state: 'resolved', resolution: input.resolution!, resolvedAt: at, openKey: null } : {}) })
          .where('id', '=', id)
          .execute();
        await appendEvent(tx, { entityType: 'order', entityId: r.orderId, type: resolved ? 'exception.resolved' : 'exception.updated', actor, stage: 'shipping', data: { exceptionId: id, type: r.type, resolution: input.resolution ?? null, note: input.note ?? null, ownerId: input.ownerId ?? null } });
        if (input.ownerId && input.ownerId !== actor.id) await notify(tx, { userIds: [input.ownerId], kind: 'exception.assigned', title: `异常转交给您：${titles[r.type]}`, body: input.note ?? '', link: `${config.publicUrl}/orders/${r.orderId}` });
      });
      return get(actor, id);
    },
  };
}
export type ExceptionsService = ReturnType<typeof createExceptionsService>;
