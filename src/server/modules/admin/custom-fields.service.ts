import type { z } from 'zod';
import { checkCustomFields, type CustomField, type customFieldCreateBody, type customFieldPatchBody } from '../../../contracts/custom-fields.ts';
import type { Db, Tx } from '../../platform/db/database.ts';
import { isUniqueViolation, json } from '../../platform/db/dialect.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { appendEvent } from '../../platform/events.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { AppError, fieldError, notFound } from '../../platform/http/errors.ts';
import { newId, nowIso } from '../../platform/ids.ts';

type Entity = CustomField['entity'];

export async function loadCustomFields(q: Db | Tx, entity: Entity, includeInactive = false): Promise<CustomField[]> {
  let qb = q.selectFrom('customField').selectAll().where('entity', '=', entity).orderBy('sort').orderBy('createdAt');
  if (!includeInactive) qb = qb.where('active', '=', 1);
  return (await qb.execute()).map((r) => ({
    id: r.id,
    entity: r.entity,
    key: r.key,
    label: r.label,
    labelEn: r.labelEn,
    type: r.type,
    options: json.read<string[]>(r.options, []),
    required: r.required === 1,
    help: r.help,
    sort: r.sort,
    active: r.active === 1,
  }));
}

/** Throws VALIDATION_FAILED naming each bad `customFields.<key>`; the form designer's rules apply without code. */
export async function assertCustomFields(q: Db | Tx, entity: Entity, values: Record<string, unknown>): Promise<void> {
  const problems = checkCustomFields(await loadCustomFields(q, entity), values);
  if (problems.length) throw new AppError('VALIDATION_FAILED', problems.map((p) => fieldError(p.path, p.code)));
}

/** The form designer: admins define fields per document type; changes are audited. */
export function createCustomFieldsService(db: Db) {
  const get = async (id: string) => {
    const row = await db.selectFrom('customField').select(['entity']).where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound();
    return (await loadCustomFields(db, row.entity, true)).find((f) => f.id === id)!;
  };
  return {
    list: (entity: Entity) => loadCustomFields(db, entity, true),
    async create(actor: Actor, input: z.infer<typeof customFieldCreateBody>) {
      const id = newId();
      await inTransaction(db, async (tx) => {
        try {
          await tx
            .insertInto('customField')
            .values({ id, ...input, labelEn: input.labelEn ?? null, help: input.help ?? null, options: json.write(input.options), required: input.required ? 1 : 0, active: 1, createdAt: nowIso() })
            .execute();
        } catch (err) {
          if (isUniqueViolation(err)) throw new AppError('CODE_TAKEN', [fieldError('key', 'taken')]);
          throw err;
        }
        await appendEvent(tx, { entityType: 'custom_field', entityId: id, type: 'custom_field.created', actor, after: input });
      });
      return get(id);
    },
    async update(actor: Actor, id: string, input: z.infer<typeof customFieldPatchBody>) {
      const before = await get(id);
      await inTransaction(db, async (tx) => {
        const { options, required, active, ...rest } = input;
        await tx
          .updateTable('customField')
          .set({
            ...rest,
            ...(options ? { options: json.write(options) } : {}),
            ...(required !== undefined ? { required: required ? 1 : 0 } : {}),
            ...(active !== undefined ? { active: active ? 1 : 0 } : {}),
          })
          .where('id', '=', id)
          .execute();
        const keys = Object.keys(input) as (keyof CustomField)[];
        await appendEvent(tx, { entityType: 'custom_field', entityId: id, type: 'custom_field.updated', actor, before: Object.fromEntries(keys.map((k) => [k, before[k]])), after: input });
      });
      return get(id);
    },
  };
}

export type CustomFieldsService = ReturnType<typeof createCustomFieldsService>;
