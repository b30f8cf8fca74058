import type { StockCount, StockCountLine } from '../../../contracts/inventory.ts';
import { fromMilli } from '../../../contracts/quantity.ts';
import type { CountLineRow, CountRow } from './stock-count.repository.ts';

const qty = (v: number | string | null) => (v === null ? null : fromMilli(Number(v)));

export const toCount = (r: CountRow): StockCount => ({ ...r, lineCount: Number(r.lineCount), countedCount: Number(r.countedCount) });

export const toCountLine = (r: CountLineRow): StockCountLine => ({
  ...r,
  unitDecimals: Number(r.unitDecimals),
  snapshotQty: fromMilli(Number(r.snapshotQty)),
  countedQty: qty(r.countedQty),
  postedOnHand: qty(r.postedOnHand),
  postedVariance: qty(r.postedVariance),
});
