import type { z } from 'zod';
import type { ApprovalRule, approvalRuleCreateBody, approvalRulePatchBody } from '../../../contracts/approvals.ts';
import type { Db, Tx } from '../../platform/db/database.ts';
import { json } from '../../platform/db/dialect.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { appendEvent } from '../../platform/events.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { AppError, fieldError, notFound } from '../../platform/http/errors.ts';
import { newId, nowIso } from '../../platform/ids.ts';

type Levels = z.infer<typeof approvalRuleCreateBody>['levels'];

/** Approval rules are data edited by an admin; each change is a new version on the audit trail. */
export function createRulesService(db: Db) {
  const toDto = (r: { id: string; name: string; documentType: string; condition: string; levels: string; active: number; version: number; updatedAt: string }): ApprovalRule => ({
    id: r.id,
    name: r.name,
    documentType: r.documentType,
    condition: json.read(r.condition, null),
    levels: json.read(r.levels, []),
    active: r.active === 1,
    version: r.version,
    updatedAt: r.updatedAt,
  });
  const get = async (id: string) => {
    const r = await db.selectFrom('approvalRule').selectAll().where('id', '=', id).executeTakeFirst();
    if (!r) throw notFound();
    return toDto(r);
  };
  /** Named approvers must exist and roles must be real, or the chain would wait forever. */
  async function assertLevels(tx: Tx, levels: Levels) {
    for (const [i, l] of levels.entries()) {
      if (l.approverRole && !(await tx.selectFrom('role').select('key').where('key', '=', l.approverRole).executeTakeFirst())) {
        throw new AppError('VALIDATION_FAILED', [fieldError(`levels.${i}.approverRole`, 'unknown_role')]);
      }
      if (l.approverUserId && !(await tx.selectFrom('appUser').select('id').where('id', '=', l.approverUserId).where('active', '=', 1).executeTakeFirst())) {
        throw new AppError('VALIDATION_FAILED', [fieldError(`levels.${i}.approverUserId`, 'not_found')]);
      }
    }
  }
  return {
    get,
    async list() {
      return (await db.selectFrom('approvalRule').selectAll().orderBy('id').execute()).map(toDto);
    },
    async create(actor: Actor, input: z.infer<typeof approvalRuleCreateBody>) {
      const id = newId();
      await inTransaction(db, async (tx) => {
        await assertLevels(tx, input.levels);
        await tx
          .insertInto('approvalRule')
          .values({ id, name: input.name, documentType: input.documentType, condition: json.write(input.condition), levels: json.write(input.levels), active: input.active ? 1 : 0, version: 1, updatedAt: nowIso() })
          .execute();
        await appendEvent(tx, { entityType: 'approval_rule', entityId: id, type: 'approval_rule.created', actor, after: input });
      });
      return get(id);
    },
    async update(actor: Actor, id: string, input: z.infer<typeof approvalRulePatchBody>) {
      const before = await get(id);
      await inTransaction(db, async (tx) => {
        if (input.levels) await assertLevels(tx, input.levels);
        await tx
          .updateTable('approvalRule')
          .set({
            ...(input.name ? { name: input.name } : {}),
            ...(input.condition ? { condition: json.write(input.condition) } : {}),
            ...(input.levels ? { levels: json.write(input.levels) } : {}),
            ...(input.active !== undefined ? { active: input.active ? 1 : 0 } : {}),
            version: before.version + 1,
            updatedAt: nowIso(),
          })
          .where('id', '=', id)
          .execute();
        await appendEvent(tx, { entityType: 'approval_rule', entityId: id, type: 'approval_rule.updated', actor, before, after: input, data: { version: before.version + 1 } });
      });
      return get(id);
    },
  };
}
export type RulesService = ReturnType<typeof createRulesService>;
