import type { Writable } from 'node:stream';
import type { Locale } from '../../../contracts/errors.ts';
import { MOVEMENT_EXPORT_MAX_ROWS, movementExportColumns, movementTypeLabels, type MovementType } from '../../../contracts/inventory.ts';
import { fromMilli } from '../../../contracts/quantity.ts';
import type { Db } from '../../platform/db/database.ts';
import { streamSheet } from '../../platform/xlsx-stream.ts';
import { selectMovements } from './ledger.repository.ts';

/** Reasons the system writes, worded like the movements page words them; people's reasons stay as typed. */
const systemReasons = {
  opening_import: { zh: '期初导入', en: 'Opening stock import' },
  stock_count: { zh: '盘点差异', en: 'Stock count difference' },
} as const;
const reasonOf = (m: { reason: string | null; refType: string | null }, en: boolean) => {
  const known = m.refType === 'opening_import' ? systemReasons.opening_import : m.reason === 'stock_count' ? systemReasons.stock_count : null;
  return known ? (en ? known.en : known.zh) : m.reason;
};

export interface MovementFilter {
  productId?: string;
  warehouseId?: string;
  type?: MovementType;
}

/**
 * The movements list with its filters as .xlsx, newest first, at most MOVEMENT_EXPORT_MAX_ROWS,
 * streamed (memory flat). Every text cell is formula-escaped (a reason typed as
 * `=HYPERLINK(…)` stays text).
 */
export async function exportMovements(db: Db, filter: MovementFilter, locale: Locale, timeZone: string, out: Writable): Promise<void> {
  const time = new Intl.DateTimeFormat('sv-SE', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
  await streamSheet(out, locale, {
    sheet: { zh: '库存流水', en: 'Movements' },
    columns: movementExportColumns,
    maxRows: MOVEMENT_EXPORT_MAX_ROWS,
    batch: 1000,
    page: (before, limit) => selectMovements(db, { ...filter, beforeId: before ?? undefined }).limit(limit).execute(),
    values: (m, en) => ({
      at: time.format(new Date(m.at)),
      type: en ? movementTypeLabels[m.type].en : movementTypeLabels[m.type].zh,
      sku: m.sku,
      productName: m.productName,
      warehouseCode: m.warehouseCode,
      qty: fromMilli(Number(m.qty)),
      reason: reasonOf(m, en),
      ref: m.refType ? `${m.refType}:${m.refId ?? ''}` : null,
    }),
  });
}
