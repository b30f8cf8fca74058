import type { StockExplanation } from '../../../contracts/inventory.ts';
import { fromMilli } from '../../../contracts/quantity.ts';
import type { Db } from '../../platform/db/database.ts';
import { notFound } from '../../platform/http/errors.ts';
import { decodeCursor, toPage } from '../../platform/http/pagination.ts';
import { balances } from './balances.repository.ts';
import { toLevel, toMovement } from './inventory.mapper.ts';
import { activeReservations, movementTotalsByType, selectMovements } from './ledger.repository.ts';
import { productFacts } from './products.repository.ts';
import { selectLevels } from './stock.repository.ts';
import { warehousesByIds } from './warehouses.repository.ts';

/** The explanation lists this many reservations and movements; totals always cover all of them. */
const EXPLAIN_RESERVATIONS = 200;
const EXPLAIN_MOVEMENTS = 20;

export function createStockService(db: Db) {
  return {
    /** Levels per product × warehouse, by SKU then warehouse code (keyset cursor on both). */
    async levels(query: { limit: number; cursor?: string; q?: string; productId?: string; warehouseId?: string }) {
      const after = decodeCursor(query.cursor);
      let qb = selectLevels(db).orderBy('product.sku').orderBy('warehouse.code').limit(query.limit + 1);
      if (query.productId) qb = qb.where('stock.productId', '=', query.productId);
      if (query.warehouseId) qb = qb.where('stock.warehouseId', '=', query.warehouseId);
      if (query.q) {
        const like = `%${query.q.toLowerCase()}%`;
        qb = qb.where((eb) => eb.or([eb(eb.fn('lower', ['product.sku']), 'like', like), eb(eb.fn('lower', ['product.name']), 'like', like)]));
      }
      if (after) {
        const [sku, code] = after.map(String);
        qb = qb.where((eb) => eb.or([eb('product.sku', '>', sku), eb.and([eb('product.sku', '=', sku), eb('warehouse.code', '>', code)])]));
      }
      const page = toPage(await qb.execute(), query.limit, (r) => [r.sku, r.warehouseCode]);
      return { items: page.items.map(toLevel), nextCursor: page.nextCursor };
    },

    /**
     * "Why is available = X": on hand as the sum of the movements, reserved as the sum of the
     * active reservations (which orders hold it), both read in one statement beside the stored
     * counters, so a disagreement shows up here as well as in `gendan check-ledger`.
     */
    async explain(query: { productId: string; warehouseId?: string }): Promise<StockExplanation> {
      const [product] = await productFacts(db, [query.productId]);
      if (!product) throw notFound();
      if (query.warehouseId && (await warehousesByIds(db, [query.warehouseId])).length === 0) throw notFound();
      const rows = await balances(db, query);
      const sum = (f: (b: (typeof rows)[number]) => number) => rows.reduce((n, b) => n + f(b), 0);
      const [onHand, reserved, counterOnHand, counterReserved, heldCount] = [sum((b) => b.moved), sum((b) => b.held), sum((b) => b.onHand), sum((b) => b.reserved), sum((b) => b.heldCount)];
      const [byType, recent, held] = await Promise.all([
        movementTotalsByType(db, query.productId, query.warehouseId),
        selectMovements(db, query).limit(EXPLAIN_MOVEMENTS).execute(),
        activeReservations(db, query.productId, query.warehouseId, EXPLAIN_RESERVATIONS),
      ]);
      return {
        productId: product.id,
        sku: product.sku,
        productName: product.name,
        unit: product.unit,
        warehouseId: query.warehouseId ?? null,
        onHand: fromMilli(onHand),
        reserved: fromMilli(reserved),
        available: fromMilli(onHand - reserved),
        movementsByType: byType.map((t) => ({ type: t.type, qty: fromMilli(Number(t.qty)), count: Number(t.count) })),
        recentMovements: recent.map(toMovement),
        reservations: held.map(({ orderNumber, workOrderNumber, ...r }) => ({ ...r, qty: fromMilli(Number(r.qty)), holderType: workOrderNumber !== null || r.orderId === r.orderLineId ? ('work_order' as const) : ('order' as const), holderNumber: workOrderNumber ?? orderNumber ?? null })),
        moreReservations: Math.max(0, heldCount - held.length),
        counters: { onHand: fromMilli(counterOnHand), reserved: fromMilli(counterReserved) },
        consistent: rows.every((b) => b.onHand === b.moved && b.reserved === b.held),
      };
    },
  };
}

export type StockService = ReturnType<typeof createStockService>;
