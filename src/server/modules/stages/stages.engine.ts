import { stageNames, type StageName } from '../../../contracts/stages.ts';
import type { Tx } from '../../platform/db/database.ts';
import { subscribe, type StoredEvent } from '../../platform/events.ts';

const HOUR = 3_600_000;
/** End of the promised day in China (UTC+8): delivery is due then, shipping a day and preparation two days earlier. */
const promisedEnd = (date: string) => Date.parse(`${date}T23:59:59+08:00`);
const iso = (ms: number) => new Date(ms).toISOString();

/** Default SLA until admin rules exist: review due 24 h after submit; the rest from the promised date. */
function dueFromPromised(date: string): Partial<Record<StageName, string>> {
  const end = promisedEnd(date);
  return { preparation: iso(end - 48 * HOUR), shipping: iso(end - 24 * HOUR), delivery: iso(end) };
}

async function set(tx: Tx, orderId: string, stage: StageName, patch: { startedAt?: string; completedAt?: string; dueAt?: string; skipped?: number }, onlyIfEmpty = true) {
  let qb = tx.updateTable('orderStage').set(patch).where('orderId', '=', orderId).where('stage', '=', stage);
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
  const d = e.data as Record<string, any>;
  const id = e.entityId;
  switch (e.type) {
    case 'order.created': {
      const due = d.promisedDate ? dueFromPromised(d.promisedDate) : {};
      await tx
        .insertInto('orderStage')
        .values(
          stageNames.map((stage) => ({
            orderId: id,
            stage,
            ownerId: d.ownerId ?? null,
            dueAt: due[stage] ?? null,
            startedAt: stage === 'requirement' && d.requirementId ? e.at : null,
            completedAt: stage === 'requirement' && d.requirementId ? e.at : null,
            skipped: stage === 'requirement' && !d.requirementId ? 1 : 0,
            delayReason: null,
          })),
        )
        .onConflict((oc) => oc.columns(['orderId', 'stage']).doNothing())
        .execute();
      return;
    }
    case 'order.submitted':
      return set(tx, id, 'review', { startedAt: e.at, dueAt: iso(Date.parse(e.at) + 24 * HOUR) });
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
    case 'order.revised': {
      const date = d.impact?.promisedDate?.after as string | undefined;
      if (!date) return;
      for (const [stage, dueAt] of Object.entries(dueFromPromised(date))) await set(tx, id, stage as StageName, { dueAt }, false);
      return;
    }
    case 'order.cancelled':
      await tx.updateTable('orderStage').set({ skipped: 1 }).where('orderId', '=', id).where('completedAt', 'is', null).execute();
      return;
  }
}

export function registerStageEngine(): void {
  subscribe('stages.track', onEvent);
}
