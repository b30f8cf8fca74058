import type { CopyWarning, Order, OrderCreate } from '../../../contracts/orders.ts';
import { fromMilli } from '../../../contracts/quantity.ts';
import type { Config } from '../../config.ts';
import type { Db, Tx } from '../../platform/db/database.ts';
import { json } from '../../platform/db/dialect.ts';
import { localDate } from '../../platform/dates.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { appendEvent } from '../../platform/events.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { AppError } from '../../platform/http/errors.ts';
import { newId } from '../../platform/ids.ts';
import { loadCustomFields } from '../admin/index.ts';
import { productsRepository } from '../catalog/index.ts';
import { quotedPrice, quotePrices } from './order-quote.ts';
import { orderLines, orders, type OrderRow } from './orders.repository.ts';

interface Deps {
  row(q: Db | Tx, actor: Actor | null, id: string): Promise<OrderRow>;
  insertDraft(tx: Tx, actor: Actor, id: string, input: OrderCreate): Promise<unknown>;
  load(q: Db | Tx, actor: Actor, id: string): Promise<Order>;
}

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * 复制订单: a new draft for the same customer with the same lines (product, qty, spec,
 * discount), ship-to and priority. What must not be repeated is not: the customer PO is
 * cleared, the promised date is today + the longest lead time unless given, prices are
 * re-quoted from today's price (tier → last → list) with the old price in a warning when
 * it differs, and lines of inactive products are dropped with a warning naming them.
 * The source is read with the caller's scope: an order they cannot see is a 404.
 */
export function createOrderCopy(db: Db, config: Pick<Config, 'timeZone'>, deps: Deps) {
  return {
    async copy(actor: Actor, sourceId: string, input: { promisedDate?: string } = {}) {
      const id = newId();
      const warnings = await inTransaction(db, async (tx) => {
        const src = await deps.row(tx, actor, sourceId);
        const lines = await orderLines.of(tx, [src.id]);
        const products = new Map((await productsRepository.byIds(tx, [...new Set(lines.map((l) => l.productId))])).map((p) => [p.id, p]));
        const kept = lines.filter((l) => products.get(l.productId)?.active === 1);
        const warnings: CopyWarning[] = lines.filter((l) => !kept.includes(l)).map((l) => ({ code: 'PRODUCT_DROPPED', lineNo: null, details: { sku: l.sku, name: l.name, lineNo: l.lineNo } }));
        if (kept.length === 0) throw new AppError('PRODUCT_INACTIVE', { skus: lines.map((l) => l.sku) });

        const today = localDate(new Date(), config.timeZone);
        const customer = await tx.selectFrom('customer').select(['id', 'tier']).where('id', '=', src.customerId).executeTakeFirstOrThrow();
        const quotes = new Map((await quotePrices(tx, customer, [...new Set(kept.map((l) => l.productId))], today)).map((q) => [q.productId, q]));
        const leadTime = Math.max(0, ...kept.map((l) => products.get(l.productId)!.leadTimeDays));
        const newLines = kept.map((l, i) => {
          const { price, source } = quotedPrice(quotes.get(l.productId)!);
          const old = Number(l.unitPrice);
          if (price !== old) warnings.push({ code: 'PRICE_CHANGED', lineNo: i + 1, details: { sku: l.sku, name: l.name, oldPrice: old, newPrice: price, source } });
          return { productId: l.productId, qty: fromMilli(Number(l.qty)), unitPrice: price, discountPct: l.discountBp / 100, spec: json.read<Record<string, string>>(l.spec, {}), warehouseId: null, note: l.note };
        });
        // Fields removed by the admin since are not carried over (they would fail validation).
        const fields = new Set((await loadCustomFields(tx, 'order')).map((f) => f.key));
        const shipTo = json.read<NonNullable<OrderCreate['shipToAddress']> | null>(src.shipTo, null);
        await deps.insertDraft(tx, actor, id, {
          customerId: src.customerId,
          requirementId: null,
          customerPo: null,
          currency: 'CNY',
          promisedDate: input.promisedDate ?? addDays(today, leadTime),
          priority: src.priority,
          nonStandard: src.nonStandard === 1,
          nonStandardReason: src.nonStandardReason,
          shipToAddressId: null,
          shipToAddress: shipTo ? { ...shipTo, label: shipTo.label ?? null } : null,
          lines: newLines,
          note: src.note,
          customFields: Object.fromEntries(Object.entries(json.read<Record<string, unknown>>(src.customFields, {})).filter(([k]) => fields.has(k))),
          submit: false,
          acknowledge: [],
        });
        await orders.update(tx, id, { copiedFromId: src.id });
        await appendEvent(tx, { entityType: 'order', entityId: id, type: 'order.copied_from', actor, stage: 'review', data: { fromId: src.id, fromNumber: src.number, warnings } });
        await appendEvent(tx, { entityType: 'order', entityId: src.id, type: 'order.copied', actor, stage: 'review', data: { toId: id } });
        return warnings;
      });
      return { order: await deps.load(db, actor, id), warnings };
    },
  };
}
