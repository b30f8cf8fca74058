import { fieldReasonMessage, type Locale } from '../../../contracts/errors.ts';
import { openingImportAliases, openingImportColumns, type OpeningImportColumn, type OpeningImportReport } from '../../../contracts/opening-import.ts';
import { fitsDecimals, fromMilli, toMilli } from '../../../contracts/quantity.ts';
import type { Db, Tx } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/errors.ts';
import { columnIndex, readSheet, type CellValue } from '../../platform/xlsx.ts';
import { productsRepository } from '../catalog/index.ts';
import { countersOf, inChunks, pairsWithMovements, warehousesByCodes } from './opening-import.repository.ts';
import { stockKey } from './stock.repository.ts';

const MAX_LISTED = 1000;
const MAX_QTY = 1e9;
const REQUIRED = ['sku', 'warehouseCode', 'qty'] as const;

/** A row that passed every check: what the commit posts. Quantities in thousandths, cost in fen. */
export interface OpeningRow {
  row: number;
  productId: string;
  sku: string;
  productName: string;
  /** Fen per unit, for the adjustment-approval limit. */
  productCost: number;
  warehouseId: string;
  warehouseCode: string;
  qty: number;
  unitCost: number | null;
  note: string | null;
}

const text = (v: CellValue | undefined) => (v === null || v === undefined ? '' : String(v).trim());

