import type { z } from 'zod';
import { checklistStages, type checklistPutBody } from '../../../contracts/responsibility.ts';
import { stageNames, type StageName } from '../../../contracts/stages.ts';
import type { Db } from '../../platform/db/database.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { appendEvent } from '../../platform/events.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { AppError, fieldError, notFound } from '../../platform/http/errors.ts';
import { newId, nowIso } from '../../platform/ids.ts';
import { checklistItems } from './checklists.repository.ts';
import { visibleOrder } from './scope.ts';

const itemDto = (r: { id: string; stage: StageName; labelZh: string; labelEn: string; required: number; sortOrder: number }) => ({ id: r.id, stage: r.stage, labelZh: r.labelZh, labelEn: r.labelEn, required: r.required === 1, sortOrder: Number(r.sortOrder) });

/**
 * Checklists at key nodes (customer confirmation, finance review, shipping notice): items an
 * admin defines per stage; on an order each is ticked (who, when) or unticked with a reason,
 * all on the timeline. Completion of a stage is gated in the attribution engine.
 */
export function createChecklistsService(db: Db) {
  return {
    async get(stage: StageName) {
      return { stage, items: (await checklistItems(db, [stage])).map(itemDto) };
    },
    /** Replaces the stage's list: kept ids are updated, new ones added, missing ones retired (ticks keep their meaning). */
    async put(actor: Actor, stage: StageName, body: z.infer<typeof checklistPutBody>) {
      if (!(checklistStages as readonly string[]).includes(stage)) throw new AppError('VALIDATION_FAILED', [fieldError('stage', 'invalid_select')]);
      await inTransaction(db, async (tx) => {
        const current = await checklistItems(tx, [stage]);
        const known = new Set(current.map((c) => c.id));
        const errors = body.items.flatMap((it, i) => (it.id && !known.has(it.id) ? [fieldError(`items.${i}.id`, 'not_found')] : []));
        if (errors.length) throw new AppError('VALIDATION_FAILED', errors);
        const now = nowIso();
        const kept = new Set<string>();
        for (const [i, it] of body.items.entries()) {
          if (it.id) {
            kept.add(it.id);
            await tx.updateTable('checklistItem').set({ labelZh: it.labelZh, labelEn: it.labelEn, required: it.required ? 1 : 0, sortOrder: i, updatedAt: now }).where('id', '=', it.id).execute();
          } else {
            await tx.insertInto('checklistItem').values({ id: newId(), stage, labelZh: it.labelZh, labelEn: it.labelEn, required: it.required ? 1 : 0, sortOrder: i, active: 1, updatedAt: now }).execute();
          }
        }
        const retired = current.filter((c) => !kept.has(c.id)).map((c) => c.id);
        if (retired.length) await tx.updateTable('checklistItem').set({ active: 0, updatedAt: now }).where('id', 'in', retired).execute();
        await appendEvent(tx, { entityType: 'checklist', entityId: stage, type: 'checklist.updated', actor, before: current.map(itemDto), after: body.items });
      });
      return this.get(stage);
    },
    async ofOrder(actor: Actor, orderId: string) {
      await visibleOrder(db, actor, orderId);
      const items = await checklistItems(db, stageNames);
      const ticks = await db.selectFrom('checklistTick').leftJoin('appUser', 'appUser.id', 'checklistTick.tickedBy').select(['checklistTick.itemId', 'checklistTick.tickedBy', 'checklistTick.tickedAt', 'appUser.displayName']).where('checklistTick.orderId', '=', orderId).execute();
      const stages = await db.selectFrom('orderStage').select(['stage', 'completedAt', 'skipped', 'startedAt']).where('orderId', '=', orderId).execute();
      const tickOf = new Map(ticks.map((t) => [t.itemId, t]));
      const byStage = new Map<StageName, ReturnType<typeof itemDto>[]>();
      for (const it of items) byStage.set(it.stage, [...(byStage.get(it.stage) ?? []), itemDto(it)]);
      return {
        items: [...byStage.entries()]
          .sort((a, b) => stageNames.indexOf(a[0]) - stageNames.indexOf(b[0]))
          .map(([stage, list]) => {
            const s = stages.find((x) => x.stage === stage);
            const withTicks = list.map((it) => {
              const t = tickOf.get(it.id);
              return { ...it, tickedBy: t?.tickedBy ?? null, tickedByName: t?.displayName ?? null, tickedAt: t?.tickedAt ?? null };
            });
            const state = !s ? 'pending' : s.skipped ? 'skipped' : s.completedAt ? 'done' : s.startedAt ? 'active' : 'pending';
            return { stage, state, complete: withTicks.every((i) => !i.required || i.tickedAt), items: withTicks };
          }),
      };
    },
    /** Ticks (or unticks, with a reason) one item; refused once the stage is finished or skipped. */
    async tick(actor: Actor, orderId: string, stage: StageName, itemId: string, input: { ticked: boolean; reason?: string }) {
      const o = await visibleOrder(db, actor, orderId);
      if (!input.ticked && !input.reason) throw new AppError('VALIDATION_FAILED', [fieldError('reason', 'required')]);
      await inTransaction(db, async (tx) => {
        const item = await tx.selectFrom('checklistItem').selectAll().where('id', '=', itemId).where('stage', '=', stage).where('active', '=', 1).executeTakeFirst();
        if (!item) throw notFound();
        const s = await tx.selectFrom('orderStage').select(['completedAt', 'skipped']).where('orderId', '=', o.id).where('stage', '=', stage).executeTakeFirst();
        if (!s || s.completedAt || s.skipped) throw new AppError('INVALID_STATE', { stage, reason: 'stage_closed' });
        const at = nowIso();
        if (input.ticked) {
          const r = await tx.insertInto('checklistTick').values({ orderId: o.id, itemId, tickedBy: actor.id, tickedAt: at }).onConflict((oc) => oc.columns(['orderId', 'itemId']).doNothing()).executeTakeFirst();
          if (Number(r.numInsertedOrUpdatedRows ?? 0) === 0) return; // already ticked: nothing new to record
          await appendEvent(tx, { entityType: 'order', entityId: o.id, type: 'checklist.ticked', actor, stage, data: { itemId, label: item.labelZh, labelEn: item.labelEn } });
        } else {
          const r = await tx.deleteFrom('checklistTick').where('orderId', '=', o.id).where('itemId', '=', itemId).executeTakeFirst();
          if (Number(r.numDeletedRows) === 0) return;
          await appendEvent(tx, { entityType: 'order', entityId: o.id, type: 'checklist.unticked', actor, stage, data: { itemId, label: item.labelZh, labelEn: item.labelEn, reason: input.reason } });
        }
      });
      return this.ofOrder(actor, orderId);
    },
  };
}
export type ChecklistsService = ReturnType<typeof createChecklistsService>;
