import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type Session, type TestApp } from '../helpers/app.ts';
import { dialects } from '../helpers/db.ts';

const product = (over: Record<string, unknown> = {}) => ({
  sku: 'MTR-750W',
  name: '伺服电机 750W',
  unit: '台',
  listPrice: 129900,
  floorPrice: 110000,
  cost: 86000,
  makeOrBuy: 'make',
  leadTimeDays: 15,
  minQty: 1,
  maxQty: 500,
  specOptions: { 电压: ['220V', '380V'] },
  ...over,
});

for (const d of await dialects()) {
  describe(`catalog [${d.name}]`, { skip: d.skip }, () => {
    let t: TestApp;
    let planner: Session;
    before(async () => {
      t = await createTestApp(d.name);
      planner = (await t.as(['planner'])).session;
    });
    after(() => t?.close());

    test('a product is created with defaults; cost is hidden from sales (field rule)', async () => {
      const r = await t.req(planner, 'POST', '/api/v1/products', product());
      assert.equal(r.statusCode, 201, r.body);
      const p = r.json();
      assert.equal(p.taxRate, 13);
      assert.equal(p.cost, 86000);
      assert.equal(p.minQty, 1);
      const sales = (await t.as(['sales'])).session;
      const seen = (await t.req(sales, 'GET', `/api/v1/products/${p.id}`)).json();
      assert.equal(seen.cost, undefined);
      assert.equal(seen.listPrice, 129900);
      assert.ok((await t.req(sales, 'GET', '/api/v1/products?q=mtr')).json().items.every((x: any) => x.cost === undefined));
      assert.equal((await t.req(sales, 'POST', '/api/v1/products', product({ sku: 'X-1' }))).statusCode, 403);
    });

    test('bad input: floor above list, min above max, SKU taken, too many decimals', async () => {
      const cases: [Record<string, unknown>, number, string][] = [
        [product({ sku: 'B-1', floorPrice: 200000 }), 400, 'floorPrice'],
        [product({ sku: 'B-2', minQty: 10, maxQty: 5 }), 400, 'maxQty'],
        [product({ sku: 'B-3', minQty: 0.0005 }), 400, 'minQty'],
        [product({ sku: 'B-4', unitDecimals: 4 }), 400, 'unitDecimals'],
      ];
      for (const [body, status, path] of cases) {
        const r = await t.req(planner, 'POST', '/api/v1/products', body);
        assert.equal(r.statusCode, status, r.body);
        assert.ok(r.json().details.some((x: any) => x.path === path), r.body);
      }
      await t.req(planner, 'POST', '/api/v1/products', product({ sku: 'DUP-1' }));
      const dup = await t.req(planner, 'POST', '/api/v1/products', product({ sku: 'DUP-1' }));
      assert.equal(dup.statusCode, 409);
      assert.equal(dup.json().code, 'SKU_TAKEN');
    });

    test('PATCH changes only what it names and is versioned; a stale version conflicts', async () => {
      const p = (await t.req(planner, 'POST', '/api/v1/products', product({ sku: 'PATCH-1', taxRate: 9 }))).json();
      const r = await t.req(planner, 'PATCH', `/api/v1/products/${p.id}`, { version: 1, listPrice: 139900 });
      assert.equal(r.statusCode, 200, r.body);
      assert.equal(r.json().taxRate, 9, 'not reset to the default');
      assert.equal(r.json().listPrice, 139900);
      assert.equal(r.json().version, 2);
      assert.equal((await t.req(planner, 'PATCH', `/api/v1/products/${p.id}`, { version: 1, name: 'x' })).statusCode, 409);
      assert.equal((await t.req(planner, 'PATCH', `/api/v1/products/${p.id}`, { floorPrice: 150000 })).statusCode, 400, 'floor above the current list price');
      const ev = await t.db.handle.db.selectFrom('event').select('data').where('entityId', '=', p.id).where('type', '=', 'product.updated').executeTakeFirstOrThrow();
      assert.deepEqual(JSON.parse(ev.data).changes, [{ field: 'listPrice', old: 129900, new: 139900 }]);
    });
  });
}
