/**
 * Read-only facts about products that stock rules need (unit decimals, active, labels).
 * The catalog module owns the table; inventory sits above catalog in the layering
 * (CONVENTIONS rule 7), and reading these columns in SQL keeps level lists to one join
 * instead of a door call per page.
 */
import type { Db, Tx } from '../../platform/db/database.ts';

type Q = Db | Tx;

export function productFacts(q: Q, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return q.selectFrom('product').select(['id', 'sku', 'name', 'unit', 'unitDecimals', 'active', 'cost']).where('id', 'in', ids).execute();
}

export type ProductFacts = Awaited<ReturnType<typeof productFacts>>[number];
