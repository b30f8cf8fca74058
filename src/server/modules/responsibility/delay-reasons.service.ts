import type { z } from 'zod';
import type { delayReasonCreateBody, delayReasonPatchBody } from '../../../contracts/responsibility.ts';
import type { StageName } from '../../../contracts/stages.ts';
import type { Db, Tx } from '../../platform/db/database.ts';
import { json } from '../../platform/db/dialect.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { appendEvent } from '../../platform/events.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { AppError, fieldError, notFound } from '../../platform/http/errors.ts';
import { nowIso } from '../../platform/ids.ts';
import { delayReasons, dropPrefillCache } from './delay-reasons.repository.ts';

/** Roles that may explain any stage's delay besides its owner (the coordinator chases, the manager judges). */
const ATTRIBUTORS = new Set(['admin', 'coordinator', 'sales_manager']);

export function createDelayReasonsService(db: Db) {
  return {
    list: () => delayReasons.list(db),
    async create(actor: Actor, body: z.infer<typeof delayReasonCreateBody>) {
      await inTransaction(db, async (tx) => {
        if (await delayReasons.get(tx, body.code)) throw new AppError('CODE_TAKEN', [fieldError('code', 'taken')]);
        const max = await tx.selectFrom('delayReason').select((eb) => eb.fn.max<number>('sortOrder').as('m')).executeTakeFirst();
        await tx
          .insertInto('delayReason')
          .values({ code: body.code, labelZh: body.labelZh, labelEn: body.labelEn, active: 1, sortOrder: body.sortOrder ?? Number(max?.m ?? 0) + 10, prefill: json.write(body.prefill ?? []), updatedAt: nowIso() })
          .execute();
        await appendEvent(tx, { entityType: 'delay_reason', entityId: body.code, type: 'delay_reason.created', actor, after: body });
        dropPrefillCache(tx);
      });
      return (await delayReasons.get(db, body.code))!;
    },
    async update(actor: Actor, code: string, patch: z.infer<typeof delayReasonPatchBody>) {
      await inTransaction(db, async (tx) => {
        const before = await delayReasons.get(tx, code);
        if (!before) throw notFound();
        await tx
          .updateTable('delayReason')
          .set({
            ...(patch.labelZh !== undefined ? { labelZh: patch.labelZh } : {}),
            ...(patch.labelEn !== undefined ? { labelEn: patch.labelEn } : {}),
            ...(patch.active !== undefined ? { active: patch.active ? 1 : 0 } : {}),
            ...(patch.sortOrder !== undefined ? { sortOrder: patch.sortOrder } : {}),
            ...(patch.prefill !== undefined ? { prefill: json.write(patch.prefill) } : {}),
            updatedAt: nowIso(),
          })
          .where('code', '=', code)
          .execute();
        await appendEvent(tx, { entityType: 'delay_reason', entityId: code, type: 'delay_reason.updated', actor, before, after: patch });
        dropPrefillCache(tx);
      });
      return (await delayReasons.get(db, code))!;
    },
  };
}
export type DelayReasonsService = ReturnType<typeof createDelayReasonsService>;

/**
 * Explains a late stage: its owner, or a coordinator, manager or admin, picks an active reason
 * (and may add a note). Only a stage that finished late or is late now has a delay to explain.
 * The caller has checked the order is visible and holds the transaction.
 */
export async function attributeDelay(tx: Tx, actor: Actor, input: { orderId: string; stage: StageName; reason: string; note: string | null }) {
  const s = await tx.selectFrom('orderStage').select(['ownerId', 'dueAt', 'completedAt', 'skipped', 'delayMinutes', 'delayReason', 'delayNote']).where('orderId', '=', input.orderId).where('stage', '=', input.stage).executeTakeFirst();
  if (!s) throw notFound();
  if (s.ownerId !== actor.id && !actor.roles.some((r) => ATTRIBUTORS.has(r))) throw new AppError('FORBIDDEN', { reason: 'not_stage_owner' });
  const reason = await delayReasons.get(tx, input.reason);
  if (!reason || !reason.active) throw new AppError('VALIDATION_FAILED', [fieldError('delayReason', 'not_found')]);
  const now = Date.now();
  const lateMinutes = s.completedAt ? Number(s.delayMinutes ?? 0) : s.dueAt && !s.skipped ? Math.max(0, Math.round((now - Date.parse(s.dueAt)) / 60_000)) : 0;
  if (lateMinutes <= 0) throw new AppError('STAGE_NOT_LATE', { stage: input.stage });
  await tx
    .updateTable('orderStage')
    .set({ delayReason: reason.code, delayNote: input.note, delaySource: 'user', delaySetBy: actor.id, delaySetAt: new Date(now).toISOString() })
    .where('orderId', '=', input.orderId)
    .where('stage', '=', input.stage)
    .execute();
  await appendEvent(tx, {
    entityType: 'order',
    entityId: input.orderId,
    type: 'stage.delay_attributed',
    actor,
    stage: input.stage,
    before: { delayReason: s.delayReason, delayNote: s.delayNote ?? null },
    after: { delayReason: reason.code, delayNote: input.note },
    data: { ownerId: s.ownerId, lateMinutes, label: reason.labelZh, labelEn: reason.labelEn, note: input.note },
  });
}
