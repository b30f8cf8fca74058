import { sql } from 'kysely';
import { stageNames, type StageName } from '../../../contracts/stages.ts';
import type { Tx } from '../../platform/db/database.ts';
import { subscribe, type StoredEvent } from '../../platform/events.ts';
import { inChunks } from '../../platform/db/chunks.ts';
import { newTrackPlanner, planForEvent } from '../sla/index.ts';

/**
 * Per event, the stage it finishes and the stage it starts (the track's state machine as
 * data). Actual times are only ever set once: a repeated event changes nothing.
 */
const steps: Partial<Record<string, { finish?: StageName; start?: StageName }>> = {
  'order.submitted': { start: 'review' },
  'order.confirmed': { finish: 'review', start: 'preparation' },
  'shipment.dispatched': { finish: 'preparation', start: 'shipping' },
  'order.shipped': { finish: 'shipping', start: 'delivery' },
  'order.delivered': { finish: 'delivery', start: 'billing' },
};

/** One statement per event: the finished stage gets its finish (and nothing left to remind of), the next its start. */
async function step(tx: Tx, orderId: string, at: string, { finish = null, start = null }: { finish?: StageName | null; start?: StageName | null }) {
  await sql`update order_stage set
      completed_at = case when stage = ${finish} and completed_at is null then ${at} else completed_at end,
      next_alert_at = case when stage = ${finish} and completed_at is null then null else next_alert_at end,
      started_at = case when stage = ${start} and started_at is null then ${at} else started_at end
    where order_id = ${orderId} and stage in (${finish}, ${start})`.execute(tx);
}

/**
 * The stage track learns from the order's events (it never calls the modules that emit
 * them): actual start and finish are the times things happened, not typed by hand.
 */
async function onEvent(tx: Tx, e: StoredEvent): Promise<void> {
  if (e.entityType !== 'order') return;
  if (e.type === 'order.created') return createTracks(tx, [e]);
  await track(tx, e);
  // Due times come from the admin's SLA rules (module sla): the event's type is an anchor,
  // and a revised promised date moves the stages counted from it.
  const promised = e.type === 'order.revised' ? ((e.data as Record<string, any>).impact?.promisedDate?.after as string | undefined) : undefined;
  await planForEvent(tx, e.entityId, e.type, e.at, promised ?? null);
}

/** An import's new orders: their tracks in one statement per 1,000 stages, not a few per order. */
async function onEvents(tx: Tx, events: StoredEvent[]): Promise<void> {
  if (events.every((e) => e.entityType === 'order' && e.type === 'order.created')) return createTracks(tx, events);
  for (const e of events) await onEvent(tx, e);
}

/**
 * Seven stages per new order, written with what the SLA rules give them: owners, and due
 * times counted from creation and the promised date. An order from a requirement starts with
 * that stage done; one without skips it.
 */
async function createTracks(tx: Tx, created: StoredEvent[]): Promise<void> {
  const plan = await newTrackPlanner(tx);
  const rows = created.flatMap((e) => {
    const d = e.data as Record<string, any>;
    const planned = plan({ at: e.at, promisedDate: d.promisedDate ?? null });
    return stageNames.map((stage) => {
      // The requirement stage is done (an order from a requirement) or skipped from the start: no due time.
      const requirement = stage === 'requirement';
      const done = requirement && d.requirementId ? e.at : null;
      const { dueAt = null, nextAlertAt = null, ...owner } = planned.get(stage) ?? {};
      return {
        orderId: e.entityId,
        stage,
        ownerId: d.ownerId ?? null,
        ownerRole: null,
        ...owner,
        dueAt: requirement ? null : dueAt,
        nextAlertAt: requirement ? null : nextAlertAt,
        startedAt: done,
        completedAt: done,
        skipped: requirement && !done ? 1 : 0,
        delayReason: null,
      };
    });
  });
  // A repeated order.created changes nothing (actual times are only ever set once).
  for (const part of inChunks(rows, 1000)) {
    await tx
      .insertInto('orderStage')
      .values(part)
      .onConflict((oc) => oc.columns(['orderId', 'stage']).doNothing())
      .execute();
  }
}

/** The stages an event finished on the track (a new order from a requirement finishes that stage at once). */
export function stagesFinishedBy(e: Pick<StoredEvent, 'type' | 'data'>): StageName[] {
  if (e.type === 'order.created') return e.data.requirementId ? ['requirement'] : [];
  const finish = steps[e.type]?.finish;
  return finish ? [finish] : [];
}

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
  const next = steps[e.type];
  if (next) return step(tx, id, e.at, next);
  switch (e.type) {
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
  subscribe('stages.track', onEvent, onEvents);
}
