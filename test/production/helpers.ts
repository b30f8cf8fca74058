import type { Session, TestApp } from '../helpers/app.ts';

/** A product through the API; SKUs are unique per call. */
export async function makeProduct(t: TestApp, s: Session, over: { sku?: string; makeOrBuy?: 'make' | 'buy'; unit?: string; unitDecimals?: number } = {}) {
  const sku = `${over.sku ?? 'P'}-${Math.random().toString(36).slice(2, 7)}`;
  const r = await t.req(s, 'POST', '/api/v1/products', { name: `物料 ${sku}`, unit: '件', listPrice: 10_000, ...over, sku });
  if (r.statusCode !== 201) throw new Error(r.body);
  return { id: r.json().id as string, sku };
}

export const bomLine = (componentId: string, qtyPer: number, scrapPct = 0) => ({ componentId, qtyPer, scrapPct });
