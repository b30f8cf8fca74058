import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type Session, type TestApp } from '../helpers/app.ts';
import { dialects } from '../helpers/db.ts';

for (const d of await dialects()) {
  describe(`PATCH /price-lists/:id [${d.name}]`, { skip: d.skip }, () => {
    let t: TestApp;
    let admin: Session;
    let rep: Session;
    let a: string;
    let b: string;
    before(async () => {
      t = await createTestApp(d.name);
      admin = (await t.as(['admin'])).session;
      rep = (await t.as(['sales'])).session;
      const mk = async (sku: string) => (await t.req(admin, 'POST', '/api/v1/products', { sku, name: sku, unit: '个', listPrice: 10_000, floorPrice: 5_000, cost: 3_000 })).json().id as string;
      a = await mk('PL-A');
      b = await mk('PL-B');
    });
    after(() => t?.close());

    const list = async () => {
      const r = await t.req(admin, 'POST', '/api/v1/price-lists', { name: 'B 级 2026', tier: 'B', validFrom: '2026-01-01', validTo: '2026-12-31', items: [{ productId: a, unitPrice: 9_000 }] });
      assert.equal(r.statusCode, 201, r.body);
      return r.json();
    };

    test('name, tier, dates and active change in place; items replace the prices; the quote follows', async () => {
      const l = await list();
      const r = await t.req(admin, 'PATCH', `/api/v1/price-lists/${l.id}`, { name: 'A 级 2027', tier: 'A', validTo: '2027-12-31', items: [{ productId: b, unitPrice: 8_500 }] });
      assert.equal(r.statusCode, 200, r.body);
      assert.deepEqual([r.json().name, r.json().tier, r.json().validFrom, r.json().validTo, r.json().active], ['A 级 2027', 'A', '2026-01-01', '2027-12-31', true]);
      assert.deepEqual(r.json().items.map((i: any) => [i.productId, i.unitPrice]), [[b, 8_500]]);
      const off = await t.req(admin, 'PATCH', `/api/v1/price-lists/${l.id}`, { active: false });
      assert.equal(off.json().active, false);
      assert.equal(off.json().items.length, 1, 'items untouched when not sent');
      const ev = await t.db.handle.db.selectFrom('event').select('type').where('entityId', '=', l.id).where('type', '=', 'price_list.updated').execute();
      assert.equal(ev.length, 2);
    });

    test('dates out of order, unknown or repeated products and bad fields are localized field errors; nothing changes', async () => {
      const l = await list();
      const order = await t.req(admin, 'PATCH', `/api/v1/price-lists/${l.id}`, { validTo: '2025-06-30' }, { 'accept-language': 'en-US' });
      assert.equal(order.statusCode, 400);
      assert.deepEqual(order.json().details.map((x: any) => [x.path, x.code]), [['validTo', 'before_valid_from']]);
      assert.match(order.json().details[0].message, /before the start date/);
      const from = await t.req(admin, 'PATCH', `/api/v1/price-lists/${l.id}`, { validFrom: '2027-01-01' }, { 'accept-language': 'zh-CN' });
      assert.deepEqual(from.json().details.map((x: any) => x.path), ['validFrom'], 'checked against the stored end date');
      assert.match(from.json().details[0].message, /结束日期不能早于开始日期/);
      const items = await t.req(admin, 'PATCH', `/api/v1/price-lists/${l.id}`, { name: '改名', items: [{ productId: 'ghost', unitPrice: 1 }, { productId: a, unitPrice: 1 }, { productId: a, unitPrice: 2 }] });
      assert.deepEqual(items.json().details.map((x: any) => [x.path, x.code]), [['items.0.productId', 'not_found'], ['items.2.productId', 'duplicate_product']]);
      assert.equal((await t.req(admin, 'PATCH', `/api/v1/price-lists/${l.id}`, { items: [{ productId: a, unitPrice: -1 }] })).statusCode, 400);
      assert.equal((await t.req(admin, 'PATCH', `/api/v1/price-lists/${l.id}`, { tier: 'Z' })).statusCode, 400);
      assert.equal((await t.req(admin, 'PATCH', `/api/v1/price-lists/${l.id}`, { currency: 'USD' })).statusCode, 400);
      const now = (await t.req(admin, 'GET', '/api/v1/price-lists')).json().items.find((x: any) => x.id === l.id);
      assert.deepEqual([now.name, now.validTo, now.items.map((i: any) => i.unitPrice)], ['B 级 2026', '2026-12-31', [9_000]]);
      assert.equal((await t.req(admin, 'PATCH', '/api/v1/price-lists/nope', { name: 'x' })).statusCode, 404);
      assert.equal((await t.req(rep, 'PATCH', `/api/v1/price-lists/${l.id}`, { name: 'x' })).statusCode, 403);
    });
  });
}
