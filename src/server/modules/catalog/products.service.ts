import type { Product, ProductCreate, ProductPatch } from '../../../contracts/catalog.ts';
import { fromMilli, toMilli } from '../../../contracts/quantity.ts';
import type { Db, Tx } from '../../platform/db/database.ts';
import { isUniqueViolation, json } from '../../platform/db/dialect.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { appendEvent } from '../../platform/events.ts';
import { redact, type Actor } from '../../platform/http/actor.ts';
import { AppError, fieldError, notFound } from '../../platform/http/errors.ts';
import { decodeCursor, toPage } from '../../platform/http/pagination.ts';
import { newId, nowIso } from '../../platform/ids.ts';
import type { ProductTable } from '../../db/schema.ts';
import { products } from './products.repository.ts';

/** A product row as the API shows it; cost only for roles that may see it. */
export function toProduct(actor: Actor | null, r: ProductTable): Product {
  const p: Product = {
    id: r.id,
    sku: r.sku,
    name: r.name,
    spec: r.spec,
    category: r.category,
    unit: r.unit,
    unitDecimals: r.unitDecimals,
    listPrice: Number(r.listPrice),
    floorPrice: Number(r.floorPrice),
    cost: Number(r.cost),
    taxRate: r.taxRateBp / 100,
    makeOrBuy: r.makeOrBuy,
    leadTimeDays: r.leadTimeDays,
    minQty: r.minQty == null ? null : fromMilli(Number(r.minQty)),
    maxQty: r.maxQty == null ? null : fromMilli(Number(r.maxQty)),
    specOptions: json.read(r.specOptions, {}),
    active: r.active === 1,
    version: r.version,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
  return actor ? redact(actor, 'product', p) : p;
}

function toColumns(p: Partial<ProductCreate>): Partial<ProductTable> {
  const { taxRate, minQty, maxQty, specOptions, active, ...rest } = p;
  return {
    ...rest,
    ...(taxRate !== undefined ? { taxRateBp: Math.round(taxRate * 100) } : {}),
    ...(minQty !== undefined ? { minQty: minQty == null ? null : toMilli(minQty) } : {}),
    ...(maxQty !== undefined ? { maxQty: maxQty == null ? null : toMilli(maxQty) } : {}),
    ...(specOptions !== undefined ? { specOptions: json.write(specOptions) } : {}),
    ...(active !== undefined ? { active: active ? 1 : 0 } : {}),
  };
}

const skuTaken = (err: unknown) => (isUniqueViolation(err) ? new AppError('SKU_TAKEN', [fieldError('sku', 'taken')]) : err);

export function createProductsService(db: Db) {
  const get = async (actor: Actor, id: string) => {
    const r = await products.byId(db, id);
    if (!r) throw notFound();
    return toProduct(actor, r);
  };
  return {
    get,
    async list(actor: Actor, q: { limit: number; cursor?: string; q?: string; category?: string; makeOrBuy?: 'make' | 'buy'; active?: 'true' | 'false' }) {
      const after = decodeCursor(q.cursor);
      const rows = await products.list(db, { ...q, after: after ? String(after[0]) : undefined, active: q.active === undefined ? undefined : q.active === 'true' });
      const page = toPage(rows, q.limit, (r) => [r.sku]);
      return { items: page.items.map((r) => toProduct(actor, r)), nextCursor: page.nextCursor };
    },
    async create(actor: Actor, input: ProductCreate) {
      const id = newId();
      await inTransaction(db, async (tx: Tx) => {
        const now = nowIso();
        try {
          await products.insert(tx, { spec: null, category: null, minQty: null, maxQty: null, ...toColumns(input), id, version: 1, createdAt: now, updatedAt: now } as ProductTable);
        } catch (err) {
          throw skuTaken(err);
        }
        await appendEvent(tx, { entityType: 'product', entityId: id, type: 'product.created', actor, data: { sku: input.sku, name: input.name } });
      });
      return get(actor, id);
    },
    async update(actor: Actor, id: string, patch: ProductPatch) {
      await inTransaction(db, async (tx) => {
        const before = await products.byId(tx, id);
        if (!before) throw notFound();
        if (patch.version !== undefined && patch.version !== before.version) throw new AppError('CONFLICT', [fieldError('version', 'version_mismatch', { current: before.version })]);
        const { version: _v, ...fields } = patch;
        if (actor.hiddenFields.has('product.cost')) delete fields.cost;
        const merged = { ...toProduct(null, before), ...fields };
        if (merged.floorPrice > merged.listPrice) throw new AppError('VALIDATION_FAILED', [fieldError('floorPrice', 'floor_above_list')]);
        try {
          await products.update(tx, id, { ...toColumns(fields), version: before.version + 1, updatedAt: nowIso() });
        } catch (err) {
          throw skuTaken(err);
        }
        const old = toProduct(null, before) as Record<string, unknown>;
        const changes = Object.entries(fields)
          .filter(([k, v]) => JSON.stringify(old[k]) !== JSON.stringify(v))
          .map(([field, v]) => ({ field, old: old[field], new: v }));
        await appendEvent(tx, { entityType: 'product', entityId: id, type: 'product.updated', actor, data: { changes } });
      });
      return get(actor, id);
    },
  };
}
export type ProductsService = ReturnType<typeof createProductsService>;
