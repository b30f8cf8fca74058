import type { z } from 'zod';
import type { priceListCreateBody, priceListPatchBody } from '../../../contracts/catalog.ts';
import type { Tx } from '../../platform/db/database.ts';
import type { Db } from '../../platform/db/database.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { appendEvent } from '../../platform/events.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { AppError, fieldError, notFound } from '../../platform/http/errors.ts';
import { newId, nowIso } from '../../platform/ids.ts';

/** Unknown products and products listed twice, as field errors on `items.<i>.productId`. */
async function itemProblems(tx: Tx, items: { productId: string }[]) {
  const known = new Set((await tx.selectFrom('product').select('id').where('id', 'in', items.length ? items.map((i) => i.productId) : ['-']).execute()).map((p) => p.id));
  const seen = new Set<string>();
  return items.flatMap((it, i) => {
    if (!known.has(it.productId)) return [fieldError(`items.${i}.productId`, 'not_found')];
    if (seen.has(it.productId)) return [fieldError(`items.${i}.productId`, 'duplicate_product')];
    seen.add(it.productId);
    return [];
  });
}

/** Tier price lists with validity dates; the newest list in force wins (see tierPrices). */
export function createPriceListsService(db: Db) {
  const get = async (id: string) => {
    const l = await db.selectFrom('priceList').selectAll().where('id', '=', id).executeTakeFirst();
    if (!l) throw notFound();
    const items = await db
      .selectFrom('priceListItem as i')
      .innerJoin('product as p', 'p.id', 'i.productId')
      .select(['i.productId', 'p.sku', 'p.name', 'i.unitPrice'])
      .where('i.priceListId', '=', id)
      .orderBy('p.sku')
      .execute();
    return { id: l.id, name: l.name, tier: l.tier, validFrom: l.validFrom, validTo: l.validTo, active: l.active === 1, items: items.map((i) => ({ ...i, unitPrice: Number(i.unitPrice) })) };
  };
  return {
    get,
    async list() {
      const rows = await db.selectFrom('priceList').select('id').orderBy('createdAt', 'desc').execute();
      return Promise.all(rows.map((r) => get(r.id)));
    },
    async create(actor: Actor, input: z.infer<typeof priceListCreateBody>) {
      if (input.validFrom && input.validTo && input.validTo < input.validFrom) throw new AppError('VALIDATION_FAILED', [fieldError('validTo', 'date_in_past')]);
      const id = newId();
      await inTransaction(db, async (tx) => {
        const known = new Set((await tx.selectFrom('product').select('id').where('id', 'in', input.items.length ? input.items.map((i) => i.productId) : ['-']).execute()).map((p) => p.id));
        const missing = input.items.flatMap((it, i) => (known.has(it.productId) ? [] : [fieldError(`items.${i}.productId`, 'not_found')]));
        if (missing.length) throw new AppError('VALIDATION_FAILED', missing);
        await tx.insertInto('priceList').values({ id, name: input.name, tier: input.tier ?? null, validFrom: input.validFrom ?? null, validTo: input.validTo ?? null, currency: 'CNY', active: 1, createdAt: nowIso() }).execute();
        if (input.items.length) await tx.insertInto('priceListItem').values(input.items.map((i) => ({ priceListId: id, productId: i.productId, unitPrice: i.unitPrice }))).execute();
        await appendEvent(tx, { entityType: 'price_list', entityId: id, type: 'price_list.created', actor, data: { name: input.name, tier: input.tier ?? null, items: input.items.length } });
      });
      return get(id);
    },

    /**
     * Changes a list in place (name, tier, dates, active) and, with `items`, replaces its
     * prices. Dates are checked against the values the list will have, not only those sent.
     */
    async update(actor: Actor, id: string, patch: z.infer<typeof priceListPatchBody>) {
      await inTransaction(db, async (tx) => {
        const l = await tx.selectFrom('priceList').selectAll().where('id', '=', id).executeTakeFirst();
        if (!l) throw notFound();
        const validFrom = patch.validFrom !== undefined ? patch.validFrom : l.validFrom;
        const validTo = patch.validTo !== undefined ? patch.validTo : l.validTo;
        const problems = [];
        if (validFrom && validTo && validTo < validFrom) problems.push(fieldError(patch.validTo !== undefined ? 'validTo' : 'validFrom', 'before_valid_from'));
        if (patch.items) problems.push(...(await itemProblems(tx, patch.items)));
        if (problems.length) throw new AppError('VALIDATION_FAILED', problems);
        const set = {
          ...(patch.name !== undefined ? { name: patch.name } : {}),
          ...(patch.tier !== undefined ? { tier: patch.tier } : {}),
          ...(patch.validFrom !== undefined ? { validFrom: patch.validFrom } : {}),
          ...(patch.validTo !== undefined ? { validTo: patch.validTo } : {}),
          ...(patch.active !== undefined ? { active: patch.active ? 1 : 0 } : {}),
        };
        if (Object.keys(set).length) await tx.updateTable('priceList').set(set).where('id', '=', id).execute();
        if (patch.items) {
          await tx.deleteFrom('priceListItem').where('priceListId', '=', id).execute();
          if (patch.items.length) await tx.insertInto('priceListItem').values(patch.items.map((i) => ({ priceListId: id, productId: i.productId, unitPrice: i.unitPrice }))).execute();
        }
        const before = { name: l.name, tier: l.tier, validFrom: l.validFrom, validTo: l.validTo, active: l.active === 1 };
        await appendEvent(tx, { entityType: 'price_list', entityId: id, type: 'price_list.updated', actor, data: { before, fields: Object.keys(patch), ...(patch.items ? { items: patch.items.length } : {}) } });
      });
      return get(id);
    },
  };
}
export type PriceListsService = ReturnType<typeof createPriceListsService>;
