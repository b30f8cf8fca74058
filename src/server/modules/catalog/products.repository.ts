import type { Db, Tx } from '../../platform/db/database.ts';
import type { ProductTable } from '../../db/schema.ts';

type Q = Db | Tx;

export const products = {
  byId: (q: Q, id: string) => q.selectFrom('product').selectAll().where('id', '=', id).executeTakeFirst(),
  byIds: (q: Q, ids: string[]) => (ids.length ? q.selectFrom('product').selectAll().where('id', 'in', ids).execute() : Promise.resolve([])),
  bySkus: (q: Q, skus: string[]) => (skus.length ? q.selectFrom('product').selectAll().where('sku', 'in', skus).execute() : Promise.resolve([])),
  insert: (q: Q, row: ProductTable) => q.insertInto('product').values(row).execute(),
  update: (q: Q, id: string, patch: Partial<ProductTable>) => q.updateTable('product').set(patch).where('id', '=', id).execute(),
  list(q: Q, f: { limit: number; after?: string; q?: string; category?: string; makeOrBuy?: 'make' | 'buy'; active?: boolean }) {
    let qb = q.selectFrom('product').selectAll().orderBy('sku').limit(f.limit + 1);
    if (f.after) qb = qb.where('sku', '>', f.after);
    if (f.q) {
      const like = `%${f.q.toLowerCase()}%`;
      qb = qb.where((eb) => eb.or([eb(eb.fn('lower', ['sku']), 'like', like), eb(eb.fn('lower', ['name']), 'like', like)]));
    }
    if (f.category) qb = qb.where('category', '=', f.category);
    if (f.makeOrBuy) qb = qb.where('makeOrBuy', '=', f.makeOrBuy);
    if (f.active !== undefined) qb = qb.where('active', '=', f.active ? 1 : 0);
    return qb.execute();
  },
};

/** The tier price in force on `date` (YYYY-MM-DD) per product; the newest list wins. */
export async function tierPrices(q: Q, productIds: string[], tier: string, date: string): Promise<Map<string, number>> {
  if (productIds.length === 0) return new Map();
  const rows = await q
    .selectFrom('priceListItem as i')
    .innerJoin('priceList as l', 'l.id', 'i.priceListId')
    .select(['i.productId', 'i.unitPrice', 'l.createdAt'])
    .where('i.productId', 'in', productIds)
    .where('l.active', '=', 1)
    .where((eb) => eb.or([eb('l.tier', '=', tier), eb('l.tier', 'is', null)]))
    .where((eb) => eb.or([eb('l.validFrom', 'is', null), eb('l.validFrom', '<=', date)]))
    .where((eb) => eb.or([eb('l.validTo', 'is', null), eb('l.validTo', '>=', date)]))
    .orderBy('l.createdAt', 'asc')
    .execute();
  return new Map(rows.map((r) => [r.productId, Number(r.unitPrice)]));
}
