import type { Locale } from '../../../contracts/errors.ts';
import { OPENING_IMPORT_REASON, OPENING_IMPORT_REF, type OpeningImportReport } from '../../../contracts/opening-import.ts';
import { fromMilli } from '../../../contracts/quantity.ts';
import type { Db, Tx } from '../../platform/db/database.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { appendEvent, appendEvents } from '../../platform/events.ts';
import { can, type Actor } from '../../platform/http/actor.ts';
import { AppError } from '../../platform/http/errors.ts';
import { newId, nowIso } from '../../platform/ids.ts';
import { inspectZip } from '../../platform/xlsx.ts';
import { needsApproval } from './adjustment-approval.ts';
import { insertMovements } from './ledger.repository.ts';
import { checkOpeningRows, readOpeningSheet, type OpeningRow } from './opening-import.check.ts';
import { countersOf, inChunks, pairsWithMovements, setOnHand } from './opening-import.repository.ts';
import { ensureCounterRows, lockAvailable, stockKey } from './stock.repository.ts';

const MAX_LISTED = 1000;

/**
 * 期初库存导入: opening stock from .xlsx, all rows or none.
 *
 * A dry run reads only: the per-row errors, a summary and the rows whose product × warehouse
 * already has movements (`conflicts`). A commit checks the file again inside one transaction,
 * locks every counter row of the file in the one agreed key order (so two imports of the same
 * file — retries without an Idempotency-Key — serialize, and the second finds the first's
 * movements), and then makes each row's on hand equal the file's quantity: a row without
 * movements posts a receipt of its quantity; with `force`, a row that has movements posts an
 * adjustment of the difference (none when it already matches). Without `force` any conflict
 * refuses the whole file with OPENING_STOCK_HAS_MOVEMENTS (409). Every movement carries the
 * reason 期初导入 and the import's id (`ref_type` opening_import), with an event on the
 * product's timeline; the import itself gets one summary event. Unit costs are checked and
 * summed (the file's value) but written nowhere else: the catalog owns product cost.
 */
export function createOpeningImport(db: Db) {
  return async function importOpeningStock(actor: Actor, path: string, opts: { dryRun: boolean; force: boolean; locale: Locale }): Promise<OpeningImportReport> {
    const started = Date.now();
    await inspectZip(path);
    const sheet = await readOpeningSheet(path, opts.locale);
    // The file's value (Σ qty × unit cost) is cost information: not shown to roles that may not see product cost.
    const shown = (r: OpeningImportReport): OpeningImportReport => ({
      ...r,
      summary: { ...r.summary, totalCost: actor.hiddenFields.has('product.cost') ? null : r.summary.totalCost },
      durationMs: Date.now() - started,
    });
    if (opts.dryRun) return shown((await checkOpeningRows(db, sheet, opts.locale, true)).report);
    const report = await inTransaction(db, async (tx) => {
      const { report, rows } = await checkOpeningRows(tx, sheet, opts.locale, false);
      if (report.errorCount > 0) throw new AppError('IMPORT_HAS_ERRORS', shown(report));
      if (rows.length === 0) return report;
      return post(tx, actor, report, rows, opts.force);
    });
    return shown(report);
  };
}

async function post(tx: Tx, actor: Actor, report: OpeningImportReport, rows: OpeningRow[], force: boolean): Promise<OpeningImportReport> {
  const now = nowIso();
  const importId = newId();
  const actorId = actor.via === 'system' ? null : actor.id;
  const keys = rows.map((r) => ({ productId: r.productId, warehouseId: r.warehouseId })).sort((a, b) => a.productId.localeCompare(b.productId) || a.warehouseId.localeCompare(b.warehouseId));
  for (const part of inChunks(keys)) await ensureCounterRows(tx, part, now);
  for (const part of inChunks(keys)) await lockAvailable(tx, part);
  // Under the locks: no other writer can add a movement to these pairs until we commit.
  const moved = await pairsWithMovements(tx, keys);
  const counters = await countersOf(tx, keys);
  const conflicts = rows.filter((r) => moved.has(stockKey(r)));
  const listed = conflicts.slice(0, MAX_LISTED).map((r) => ({ row: r.row, sku: r.sku, warehouseCode: r.warehouseCode, onHand: fromMilli(counters.get(stockKey(r))!.onHand), qty: fromMilli(r.qty) }));
  if (conflicts.length && !force) throw new AppError('OPENING_STOCK_HAS_MOVEMENTS', { count: conflicts.length, conflicts: listed });

  const level = (r: OpeningRow) => counters.get(stockKey(r))!;
  const below = conflicts.filter((r) => level(r).reserved > r.qty);
  if (below.length) throw new AppError('INSUFFICIENT_STOCK', below.slice(0, MAX_LISTED).map((r) => ({ row: r.row, sku: r.sku, warehouseCode: r.warehouseCode, qty: fromMilli(r.qty), reserved: fromMilli(level(r).reserved) })));
  // Overwriting stock that has a history is an adjustment: above the approval limit it needs an approver's permission.
  if (!can(actor, 'inventory:approve')) {
    const big = [];
    for (const r of conflicts) if (await needsApproval(tx, { cost: r.productCost }, r.qty - level(r).onHand)) big.push({ row: r.row, sku: r.sku, warehouseCode: r.warehouseCode });
    if (big.length) throw new AppError('FORBIDDEN', { permission: 'inventory:approve', rows: big.slice(0, MAX_LISTED) });
  }

  const changing = rows.filter((r) => r.qty !== level(r).onHand);
  // Guarded on what was read under the locks: a writer that slipped past them makes this short, not wrong.
  if ((await setOnHand(tx, changing.map((r) => ({ productId: r.productId, warehouseId: r.warehouseId, from: level(r).onHand, to: r.qty })), now)) !== changing.length) throw new AppError('CONFLICT');
  const movements = [];
  const events = [];
  for (const r of changing) {
    const c = level(r);
    const variance = r.qty - c.onHand;
    const type = moved.has(stockKey(r)) ? ('adjustment' as const) : ('receipt' as const);
    const id = newId();
    movements.push({ id, type, productId: r.productId, warehouseId: r.warehouseId, qty: variance, reason: OPENING_IMPORT_REASON, refType: OPENING_IMPORT_REF, refId: importId, actorId, at: now });
    events.push({
      entityType: 'product',
      entityId: r.productId,
      type: `stock.${type}`,
      actor,
      data: { movementId: id, warehouseId: r.warehouseId, warehouseCode: r.warehouseCode, qty: fromMilli(variance), reason: OPENING_IMPORT_REASON, refType: OPENING_IMPORT_REF, refId: importId, row: r.row, note: r.note, onHand: fromMilli(r.qty), reserved: fromMilli(c.reserved) },
    });
  }
  for (const part of inChunks(movements)) await insertMovements(tx, part);
  await appendEvents(tx, events);
  const result = { ...report, importId, forced: force, imported: rows.length, posted: movements.length, conflicts: listed };
  await appendEvent(tx, {
    entityType: 'opening_import',
    entityId: importId,
    type: 'stock.opening_imported',
    actor,
    data: { rows: rows.length, posted: movements.length, overwritten: conflicts.length, forced: force, ...report.summary },
  });
  return result;
}

export type ImportOpeningStock = ReturnType<typeof createOpeningImport>;
