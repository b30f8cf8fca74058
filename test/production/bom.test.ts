import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type Session, type TestApp } from '../helpers/app.ts';
import { dialects } from '../helpers/db.ts';
import { bomLine, makeProduct } from './helpers.ts';

for (const d of await dialects()) {
  describe(`BOM [${d.name}]`, { skip: d.skip }, () => {
    let t: TestApp;
    let planner: Session;
    before(async () => {
      t = await createTestApp(d.name);
      planner = (await t.as(['planner'])).session;
    });
    after(() => t?.close());

    const put = (productId: string, body: unknown, s = planner) => t.req(s, 'PUT', `/api/v1/products/${productId}/bom`, body);

    test('put then get: lines in order, version 1, an event on the product; sales may read but not write', async () => {
      const a = await makeProduct(t, planner, { sku: 'A', makeOrBuy: 'make' });
      const b = await makeProduct(t, planner, { sku: 'B' });
      const c = await makeProduct(t, planner, { sku: 'C', unit: '米', unitDecimals: 1 });
      const empty = await t.req(planner, 'GET', `/api/v1/products/${a.id}/bom`);
      assert.deepEqual(empty.json(), { productId: a.id, version: 0, validFrom: null, validTo: null, lines: [] });

      const r = await put(a.id, { lines: [bomLine(b.id, 2), bomLine(c.id, 1.5, 10)] });
      assert.equal(r.statusCode, 200, r.body);
      const got = (await t.req(planner, 'GET', `/api/v1/products/${a.id}/bom`)).json();
      assert.equal(got.version, 1);
      assert.deepEqual(got.lines.map((l: any) => [l.sku, l.qtyPer, l.scrapPct, l.sort]), [[b.sku, 2, 0, 1], [c.sku, 1.5, 10, 2]]);

      // Replacing keeps the version; starting a new one closes the old the day before.
      assert.equal((await put(a.id, { lines: [bomLine(b.id, 3)], version: 1 })).json().version, 1);
      assert.equal((await put(a.id, { lines: [bomLine(b.id, 4)], version: 0 })).statusCode, 409);
      const v2 = await put(a.id, { lines: [bomLine(b.id, 4)], newVersion: true, validFrom: '2099-01-01' });
      assert.equal(v2.statusCode, 200, v2.body);
      assert.deepEqual([v2.json().version, v2.json().validFrom], [2, '2099-01-01']);
      assert.equal((await put(a.id, { lines: [], newVersion: true, validFrom: '2098-01-01' })).statusCode, 400);

      const events = await t.db.handle.db.selectFrom('event').select(['type']).where('entityId', '=', a.id).where('type', 'like', 'bom.%').orderBy('id').execute();
      assert.deepEqual(events.map((e) => e.type), ['bom.updated', 'bom.updated', 'bom.version_created']);

      const sales = (await t.as(['sales'])).session;
      assert.equal((await t.req(sales, 'GET', `/api/v1/products/${a.id}/bom`)).statusCode, 200);
      assert.equal((await put(a.id, { lines: [] }, sales)).statusCode, 403);
      assert.equal((await t.req(planner, 'GET', '/api/v1/products/nope/bom')).statusCode, 404);
    });

    test('a cycle across levels (A → B → C → A) is refused with its path; nothing written', async () => {
      const a = await makeProduct(t, planner, { sku: 'CA', makeOrBuy: 'make' });
      const b = await makeProduct(t, planner, { sku: 'CB', makeOrBuy: 'make' });
      const c = await makeProduct(t, planner, { sku: 'CC', makeOrBuy: 'make' });
      assert.equal((await put(a.id, { lines: [bomLine(b.id, 1)] })).statusCode, 200);
      assert.equal((await put(b.id, { lines: [bomLine(c.id, 1)] })).statusCode, 200);
      const r = await put(c.id, { lines: [bomLine(a.id, 1)] });
      assert.equal(r.statusCode, 422, r.body);
      assert.equal(r.json().code, 'BOM_CYCLE');
      assert.deepEqual(r.json().details.path, [c.sku, a.sku, b.sku, c.sku]);
      assert.equal((await t.req(planner, 'GET', `/api/v1/products/${c.id}/bom`)).json().version, 0);
      // A → B → A too (two levels)
      assert.equal((await put(b.id, { lines: [bomLine(a.id, 1)] })).json().code, 'BOM_CYCLE');
    });

    test('edits that close a cycle together (A → B and B → A at once): one wins, the other gets BOM_CYCLE', async () => {
      const pairs = await Promise.all(Array.from({ length: 8 }, async () => [await makeProduct(t, planner, { sku: 'RA', makeOrBuy: 'make' }), await makeProduct(t, planner, { sku: 'RB', makeOrBuy: 'make' })]));
      const rs = await Promise.all(pairs.flatMap(([a, b]) => [put(a.id, { lines: [bomLine(b.id, 1)] }), put(b.id, { lines: [bomLine(a.id, 1)] })]));
      for (let i = 0; i < rs.length; i += 2) assert.deepEqual([rs[i].statusCode, rs[i + 1].statusCode].sort(), [200, 422], `${rs[i].body}\n${rs[i + 1].body}`);
    });

    test('bad input answers 400 naming the field', async () => {
      const a = await makeProduct(t, planner, { sku: 'BA', makeOrBuy: 'make' });
      const b = await makeProduct(t, planner, { sku: 'BB' });
      const cases: [unknown, string][] = [
        [{ lines: [bomLine(a.id, 1)] }, 'lines.0.componentId'],
        [{ lines: [bomLine('no-such-product', 1)] }, 'lines.0.componentId'],
        [{ lines: [bomLine(b.id, 1), bomLine(b.id, 2)] }, 'lines.1.componentId'],
        [{ lines: [bomLine(b.id, 0)] }, 'lines.0.qtyPer'],
        [{ lines: [bomLine(b.id, -1)] }, 'lines.0.qtyPer'],
        [{ lines: [bomLine(b.id, 0.0005)] }, 'lines.0.qtyPer'],
        [{ lines: [bomLine(b.id, 1, 51)] }, 'lines.0.scrapPct'],
        [{ lines: [bomLine(b.id, 1, -1)] }, 'lines.0.scrapPct'],
        [{ lines: [{ componentId: b.id }] }, 'lines.0.qtyPer'],
      ];
      for (const [body, path] of cases) {
        const r = await put(a.id, body);
        assert.equal(r.statusCode, 400, `${JSON.stringify(body)} → ${r.body}`);
        assert.ok(r.json().details.some((x: any) => x.path === path), r.body);
      }
      assert.equal((await t.req(planner, 'GET', `/api/v1/products/${a.id}/bom`)).json().version, 0);
    });

    test('explosion over two levels with scrap, aggregated and rounded up per unit', async () => {
      const a = await makeProduct(t, planner, { sku: 'EA', makeOrBuy: 'make' });
      const b = await makeProduct(t, planner, { sku: 'EB', makeOrBuy: 'make' });
      const c = await makeProduct(t, planner, { sku: 'EC', unit: '米', unitDecimals: 1 });
      const dd = await makeProduct(t, planner, { sku: 'ED' });
      await put(a.id, { lines: [bomLine(b.id, 2), bomLine(c.id, 1.5, 10)] });
      await put(b.id, { lines: [bomLine(dd.id, 3, 5), bomLine(c.id, 0.25)] });
      const r = await t.req(planner, 'GET', `/api/v1/products/${a.id}/bom/explosion?qty=3`);
      assert.equal(r.statusCode, 200, r.body);
      const by = Object.fromEntries(r.json().requirements.map((x: any) => [x.sku, [x.level, x.required, x.hasBom]]));
      assert.deepEqual(by, { [b.sku]: [1, 6, true], [dd.sku]: [2, 19, false], [c.sku]: [2, 6.5, false] });
      assert.equal((await t.req(planner, 'GET', `/api/v1/products/${a.id}/bom/explosion?qty=0`)).statusCode, 400);
    });
  });
}
