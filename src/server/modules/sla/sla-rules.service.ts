import type { z } from 'zod';
import { slaAnchors, type slaDryRunBody, type slaDryRunReply, type SlaRule, type SlaRuleInput, type slaRulePatchBody } from '../../../contracts/sla.ts';
import { stageNames, type StageName } from '../../../contracts/stages.ts';
import type { Db, Tx } from '../../platform/db/database.ts';
import { json } from '../../platform/db/dialect.ts';
import { inTransaction, onCommit } from '../../platform/db/transaction.ts';
import { appendEvent } from '../../platform/events.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { AppError, fieldError, notFound } from '../../platform/http/errors.ts';
import { newId, nowIso } from '../../platform/ids.ts';
import { RESCAN_NOW, invalidateSlaConfig, ruleFromRow, slaConfig } from './sla.config.ts';
import { alertSchedule, dueFrom, promisedEnd } from './sla.plan.ts';

type Parts = Pick<SlaRuleInput, 'owner' | 'queueRole' | 'escalations'>;

/** Roles and named users a rule points at must exist (and be active), or its alerts would reach nobody. */
async function assertRefs(tx: Tx, r: Partial<Parts>) {
  const errors: ReturnType<typeof fieldError>[] = [];
  const role = async (path: string, key: string) => {
    if (!(await tx.selectFrom('role').select('key').where('key', '=', key).executeTakeFirst())) errors.push(fieldError(path, 'unknown_role'));
  };
  const user = async (path: string, id: string) => {
    const u = await tx.selectFrom('appUser').select('active').where('id', '=', id).executeTakeFirst();
    if (!u) errors.push(fieldError(path, 'not_found'));
    else if (u.active !== 1) errors.push(fieldError(path, 'inactive_user'));
  };
  if (r.owner?.type === 'role') await role('owner.role', r.owner.role);
  if (r.owner?.type === 'user') await user('owner.userId', r.owner.userId);
  if (r.queueRole) await role('queueRole', r.queueRole);
  for (const [i, e] of (r.escalations ?? []).entries()) {
    if (e.to.type === 'role') await role(`escalations.${i}.to.role`, e.to.role);
    if (e.to.type === 'user') await user(`escalations.${i}.to.userId`, e.to.userId);
  }
  if (errors.length) throw new AppError('VALIDATION_FAILED', errors);
}

/** Open stages of the stage are handed back to the scan, which times their alerts by the new rule. */
const rescan = (tx: Tx, stage: StageName) =>
  tx.updateTable('orderStage').set({ nextAlertAt: RESCAN_NOW }).where('stage', '=', stage).where('completedAt', 'is', null).where('skipped', '=', 0).where('dueAt', 'is not', null).execute();

/**
 * SLA rules are data edited by an admin; each change is a new version with before/after on
 * the event log. New rules apply to the anchor events that happen from now on; due times
 * already planned stay (the dry run shows what the new rule would make of them), while
 * reminders and escalations of open stages are re-timed at once.
 */
