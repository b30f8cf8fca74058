import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { setImmediate } from 'node:timers/promises';
import type { Locale } from '../../../contracts/errors.ts';
import { MOVEMENT_EXPORT_MAX_ROWS, movementExportColumns, movementTypeLabels, type MovementType } from '../../../contracts/inventory.ts';
import { fromMilli } from '../../../contracts/quantity.ts';
import type { Db } from '../../platform/db/database.ts';
import ExcelJS from '../../platform/exceljs.ts';
import { escapeCell } from '../../platform/xlsx.ts';
import { selectMovements } from './ledger.repository.ts';

const BATCH = 1000;

export interface MovementFilter {
  productId?: string;
  warehouseId?: string;
  type?: MovementType;
}

/**
 * The movements list with its filters as .xlsx, newest first, at most MOVEMENT_EXPORT_MAX_ROWS.
 * Keyset batches into a streaming workbook: memory stays flat; a slow reader holds the loop
 * back (drain), a gone one stops it. Every text cell is formula-escaped (a reason typed as
 * `=HYPERLINK(…)` stays text).
 */
export async function exportMovements(db: Db, filter: MovementFilter, locale: Locale, timeZone: string, out: Writable): Promise<void> {
  const en = locale === 'en-US';
  const time = new Intl.DateTimeFormat('sv-SE', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const ws = wb.addWorksheet(en ? 'Movements' : '库存流水', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = movementExportColumns.map((c) => ({ key: c.key, width: c.width, header: en ? c.en : c.zh }));
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).commit();
  let before: string | undefined;
  let written = 0;
  while (written < MOVEMENT_EXPORT_MAX_ROWS && !out.destroyed) {
    const rows = await selectMovements(db, { ...filter, beforeId: before }).limit(Math.min(BATCH, MOVEMENT_EXPORT_MAX_ROWS - written)).execute();
    for (const m of rows) {
      const values: Record<(typeof movementExportColumns)[number]['key'], string | number | null> = {
        at: time.format(new Date(m.at)),
        type: en ? movementTypeLabels[m.type].en : movementTypeLabels[m.type].zh,
        sku: m.sku,
        productName: m.productName,
        warehouseCode: m.warehouseCode,
        qty: fromMilli(Number(m.qty)),
        reason: m.reason,
        ref: m.refType ? `${m.refType}:${m.refId ?? ''}` : null,
      };
      ws.addRow(movementExportColumns.map((c) => escapeCell(values[c.key]))).commit();
    }
    written += rows.length;
    if (rows.length < BATCH) break;
    before = rows[rows.length - 1].id;
    await setImmediate();
    if (out.writableNeedDrain) await Promise.race([once(out, 'drain'), once(out, 'close')]);
  }
  ws.commit();
  await wb.commit();
}
