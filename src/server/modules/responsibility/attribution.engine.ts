import type { PrefillRule } from '../../../contracts/responsibility.ts';
import type { StageName } from '../../../contracts/stages.ts';
import type { Tx } from '../../platform/db/database.ts';
import { localDate } from '../../platform/dates.ts';
import { subscribe, type StoredEvent } from '../../platform/events.ts';
import { AppError } from '../../platform/http/errors.ts';
import { activePrefillRules } from './delay-reasons.repository.ts';
import { missingRequiredItems } from './checklists.repository.ts';
import { stagesFinishedBy } from '../stages/index.ts';

/** Does the rule's condition hold for the event's data? */
export function ruleMatches(rule: PrefillRule, e: Pick<StoredEvent, 'type' | 'data'>): boolean {
  if (rule.event !== e.type) return false;
  if (!rule.when) return true;
  const v = rule.when.path.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), e.data);
  switch (rule.when.op) {
    case 'includes':
      return Array.isArray(v) && v.map(String).includes(rule.when.value ?? '');
    case 'in':
      return typeof v === 'string' && (rule.when.values ?? []).includes(v);
    case 'equals':
      return v !== undefined && v !== null && String(v) === (rule.when.value ?? '');
    case 'nonEmpty':
      return Array.isArray(v) && v.length > 0;
  }
}

/**
 * Runs after the stage engine (`stages.track`) on every order event, in the same transaction:
 * 1. a stage this event finished is refused (CHECKLIST_INCOMPLETE, the whole command rolls
 *    back) while required checklist items are unticked — so whatever completes a stage
 *    (confirm, dispatch, ship, deliver) is gated without the gate knowing those commands;
 * 2. a stage this event finished gets its attribution frozen: late minutes against its due
 *    time (owner and stage are on the row), lead time, the China completion date and the
 *    order's customer; a reason
 *    pre-filled from an event is dropped when the stage turned out on time;
 * 3. events the system already knows (credit, shortage, equipment down, carrier…) pre-fill
 *    the delay reason of the stages they explain, never overwriting one a person chose; a
 *    later known event replaces an earlier pre-fill (the shortage every make-to-order order
 *    confirms with is superseded by the press that went down while it was being made).
 */
async function onEvent(tx: Tx, e: StoredEvent, timeZone: string): Promise<void> {
  if (e.entityType !== 'order') return;
  // Most order events neither finish a stage nor explain a delay: those cost no query (rules are cached).
  const matched = (await activePrefillRules(tx)).filter(({ rule }) => ruleMatches(rule, e));
  if (matched.length === 0 && stagesFinishedBy(e).length === 0) return;
  const stages = await tx
    .selectFrom('orderStage')
    .select(['stage', 'dueAt', 'startedAt', 'completedAt', 'skipped', 'delayReason', 'delaySource'])
    .select((eb) => eb.selectFrom('salesOrder').select('customerId').where('id', '=', e.entityId).as('customerId'))
    .where('orderId', '=', e.entityId)
    .execute();
  if (stages.length === 0) return;
  const prefilled = matched.length > 0;
  for (const { code, rule } of matched) {
    const targets: StageName[] = rule.stage ? [rule.stage] : stages.filter((s) => s.startedAt && (!s.completedAt || s.completedAt === e.at) && !s.skipped).map((s) => s.stage);
    if (targets.length === 0) continue;
    await tx.updateTable('orderStage').set({ delayReason: code, delaySource: 'event', delaySetAt: e.at, delaySetBy: null }).where('orderId', '=', e.entityId).where('stage', 'in', targets).where('skipped', '=', 0).where((eb) => eb.or([eb('delayReason', 'is', null), eb('delaySource', '=', 'event')])).where((eb) => eb.or([eb('completedAt', 'is', null), eb('completedAt', '=', e.at)])).execute();
  }
  const finished = stages.filter((s) => s.completedAt === e.at && !s.skipped);
  if (finished.length) {
    const missing = await missingRequiredItems(tx, e.entityId, finished.map((s) => s.stage));
    if (missing.length) throw new AppError('CHECKLIST_INCOMPLETE', { items: missing });
    const completed = Date.parse(e.at);
    const customerId = stages[0].customerId ?? null;
    for (const s of finished) {
      const delayMinutes = s.dueAt ? Math.max(0, Math.round((completed - Date.parse(s.dueAt)) / 60_000)) : 0;
      const leadMinutes = s.startedAt ? Math.max(0, Math.round((completed - Date.parse(s.startedAt)) / 60_000)) : null;
      const clearPrefill = delayMinutes === 0 && (s.delaySource === 'event' || (prefilled && s.delayReason === null));
      await tx
        .updateTable('orderStage')
        .set({ delayMinutes, leadMinutes, customerId, completedDate: localDate(new Date(completed), timeZone), ...(clearPrefill ? { delayReason: null, delaySource: null } : {}) })
        .where('orderId', '=', e.entityId)
        .where('stage', '=', s.stage)
        .execute();
    }
  }
}

/** Registers the subscriber; call after the stage engine's, so stage times are already written. */
export function registerAttribution(timeZone: string): void {
  subscribe('responsibility.attribution', (tx, e) => onEvent(tx, e, timeZone));
}
