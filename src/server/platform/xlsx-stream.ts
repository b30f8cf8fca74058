import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { setImmediate } from 'node:timers/promises';
import type { Locale } from '../../contracts/errors.ts';
import ExcelJS from './exceljs.ts';
import { escapeCell, type CellValue } from './xlsx.ts';

/** Rows written between two turns for other requests: writing rows is CPU work. */
const YIELD_EVERY = 100;

export interface ExportColumn<K extends string> {
  key: K;
  zh: string;
  en: string;
  width: number;
}

export interface ExportSheet<K extends string, R extends { id: string }> {
  sheet: { zh: string; en: string };
  columns: readonly ExportColumn<K>[];
  /** Number formats by column (money, percentages). */
  numFmt?: Partial<Record<K, string>>;
  maxRows: number;
  batch: number;
  /** The next keyset batch: rows newest first, ids below `beforeId` (none: from the top). */
  page: (beforeId: string | null, limit: number) => Promise<R[]>;
  /** One row's cells by column key; every text cell is formula-escaped on the way out. */
  values: (row: R, en: boolean) => Partial<Record<K, CellValue>>;
}

/**
 * Writes a list as a one-sheet .xlsx to `out`: header row frozen, rows read in keyset batches
 * and committed to a streaming workbook, so memory stays flat whatever the row count. SQLite
 * answers synchronously, so the loop yields between batches (and every YIELD_EVERY rows) or
 * every other request would wait; a slow reader holds it back (drain), a gone one stops it.
 */
export async function streamSheet<K extends string, R extends { id: string }>(out: Writable, locale: Locale, s: ExportSheet<K, R>): Promise<void> {
  const en = locale === 'en-US';
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const ws = wb.addWorksheet(en ? s.sheet.en : s.sheet.zh, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = s.columns.map((c) => ({ key: c.key, width: c.width, header: en ? c.en : c.zh, ...(s.numFmt?.[c.key] ? { style: { numFmt: s.numFmt[c.key] } } : {}) }));
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).commit();
  let before: string | null = null;
  let written = 0;
  while (written < s.maxRows && !out.destroyed) {
    const rows = await s.page(before, Math.min(s.batch, s.maxRows - written));
    for (const [i, r] of rows.entries()) {
      if (i > 0 && i % YIELD_EVERY === 0) await setImmediate();
      const values = s.values(r, en);
      ws.addRow(s.columns.map((c) => escapeCell(values[c.key] ?? null))).commit();
    }
    written += rows.length;
    if (rows.length < s.batch) break;
    before = rows[rows.length - 1].id;
    await setImmediate();
    // A gone client destroys the stream: stop waiting for a drain that will never come.
    if (out.writableNeedDrain) await Promise.race([once(out, 'drain'), once(out, 'close')]);
  }
  if (out.destroyed) return;
  ws.commit();
  await wb.commit();
}
