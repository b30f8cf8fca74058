import { fieldReasonMessage, type Locale } from '../../../contracts/errors.ts';
import type { ImportReport } from '../../../contracts/customers.ts';
import { orderCreateBody, orderImportColumns, type OrderCreate, type OrderImportColumn } from '../../../contracts/orders.ts';
import { inChunks } from '../../platform/db/chunks.ts';
import type { Db, Tx } from '../../platform/db/database.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { scopeCondition, type Actor } from '../../platform/http/actor.ts';
import { AppError, localizeIssue } from '../../platform/http/errors.ts';
import { newId } from '../../platform/ids.ts';
import { columnIndex, inspectZip, readSheet, type CellValue } from '../../platform/xlsx.ts';
import { productsRepository } from '../catalog/index.ts';

const str = (v: CellValue) => (v === null || v === undefined ? '' : String(v).trim());

/**
 * A cell typed as a date in Excel arrives as its serial day number (46096 = 2026-03-15; the
 * 1900 date system, styles are not read); text such as 2026-03-15 passes through as it is.
 */
function dateText(v: CellValue): string {
  if (typeof v !== 'number' || !(v >= 1 && v < 2958466)) return str(v);
  return new Date((Math.floor(v) - 25569) * 86_400_000).toISOString().slice(0, 10);
}

/** Rows for keys looked up a chunk at a time, however many keys the file holds. */
async function lookUp<T>(keys: string[], query: (part: string[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (const part of inChunks(keys)) out.push(...(await query(part)));
  return out;
}

/**
 * Draft orders from .xlsx (one row per line, grouped by order key): every row is checked —
 * customer code in the caller's scope, SKU known, the API's own order schema — and the
 * drafts are created all together, or none when any row is wrong.
 */
export function createOrderImport(db: Db, insertDrafts: (tx: Tx, actor: Actor, drafts: { id: string; input: OrderCreate }[]) => Promise<unknown>) {
  return async function importOrders(actor: Actor, path: string, opts: { dryRun: boolean; locale: Locale }): Promise<ImportReport> {
    const started = Date.now();
    await inspectZip(path);
    const en = opts.locale === 'en-US';
    const report: ImportReport = { dryRun: opts.dryRun, rows: 0, valid: 0, imported: 0, errorCount: 0, errors: [], duplicates: [], durationMs: 0 };
    const label = (k: OrderImportColumn | null) => (k ? (en ? orderImportColumns.find((c) => c.key === k)!.en : orderImportColumns.find((c) => c.key === k)!.zh).replace(/\*.*$/, '').replace(/\(.*$/, '') : null);
    const error = (row: number, column: OrderImportColumn | null, code: string, message?: string) => {
      report.errorCount += 1;
      if (report.errors.length < 1000) report.errors.push({ row, column: label(column), code, message: message ?? fieldReasonMessage(code, opts.locale) ?? code });
    };
    const index: Partial<Record<OrderImportColumn, number>> = {};
    const header = (cells: CellValue[]) => {
      Object.assign(index, columnIndex(cells, orderImportColumns));
      for (const k of ['orderKey', 'customerCode', 'sku', 'qty', 'unitPrice', 'promisedDate'] as const) if (index[k] === undefined) throw new AppError('IMPORT_FILE_INVALID', { reason: 'missing_column', column: label(k) });
    };
    const getter = (cells: CellValue[]) => (k: OrderImportColumn) => (index[k] === undefined ? '' : k === 'promisedDate' ? dateText(cells[index[k]!]) : str(cells[index[k]!]));
    // Two streaming passes, so that no row stays in memory: the first reads only the customer
    // codes and SKUs to look up, the second puts each row straight into its order.
    const codeSet = new Set<string>();
    const skuSet = new Set<string>();
    await readSheet(path, header, (_row, cells) => {
      const get = getter(cells);
      codeSet.add(get('customerCode'));
      skuSet.add(get('sku'));
    });
    const customers = new Map((await lookUp([...codeSet], (part) => db.selectFrom('customer').select(['id', 'code']).where('code', 'in', part).where(scopeCondition(actor, 'customer.ownerId')).execute())).map((c) => [c.code, c.id]));
    const products = new Map((await lookUp([...skuSet], (part) => productsRepository.bySkus(db, part))).map((p) => [p.sku, p.id]));
    const groups = new Map<string, { rows: number[]; input: Record<string, unknown> & { lines: unknown[] } }>();
    await readSheet(path, header, (row, cells) => {
      report.rows += 1;
      const get = getter(cells);
      const customerId = customers.get(get('customerCode'));
      const productId = products.get(get('sku'));
      if (!customerId) error(row, 'customerCode', 'not_found');
      if (!productId) error(row, 'sku', 'not_found');
      if (!customerId || !productId) return;
      const key = `${get('customerCode')}\u0000${get('orderKey')}`;
      const g = groups.get(key) ?? { rows: [], input: { customerId, customerPo: get('customerPo') || null, promisedDate: get('promisedDate'), priority: get('priority') || 'normal', lines: [] } };
      const spec = Object.fromEntries(get('spec').split(/[;；]/).map((kv) => kv.split(/[=＝]/).map((x) => x.trim())).filter((kv) => kv.length === 2 && kv[0]));
      g.input.lines.push({ productId, qty: Number(get('qty')), unitPrice: Math.round(Number(get('unitPrice')) * 100), discountPct: get('discountPct') ? Number(get('discountPct')) : 0, spec });
      g.rows.push(row);
      groups.set(key, g);
    });
    const drafts: OrderCreate[] = [];
    for (const [key, g] of groups) {
      groups.delete(key); // each order's input is kept once: as its group or as its draft
      const parsed = orderCreateBody.safeParse(g.input, { reportInput: true });
      if (parsed.success) {
        drafts.push(parsed.data);
        continue;
      }
      for (const issue of parsed.error.issues) {
        const [first, lineNo, field] = issue.path as (string | number)[];
        const row = first === 'lines' ? g.rows[lineNo as number] : g.rows[0];
        const column = (first === 'lines' ? (field as OrderImportColumn) : (first as OrderImportColumn)) ?? null;
        const reason = (issue as { params?: { reason?: string } }).params?.reason ?? issue.code;
        error(row, orderImportColumns.some((c) => c.key === column) ? column : null, reason, localizeIssue(issue as never, opts.locale));
      }
    }
    report.valid = drafts.length;
    report.durationMs = Date.now() - started;
    if (report.errorCount > 0 && !opts.dryRun) throw new AppError('IMPORT_HAS_ERRORS', report);
    if (opts.dryRun) return report;
    await inTransaction(db, async (tx) => {
      // 1,000 drafts at a time: their built lines and statements need not all be in memory at once.
      for (const part of inChunks(drafts)) await insertDrafts(tx, actor, part.map((input) => ({ id: newId(), input })));
    });
    report.imported = drafts.length;
    report.durationMs = Date.now() - started;
    return report;
  };
}
