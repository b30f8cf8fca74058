import type { Session, TestApp } from '../helpers/app.ts';

const ADDRESS = { label: '工厂', province: '浙江省', city: '宁波市', district: '北仑区', detail: '新碶街道 88 号', recipient: '周工', phone: '13600136000' };

/** A catalog, a warehouse with stock and a customer owned by `rep`, through the API. */
export async function orderWorld(t: TestApp, admin: Session, rep: Session, opts: { stock?: number; creditLimit?: number; sku?: string } = {}) {
  const sku = opts.sku ?? `P-${Math.random().toString(36).slice(2, 8)}`;
  const product = await t.req(admin, 'POST', '/api/v1/products', { sku, name: `伺服电机 ${sku}`, unit: '台', listPrice: 100_000, floorPrice: 80_000, cost: 60_000, minQty: 1, maxQty: 1000, specOptions: { 电压: ['220V', '380V'] } });
  if (product.statusCode !== 201) throw new Error(product.body);
  const wh = await t.req(admin, 'GET', '/api/v1/warehouses');
  let warehouseId = wh.json().items[0]?.id as string | undefined;
  if (!warehouseId) {
    const w = await t.req(admin, 'POST', '/api/v1/warehouses', { code: 'WH1', name: '成品仓', isDefault: true });
    if (w.statusCode !== 201) throw new Error(w.body);
    warehouseId = w.json().id as string;
  }
  if (opts.stock) {
    const m = await t.req(admin, 'POST', '/api/v1/stock/movements', { type: 'receipt', productId: product.json().id, warehouseId, qty: opts.stock, reason: '期初' });
    if (m.statusCode !== 201) throw new Error(m.body);
  }
  const c = await t.req(rep, 'POST', '/api/v1/customers', { name: `宁波客户${sku}`, creditLimit: opts.creditLimit ?? 0, addresses: [ADDRESS] });
  if (c.statusCode !== 201) throw new Error(c.body);
  return { productId: product.json().id as string, warehouseId, customerId: c.json().customer.id as string };
}

/** A calendar date n days from today in China (the company time zone the server uses). */
export const inDays = (n: number) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(Date.now() + n * 86_400_000));
