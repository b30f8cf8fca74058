import type { StockCountDetail } from '../../../contracts/inventory.ts';
import type { Db, Tx } from '../../platform/db/database.ts';
import { notFound } from '../../platform/http/errors.ts';
import { toCount, toCountLine } from './stock-count.mapper.ts';
import { selectCountLines, selectCounts } from './stock-count.repository.ts';

/** A count with its lines (by SKU); NOT_FOUND for an unknown id. */
export async function countDetail(q: Db | Tx, id: string): Promise<StockCountDetail> {
  const head = await selectCounts(q).where('c.id', '=', id).executeTakeFirst();
  if (!head) throw notFound();
  const lines = await selectCountLines(q, id).execute();
  return { ...toCount(head), lines: lines.map(toCountLine) };
}
