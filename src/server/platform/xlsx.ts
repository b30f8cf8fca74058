import ExcelJS from './exceljs.ts';
import { AppError } from './http/errors.ts';
import { readFirstSheet, type CellValue } from './sheet-reader.ts';
import { ZIP_LIMITS, zipEntries } from './zip.ts';


/**
 * Reads the zip central directory only (no inflation) and rejects files that are not zips,
 * have absurd entry counts, or would inflate beyond the limits (a zip bomb).
 */
export async function inspectZip(path: string): Promise<void> {
  const { fileSize, entries } = await zipEntries(path);
  if (entries.length > ZIP_LIMITS.maxEntries) throw new AppError('IMPORT_FILE_INVALID', { reason: 'corrupt_zip' });
  const total = entries.reduce((n, e) => n + e.size, 0);
  if (total > ZIP_LIMITS.maxUncompressed || total > fileSize * ZIP_LIMITS.maxRatio) throw new AppError('IMPORT_FILE_INVALID', { reason: 'zip_bomb', uncompressed: total });
}

export type { CellValue };

/** Rows one import file may hold (after the header): a million-row file is refused, not buffered. */
export const XLSX_MAX_ROWS = 200_000;

/**
 * Streams the first worksheet: `onHeader(cells)` for row 1, `onRow(rowNumber, cells)` for every
 * non-empty row after it. Cells are plain data (sheet-reader.ts): text, numbers (dates are Excel
 * serial numbers), booleans, null for gaps; formulas give their cached result, never evaluated.
 */
export async function readSheet(
  path: string,
  onHeader: (cells: CellValue[]) => void,
  onRow: (row: number, cells: CellValue[]) => void | Promise<void>,
  opts: { maxRows?: number } = {},
): Promise<void> {
  const maxRows = opts.maxRows ?? XLSX_MAX_ROWS;
  // The callers' own failures (a database error while a chunk is written) pass through as they
  // are: only the reader's are "this file cannot be read".
  let theirs: unknown;
  const mark = (err: unknown) => {
    theirs = err;
    throw err;
  };
  try {
    await readFirstSheet(path, (row, values) => {
      if (row > maxRows + 1) throw new AppError('IMPORT_FILE_INVALID', { reason: 'too_many_rows', limit: maxRows });
      try {
        if (row === 1) onHeader(values);
        else if (values.some((v) => v !== null && v !== '')) return (onRow(row, values) as Promise<void> | undefined)?.catch(mark);
      } catch (err) {
        mark(err);
      }
    });
  } catch (err) {
    if (err instanceof AppError || (err === theirs && theirs !== undefined)) throw err;
    throw new AppError('IMPORT_FILE_INVALID', { reason: 'unreadable', message: (err as Error).message?.slice(0, 200) });
  }
}

/** Text that a spreadsheet would run as a formula (CSV/Excel injection) gets a leading quote. */
export function escapeCell(v: CellValue): CellValue {
  return typeof v === 'string' && /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
}

/** A one-sheet workbook (templates, exports); every string cell is escaped. */
export async function writeSheet(name: string, headers: string[], rows: CellValue[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(name);
  ws.addRow(headers).font = { bold: true };
  for (const r of rows) ws.addRow(r.map(escapeCell));
  ws.columns.forEach((c) => (c.width = 18));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Template columns found in a header row (either language, `*` ignored): key → cell index. */
export function columnIndex<K extends string>(header: CellValue[], columns: readonly { key: K; zh: string; en: string }[]): Partial<Record<K, number>> {
  const norm = (v: unknown) => String(v ?? '').trim().replace('*', '').toLowerCase();
  const names = header.map(norm);
  const out: Partial<Record<K, number>> = {};
  for (const c of columns) {
    const at = names.findIndex((n) => n === norm(c.zh) || n === norm(c.en));
    if (at >= 0) out[c.key] = at;
  }
  return out;
}