/** A number cell, or text like "1,200.5" / "１２" typed by hand; NaN when it is not a number. */
function numberOf(v: CellValue | undefined): number {
  if (typeof v === 'number') return v;
  const s = text(v)
    .replace(/[，,\s]/g, '')
    .replace(/[０-９．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  return s === '' || !/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(s) ? Number.NaN : Number(s);
}

/** The file's rows as cells, and where each column is; nothing checked yet. */
export interface OpeningSheet {
  index: Partial<Record<OpeningImportColumn, number>>;
  raw: { row: number; cells: CellValue[] }[];
}

const labelOf = (k: OpeningImportColumn, locale: Locale) => {
  const c = openingImportColumns.find((x) => x.key === k)!;
  return (locale === 'en-US' ? c.en : c.zh).replace('*', '').replace(/\s*\(.*$/, '');
};

/** Reads the first worksheet (headers in either language or an alias); a required column missing → IMPORT_FILE_INVALID. */
export async function readOpeningSheet(path: string, locale: Locale): Promise<OpeningSheet> {
  let index: OpeningSheet['index'] | null = null;
  const raw: OpeningSheet['raw'] = [];
  await readSheet(
    path,
    (header) => {
      // Aliases first: when a sheet has both, the template's own header wins.
      const found = columnIndex(header, [...openingImportAliases, ...openingImportColumns]);
      for (const k of REQUIRED) if (found[k] === undefined) throw new AppError('IMPORT_FILE_INVALID', { reason: 'missing_column', column: labelOf(k, locale) });
      index = found;
    },
    (row, cells) => {
      raw.push({ row, cells });
    },
  );
  if (!index) throw new AppError('IMPORT_FILE_INVALID', { reason: 'empty' });
  return { index, raw };
}

/**
 * Checks every row of the sheet — SKU known and active, warehouse known and active, quantity
 * a positive number within the unit's decimals, optional unit cost ≥ 0 in fen, no product ×
 * warehouse twice — and finds the pairs that already have movements (`conflicts`). Reads
 * only; errors name the row and the column in the caller's language.
 */
export async function checkOpeningRows(q: Db | Tx, { index, raw }: OpeningSheet, locale: Locale, dryRun: boolean): Promise<{ report: OpeningImportReport; rows: OpeningRow[] }> {
  const started = Date.now();
  const report: OpeningImportReport = {
    dryRun,
    rows: raw.length,
    valid: 0,
    imported: 0,
    errorCount: 0,
    errors: [],
    duplicates: [],
    durationMs: 0,
    importId: null,
    forced: false,
    posted: 0,
    summary: { products: 0, warehouses: 0, totalQty: 0, totalCost: null },
    conflicts: [],
  };
  const bad = new Set<number>();
  const error = (row: number, column: OpeningImportColumn, code: string, message?: string) => {
    report.errorCount += 1;
    bad.add(row);
    if (report.errors.length < MAX_LISTED) report.errors.push({ row, column: labelOf(column, locale), code, message: message ?? fieldReasonMessage(code, locale) ?? code });
  };
  const get = (cells: CellValue[], k: OpeningImportColumn) => (index[k] === undefined ? undefined : cells[index[k]!]);

  const skus = [...new Set(raw.map((r) => text(get(r.cells, 'sku'))).filter(Boolean))];
  const codes = [...new Set(raw.map((r) => text(get(r.cells, 'warehouseCode'))).filter(Boolean))];
  const products = new Map<string, Awaited<ReturnType<typeof productsRepository.bySkus>>[number]>();
  for (const part of inChunks(skus)) for (const p of await productsRepository.bySkus(q, part)) products.set(p.sku, p);
  const warehouses = new Map((await warehousesByCodes(q, codes)).map((w) => [w.code, w]));

  const rows: OpeningRow[] = [];
  const firstRow = new Map<string, number>();
  for (const { row, cells } of raw) {
    const sku = text(get(cells, 'sku'));
    const code = text(get(cells, 'warehouseCode'));
    const product = products.get(sku);
    const warehouse = warehouses.get(code);
    if (!sku) error(row, 'sku', 'required');
    else if (!product) error(row, 'sku', 'not_found');
    else if (product.active !== 1) error(row, 'sku', 'inactive');
    if (!code) error(row, 'warehouseCode', 'required');
    else if (!warehouse) error(row, 'warehouseCode', 'not_found');
    else if (warehouse.active !== 1) error(row, 'warehouseCode', 'inactive');

    const qtyCell = get(cells, 'qty');
    const qty = numberOf(qtyCell);
    if (text(qtyCell) === '') error(row, 'qty', 'required');
    else if (!Number.isFinite(qty) || Math.abs(qty) > MAX_QTY) error(row, 'qty', 'invalid_number');
    else if (qty <= 0) error(row, 'qty', 'must_be_positive');
    else if (!fitsDecimals(qty, 3)) error(row, 'qty', 'max_3_decimals');
    else if (product && !fitsDecimals(qty, product.unitDecimals)) error(row, 'qty', 'unit_decimals');

    const costCell = get(cells, 'unitCost');
    const cost = numberOf(costCell);
    const hasCost = text(costCell) !== '';
    if (hasCost && (!Number.isFinite(cost) || cost > MAX_QTY)) error(row, 'unitCost', 'invalid_number');
    else if (hasCost && cost < 0) error(row, 'unitCost', 'must_not_be_negative');
    else if (hasCost && !fitsDecimals(cost, 2)) error(row, 'unitCost', 'max_2_decimals');

    const note = text(get(cells, 'note'));
    if (note.length > 500) error(row, 'note', 'too_long');

    if (product && warehouse) {
      const key = stockKey({ productId: product.id, warehouseId: warehouse.id });
      const first = firstRow.get(key);
      if (first !== undefined) {
        const worded = (fieldReasonMessage('duplicate_stock_row', locale) ?? '').replace('{row}', String(first));
        error(row, 'sku', 'duplicate_stock_row', worded);
      } else firstRow.set(key, row);
    }
    if (bad.has(row)) continue;
    rows.push({
      row,
      productId: product!.id,
      sku,
      productName: product!.name,
      productCost: Number(product!.cost),
      warehouseId: warehouse!.id,
      warehouseCode: code,
      qty: toMilli(qty),
      unitCost: hasCost ? Math.round(cost * 100) : null,
      note: note || null,
    });
  }

  report.valid = rows.length;
  const withCost = rows.filter((r) => r.unitCost !== null);
  report.summary = {
    products: new Set(rows.map((r) => r.productId)).size,
    warehouses: new Set(rows.map((r) => r.warehouseId)).size,
    totalQty: fromMilli(rows.reduce((n, r) => n + r.qty, 0)),
    totalCost: withCost.length ? Math.round(withCost.reduce((n, r) => n + (r.qty * r.unitCost!) / 1000, 0)) : null,
  };
  report.conflicts = await conflictsOf(q, rows);
  report.durationMs = Date.now() - started;
  return { report, rows };
}

/** Rows whose product × warehouse already has movements, with the on hand they have now. */
export async function conflictsOf(q: Db | Tx, rows: OpeningRow[]): Promise<OpeningImportReport['conflicts']> {
  const keys = rows.map((r) => ({ productId: r.productId, warehouseId: r.warehouseId }));
  const moved = await pairsWithMovements(q, keys);
  const hit = rows.filter((r) => moved.has(stockKey(r)));
  const counters = await countersOf(q, hit);
  return hit.map((r) => ({ row: r.row, sku: r.sku, warehouseCode: r.warehouseCode, onHand: fromMilli(counters.get(stockKey(r))?.onHand ?? 0), qty: fromMilli(r.qty) }));
}