export function createSlaRulesService(db: Db) {
  const get = async (id: string): Promise<SlaRule> => {
    const r = await db.selectFrom('slaRule').selectAll().where('id', '=', id).executeTakeFirst();
    if (!r) throw notFound();
    return ruleFromRow(r);
  };
  return {
    get,
    async list(): Promise<SlaRule[]> {
      const rows = (await db.selectFrom('slaRule').selectAll().execute()).map(ruleFromRow);
      return rows.sort((a, b) => stageNames.indexOf(a.stage) - stageNames.indexOf(b.stage));
    },
    async create(actor: Actor, input: SlaRuleInput): Promise<SlaRule> {
      const id = newId();
      await inTransaction(db, async (tx) => {
        if (await tx.selectFrom('slaRule').select('id').where('stage', '=', input.stage).executeTakeFirst()) throw new AppError('VALIDATION_FAILED', [fieldError('stage', 'taken')]);
        await assertRefs(tx, input);
        const at = nowIso();
        await tx
          .insertInto('slaRule')
          .values({ id, stage: input.stage, name: input.name, owner: json.write(input.owner), queueRole: input.queueRole, due: json.write(input.due), reminders: json.write(input.reminders), escalations: json.write(input.escalations), active: input.active ? 1 : 0, version: 1, updatedAt: at })
          .execute();
        await appendEvent(tx, { entityType: 'sla_rule', entityId: id, type: 'sla_rule.created', actor, after: input, data: { version: 1 } });
        await rescan(tx, input.stage);
        onCommit(tx, () => invalidateSlaConfig(db));
      });
      return get(id);
    },
    async update(actor: Actor, id: string, input: z.infer<typeof slaRulePatchBody>): Promise<SlaRule> {
      await inTransaction(db, async (tx) => {
        const row = await tx.selectFrom('slaRule').selectAll().where('id', '=', id).executeTakeFirst();
        if (!row) throw notFound();
        const before = ruleFromRow(row);
        if (input.version !== undefined && input.version !== before.version) throw new AppError('CONFLICT', [fieldError('version', 'version_mismatch', { current: before.version })]);
        await assertRefs(tx, input);
        const at = nowIso();
        const r = await tx
          .updateTable('slaRule')
          .set({
            ...(input.name !== undefined ? { name: input.name } : {}),
            ...(input.owner ? { owner: json.write(input.owner) } : {}),
            ...(input.queueRole ? { queueRole: input.queueRole } : {}),
            ...(input.due ? { due: json.write(input.due) } : {}),
            ...(input.reminders ? { reminders: json.write(input.reminders) } : {}),
            ...(input.escalations ? { escalations: json.write(input.escalations) } : {}),
            ...(input.active !== undefined ? { active: input.active ? 1 : 0 } : {}),
            version: before.version + 1,
            updatedAt: at,
          })
          .where('id', '=', id)
          .where('version', '=', before.version)
          .executeTakeFirst();
        if (Number(r.numUpdatedRows) !== 1) throw new AppError('CONFLICT', [fieldError('version', 'version_mismatch')]);
        const { version: _v, ...change } = input;
        await appendEvent(tx, { entityType: 'sla_rule', entityId: id, type: 'sla_rule.updated', actor, before, after: change, data: { version: before.version + 1 } });
        await rescan(tx, before.stage);
        onCommit(tx, () => invalidateSlaConfig(db));
      });
      return get(id);
    },

    /**
     * What the proposed rules would make of the open orders now: per stage the due times they
     * would give (from the anchors each order already has), how many stages would be late,
     * inside a reminder window or escalated, and how many due times would change.
     */
    async dryRun(body: z.infer<typeof slaDryRunBody>, now = Date.now()): Promise<z.infer<typeof slaDryRunReply>> {
      const { rules, calendar } = await slaConfig(db, { fresh: true });
      const proposed = new Map<StageName, Pick<SlaRule, 'due' | 'reminders' | 'escalations' | 'active'>>(rules);
      for (const r of body.rules) proposed.set(r.stage, r);
      const stages = await db
        .selectFrom('orderStage')
        .innerJoin('salesOrder', 'salesOrder.id', 'orderStage.orderId')
        .select(['orderStage.orderId', 'orderStage.stage', 'orderStage.dueAt', 'salesOrder.number', 'salesOrder.promisedDate'])
        .where('orderStage.completedAt', 'is', null)
        .where('orderStage.skipped', '=', 0)
        .where('salesOrder.status', 'not in', ['draft', 'cancelled', 'completed'])
        .orderBy('orderStage.orderId', 'desc')
        .limit(20_000)
        .execute();
      const orderIds = [...new Set(stages.map((s) => s.orderId))];
      const anchors = new Map<string, number>();
      const eventTypes = slaAnchors.filter((a) => a !== 'promised_date');
      for (let i = 0; i < orderIds.length; i += 500) {
        const rows = await db
          .selectFrom('event')
          .select(['entityId', 'type'])
          .select((eb) => eb.fn.max('at').as('at'))
          .where('entityType', '=', 'order')
          .where('entityId', 'in', orderIds.slice(i, i + 500))
          .where('type', 'in', eventTypes)
          .groupBy(['entityId', 'type'])
          .execute();
        for (const r of rows) anchors.set(`${r.entityId}|${r.type}`, Date.parse(String(r.at)));
      }
      const per = new Map(stageNames.map((s) => [s, { stage: s, open: 0, withDue: 0, late: 0, reminded: 0, escalated: 0, changed: 0 }]));
      const samples: z.infer<typeof slaDryRunReply>['samples'] = [];
      for (const s of stages) {
        const agg = per.get(s.stage)!;
        agg.open++;
        const rule = proposed.get(s.stage);
        let due: number | null = null;
        if (rule?.active) {
          const anchorAt = rule.due.anchor === 'promised_date' ? promisedEnd(s.promisedDate) : anchors.get(`${s.orderId}|${rule.due.anchor}`);
          if (anchorAt !== undefined) due = dueFrom(rule, anchorAt, calendar);
        }
        const proposedDueAt = due === null ? null : new Date(due).toISOString();
        if (proposedDueAt !== s.dueAt) agg.changed++;
        let state: 'ok' | 'reminded' | 'late' = 'ok';
        if (due !== null && rule) {
          agg.withDue++;
          const plan = alertSchedule(rule, due, calendar);
          if (now > due) state = 'late';
          else if (plan.some((a) => a.kind === 'reminder' && a.at <= now)) state = 'reminded';
          if (state === 'late') agg.late++;
          if (state === 'reminded') agg.reminded++;
          if (plan.some((a) => a.kind === 'escalation' && a.at <= now)) agg.escalated++;
        }
        if (samples.length < 100 && (state !== 'ok' || proposedDueAt !== s.dueAt)) samples.push({ orderId: s.orderId, number: s.number, stage: s.stage, currentDueAt: s.dueAt, proposedDueAt, state });
      }
      return { at: new Date(now).toISOString(), orders: orderIds.length, stages: [...per.values()].filter((p) => p.open > 0 || proposed.has(p.stage)), samples };
    },
  };
}
export type SlaRulesService = ReturnType<typeof createSlaRulesService>;
