import { stageNames, type StageName } from '../../../contracts/stages.ts';
import type { Tx } from '../../platform/db/database.ts';
import { subscribe, type StoredEvent } from '../../platform/events.ts';
import { applyOwners, planForEvent } from '../sla/index.ts';

async function set(tx: Tx, orderId: string, stage: StageName, patch: { startedAt?: string; completedAt?: string }, onlyIfEmpty = true) {
  // A finished stage has nothing left to remind anyone of.
  let qb = tx.updateTable('orderStage').set(patch.completedAt ? { ...patch, nextAlertAt: null } : patch).where('orderId', '=', orderId).where('stage', '=', stage);
  if (onlyIfEmpty && patch.startedAt) qb = qb.where('startedAt', 'is', null);
  if (onlyIfEmpty && patch.completedAt) qb = qb.where('completedAt', 'is', null);
  await qb.execute();
}

/**
 * The stage track learns from the order's events (it never calls the modules that emit
 * them): actual start and finish are the times things happened, not typed by hand.
 */
async function onEvent(tx: Tx, e: StoredEvent): Promise<void> {
  if (e.entityType !== 'order') return;
  await track(tx, e);
  // Due times come from the admin's SLA rules (module sla): the event's type is an anchor,
  // and a new or revised promised date moves the stages counted from it.
  const d = e.data as Record<string, any>;
  const promised = e.type === 'order.created' ? (d.promisedDate as string | undefined) : e.type === 'order.revised' ? (d.impact?.promisedDate?.after as string | undefined) : undefined;
  await planForEvent(tx, e.entityId, e.type, e.at, promised ?? null);
}

/** The events after which `track` may have finished a stage (keep in step with its switch). */
export const stageCompletingEvents: ReadonlySet<string> = new Set(['order.created', 'order.confirmed', 'shipment.dispatched', 'order.shipped', 'order.delivered']);

/**
 * A cancelled dispatch steps the order back (`order.shipment_reversed`, data.to = the status
 * it stepped back to); the track follows: per status, the stage that is active again (its
 * finish cleared) and the later stages that go back to not started.
 */
const stepBack: Partial<Record<string, { reopen: StageName; reset: StageName[] }>> = {
  confirmed: { reopen: 'preparation', reset: ['shipping', 'delivery'] },
  in_fulfilment: { reopen: 'preparation', reset: ['shipping', 'delivery'] },
  partially_shipped: { reopen: 'shipping', reset: ['delivery'] },
};

async function track(tx: Tx, e: StoredEvent): Promise<void> {
  const d = e.data as Record<string, any>;
  const id = e.entityId;
  switch (e.type) {
    case 'order.created': {
      await tx
        .insertInto('orderStage')
        .values(
          stageNames.map((stage) => ({
            orderId: id,
            stage,
            ownerId: d.ownerId ?? null,
            dueAt: null,
            startedAt: stage === 'requirement' && d.requirementId ? e.at : null,
            completedAt: stage === 'requirement' && d.requirementId ? e.at : null,
            skipped: stage === 'requirement' && !d.requirementId ? 1 : 0,
            delayReason: null,
          })),
        )
        .onConflict((oc) => oc.columns(['orderId', 'stage']).doNothing())
        .execute();
      return applyOwners(tx, id);
    }
    case 'order.submitted':
      return set(tx, id, 'review', { startedAt: e.at });
    case 'order.confirmed':
      await set(tx, id, 'review', { completedAt: e.at });
      return set(tx, id, 'preparation', { startedAt: e.at });
    case 'shipment.dispatched':
      await set(tx, id, 'preparation', { completedAt: e.at });
      return set(tx, id, 'shipping', { startedAt: e.at });
    case 'order.shipped':
      await set(tx, id, 'shipping', { completedAt: e.at });
      return set(tx, id, 'delivery', { startedAt: e.at });
    case 'order.delivered':
      await set(tx, id, 'delivery', { completedAt: e.at });
      return set(tx, id, 'billing', { startedAt: e.at });
    case 'order.shipment_reversed': {
      const rule = stepBack[String(d.to)];
      if (!rule) return;
      await tx.updateTable('orderStage').set({ completedAt: null }).where('orderId', '=', id).where('stage', '=', rule.reopen).execute();
      await tx.updateTable('orderStage').set({ startedAt: null, completedAt: null }).where('orderId', '=', id).where('stage', 'in', rule.reset).execute();
      return;
    }
    case 'order.cancelled':
      await tx.updateTable('orderStage').set({ skipped: 1, nextAlertAt: null }).where('orderId', '=', id).where('completedAt', 'is', null).execute();
      return;
  }
}

export function registerStageEngine(): void {
  subscribe('stages.track', onEvent);
}
