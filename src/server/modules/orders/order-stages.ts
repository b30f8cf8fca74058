import { stageLabels, type Stage } from '../../../contracts/stages.ts';
import type { Config } from '../../config.ts';
import type { Db, Tx } from '../../platform/db/database.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { appendEvent } from '../../platform/events.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { AppError, fieldError, notFound } from '../../platform/http/errors.ts';
import { assertCan } from '../../platform/http/actor.ts';
import { attributeDelay } from '../responsibility/index.ts';
import { notify } from '../notifications/index.ts';
import { reassignStage, stageOwner, stagesOf } from '../stages/index.ts';
import { selectOrders } from './orders.repository.ts';

/** The name the timeline shows for a user (null for none). */
const displayName = async (tx: Tx, id: string | null) => (id ? ((await tx.selectFrom('appUser').select('displayName').where('id', '=', id).executeTakeFirst())?.displayName ?? null) : null);

/** Stage owners on an order: reassign with a reason, nudge the owner — both on the timeline. */
export function createOrderStages(db: Db, config: Pick<Config, 'publicUrl'>) {
  const visible = async (actor: Actor, id: string) => {
    const o = await selectOrders(db, actor).where('salesOrder.id', '=', id).executeTakeFirst();
    if (!o) throw notFound();
    return o;
  };
  return {
    async reassign(actor: Actor, orderId: string, stage: Stage['stage'], ownerId: string, reason: string) {
      const o = await visible(actor, orderId);
      await inTransaction(db, async (tx) => {
        const to = await tx.selectFrom('appUser').select('displayName').where('id', '=', ownerId).where('active', '=', 1).executeTakeFirst();
        if (!to) throw new AppError('VALIDATION_FAILED', [fieldError('ownerId', 'not_found')]);
        const from = await reassignStage(tx, orderId, stage, ownerId);
        await appendEvent(tx, { entityType: 'order', entityId: orderId, type: 'stage.reassigned', actor, stage, data: { from, fromName: await displayName(tx, from), to: ownerId, toName: to.displayName, reason } });
        if (ownerId !== actor.id) await notify(tx, { userIds: [ownerId], kind: 'stage.assigned', title: `订单 ${o.number ?? ''} 的「${stageLabels[stage].zh}」环节转交给您`, body: reason, link: `${config.publicUrl}/orders/${orderId}` });
      });
      return stagesOf(db, orderId);
    },
    /**
     * `PATCH /orders/:id/stages/:stage`: a reassignment (`ownerId` + `reason`, needs
     * orders:write) and/or a delay explanation (`delayReason`, `delayNote`: the stage owner or a
     * coordinator/manager), each in its own transaction.
     */
    async patch(actor: Actor, orderId: string, stage: Stage['stage'], body: { ownerId?: string; reason?: string; delayReason?: string; delayNote?: string | null }) {
      if (body.ownerId !== undefined) {
        assertCan(actor, 'orders:write');
        await this.reassign(actor, orderId, stage, body.ownerId, body.reason ?? '');
      }
      if (body.delayReason !== undefined) {
        await visible(actor, orderId);
        await inTransaction(db, (tx) => attributeDelay(tx, actor, { orderId, stage, reason: body.delayReason!, note: body.delayNote ?? null }));
      }
      return stagesOf(db, orderId);
    },
    async nudge(actor: Actor, orderId: string, stage: Stage['stage'], message: string | null) {
      const o = await visible(actor, orderId);
      const owner = await stageOwner(db, orderId, stage);
      if (!owner) throw new AppError('INVALID_STATE', { stage, reason: 'no_owner' });
      await inTransaction(db, async (tx) => {
        await appendEvent(tx, { entityType: 'order', entityId: orderId, type: 'stage.nudged', actor, stage, data: { ownerId: owner, ownerName: await displayName(tx, owner), message } });
        await notify(tx, { userIds: [owner], kind: 'stage.nudged', title: `催办：订单 ${o.number ?? ''}（${stageLabels[stage].zh}）`, body: message ?? `${actor.displayName} 提醒您处理该环节`, link: `${config.publicUrl}/orders/${orderId}` });
      });
      return { ok: true as const };
    },
  };
}
export type OrderStages = ReturnType<typeof createOrderStages>;
