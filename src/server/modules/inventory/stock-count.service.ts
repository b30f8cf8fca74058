import type { StockCountCreate, StockCountDetail, StockCountEntries, StockCountStatus } from '../../../contracts/inventory.ts';
import { toMilli } from '../../../contracts/quantity.ts';
import type { Db, Tx } from '../../platform/db/database.ts';
import { localDate } from '../../platform/dates.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { appendEvent } from '../../platform/events.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { AppError, fieldError, notFound } from '../../platform/http/errors.ts';
import { decodeCursor, toPage } from '../../platform/http/pagination.ts';
import { newId, nowIso } from '../../platform/ids.ts';
import { nextSequence, numberPattern } from '../../platform/numbering.ts';
import { productFacts } from './products.repository.ts';
import { toCount } from './stock-count.mapper.ts';
import { countDetail } from './stock-count.read.ts';
import { stockCountMachine } from './stock-count.machine.ts';
import { postCount } from './stock-count.post.ts';
import { insertCount, moveStatus, onHandIn, selectCountLines, selectCounts } from './stock-count.repository.ts';
import { warehousesByIds } from './warehouses.repository.ts';

const COUNT_PATTERN = 'PD-{yyyyMMdd}-{seq:3}';

export function createStockCountsService(db: Db, timeZone: string) {
  return {
    /**
     * Opens a count: one line per product with the warehouse's on hand right now as the
     * snapshot. Without a product list every product with a counter row in the warehouse is
     * counted; named products get a line even when the warehouse never held them.
     */
    async create(actor: Actor, input: StockCountCreate): Promise<StockCountDetail> {
      return inTransaction(db, async (tx) => {
        const [w] = await warehousesByIds(tx, [input.warehouseId]);
        if (!w) throw new AppError('VALIDATION_FAILED', [fieldError('warehouseId', 'not_found')]);
        if (w.active !== 1) throw new AppError('VALIDATION_FAILED', [fieldError('warehouseId', 'inactive')]);
        let productIds: string[];
        if (input.productIds) {
          productIds = [...new Set(input.productIds)];
          const found = new Set((await productFacts(tx, productIds)).map((p) => p.id));
          const missing = input.productIds.flatMap((p, i) => (found.has(p) ? [] : [fieldError(`productIds.${i}`, 'not_found')]));
          if (missing.length) throw new AppError('VALIDATION_FAILED', missing);
        } else {
          productIds = [...(await onHandIn(tx, w.id)).keys()];
          if (productIds.length === 0) throw new AppError('VALIDATION_FAILED', [fieldError('productIds', 'nothing_to_count')]);
        }
        const onHand = await onHandIn(tx, w.id, productIds);
        const now = nowIso();
        const id = newId();
        const { key, format } = numberPattern(COUNT_PATTERN, 'day', localDate(new Date(), timeZone), 'stock_count');
        const row = { id, number: format(await nextSequence(tx, key)), warehouseId: w.id, status: 'draft' as const, note: input.note ?? null, createdBy: actor.via === 'system' ? null : actor.id, createdAt: now, updatedAt: now, postedBy: null, postedAt: null };
        await insertCount(
          tx,
          row,
          productIds.map((productId) => ({ id: newId(), countId: id, productId, snapshotQty: onHand.get(productId) ?? 0, countedQty: null, postedOnHand: null, postedVariance: null, movementId: null })),
        );
        await appendEvent(tx, { entityType: 'stock_count', entityId: id, type: 'stock_count.created', actor, data: { number: row.number, warehouseId: w.id, warehouseCode: w.code, lines: productIds.length } });
        return countDetail(tx, id);
      });
    },

    async list(query: { limit: number; cursor?: string; warehouseId?: string; status?: StockCountStatus }) {
      const after = decodeCursor(query.cursor);
      let qb = selectCounts(db).orderBy('c.id', 'desc').limit(query.limit + 1);
      if (query.warehouseId) qb = qb.where('c.warehouseId', '=', query.warehouseId);
      if (query.status) qb = qb.where('c.status', '=', query.status);
      if (after) qb = qb.where('c.id', '<', String(after[0]));
      const page = toPage(await qb.execute(), query.limit, (r) => [r.id]);
      return { items: page.items.map(toCount), nextCursor: page.nextCursor };
    },

    get: (id: string) => countDetail(db, id),

    /**
     * Counted quantities for some lines (null clears one). The first entry moves a draft to
     * counting; the status change comes first so that, on PostgreSQL, entries and a post of
     * the same count queue on the header row instead of interleaving.
     */
    async record(actor: Actor, id: string, input: StockCountEntries): Promise<StockCountDetail> {
      return inTransaction(db, async (tx) => {
        const head = await selectCounts(tx).where('c.id', '=', id).executeTakeFirst();
        if (!head) throw notFound();
        stockCountMachine.next(head.status, 'record');
        if (!(await moveStatus(tx, id, stockCountMachine.transitions.record.from, { status: 'counting', updatedAt: nowIso() }))) throw new AppError('CONFLICT');
        const lines = new Map((await selectCountLines(tx, id).execute()).map((l) => [l.id, l]));
        const problems = input.lines.flatMap((e, i) => {
          const l = lines.get(e.lineId);
          if (!l) return [fieldError(`lines.${i}.lineId`, 'not_found')];
          if (e.countedQty !== null && toMilli(e.countedQty) % 10 ** (3 - Number(l.unitDecimals)) !== 0) return [fieldError(`lines.${i}.countedQty`, 'unit_decimals', { max: Number(l.unitDecimals), sku: l.sku })];
          return [];
        });
        if (problems.length) throw new AppError('VALIDATION_FAILED', problems);
        for (const e of input.lines) {
          await tx.updateTable('stockCountLine').set({ countedQty: e.countedQty === null ? null : toMilli(e.countedQty) }).where('id', '=', e.lineId).where('countId', '=', id).execute();
        }
        if (head.status === 'draft') await appendEvent(tx, { entityType: 'stock_count', entityId: id, type: 'stock_count.started', actor, data: { number: head.number } });
        return countDetail(tx, id);
      });
    },

    /** Posts the variances (see postCount). A second post, concurrent or later, is 409. */
    post: (actor: Actor, id: string) => inTransaction(db, (tx) => postCount(tx, actor, id)),

    async cancel(actor: Actor, id: string): Promise<StockCountDetail> {
      return inTransaction(db, async (tx) => {
        const head = await selectCounts(tx).where('c.id', '=', id).executeTakeFirst();
        if (!head) throw notFound();
        stockCountMachine.next(head.status, 'cancel');
        if (!(await moveStatus(tx, id, stockCountMachine.transitions.cancel.from, { status: 'cancelled', updatedAt: nowIso() }))) throw new AppError('INVALID_STATE', { action: 'cancel' });
        await appendEvent(tx, { entityType: 'stock_count', entityId: id, type: 'stock_count.cancelled', actor, data: { number: head.number } });
        return countDetail(tx, id);
      });
    },
  };
}

export type StockCountsService = ReturnType<typeof createStockCountsService>;
