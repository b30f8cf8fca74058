import { fromMilli } from '../../../contracts/quantity.ts';
import type { Db, Tx } from '../../platform/db/database.ts';
import { productsRepository, tierPrices } from '../catalog/index.ts';
import { availability } from '../inventory/index.ts';

/**
 * Today's prices for a customer, per product: list and floor price, the tier price in force
 * on `today`, the customer's last confirmed price and available stock. Order entry shows
 * them; copying an order re-prices from them.
 */
export async function quotePrices(q: Db | Tx, customer: { id: string; tier: string }, productIds: string[], today: string) {
  const products = await productsRepository.byIds(q, productIds);
  const tier = await tierPrices(q, productIds, customer.tier, today);
  const last = new Map((await q.selectFrom('customerPrice').selectAll().where('customerId', '=', customer.id).where('productId', 'in', productIds.length ? productIds : ['-']).execute()).map((r) => [r.productId, r]));
  const avail = await availability(q, productIds);
  return products.map((p) => ({
    productId: p.id,
    listPrice: Number(p.listPrice),
    floorPrice: Number(p.floorPrice),
    tierPrice: tier.get(p.id) ?? null,
    lastPrice: last.has(p.id) ? Number(last.get(p.id)!.unitPrice) : null,
    lastOrderedAt: last.get(p.id)?.at ?? null,
    available: fromMilli(avail.get(p.id)?.available ?? 0),
  }));
}
export type PriceQuote = Awaited<ReturnType<typeof quotePrices>>[number];

/**
 * The price a re-quoted line gets: the tier price list in force (a contract price) wins,
 * then the price this customer last confirmed, then the list price.
 */
export function quotedPrice(q: PriceQuote): { price: number; source: 'tier' | 'last' | 'list' } {
  if (q.tierPrice !== null) return { price: q.tierPrice, source: 'tier' };
  if (q.lastPrice !== null) return { price: q.lastPrice, source: 'last' };
  return { price: q.listPrice, source: 'list' };
}
