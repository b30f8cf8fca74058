import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type Session, type TestApp } from '../helpers/app.ts';
import { dialects } from '../helpers/db.ts';
import { inDays, orderWorld } from '../orders/helpers.ts';
import { bomLine, makeProduct } from './helpers.ts';

for (const d of await dialects()) {
  describe(`material check [${d.name}]`, { skip: d.skip }, () => {
    let t: TestApp;
    let admin: Session;
    let rep: Session;
    let plannerId: string;
    before(async () => {
      t = await createTestApp(d.name);
      admin = (await t.as(['admin'])).session;
      rep = (await t.as(['sales'])).session;
      plannerId = (await t.as(['planner'])).user.id;
    });
    after(() => t?.close());

    /** Machine A = 2 sub-assemblies B + 1.5 m cable C (10 % scrap); B = 3 D (5 % scrap) + 0.25 m C. */
    async function world(stock: { c: number; d: number }, machines: number[] = [10]) {
      const w = await orderWorld(t, admin, rep);
      const a = await makeProduct(t, admin, { sku: 'MA', makeOrBuy: 'make' });
      const b = await makeProduct(t, admin, { sku: 'MB', makeOrBuy: 'make' });
      const c = await makeProduct(t, admin, { sku: 'MC', unit: '米', unitDecimals: 1 });
      const dd = await makeProduct(t, admin, { sku: 'MD' });
      for (const [id, lines] of [[a.id, [bomLine(b.id, 2), bomLine(c.id, 1.5, 10)]], [b.id, [bomLine(dd.id, 3, 5), bomLine(c.id, 0.25)]]] as const) {
        const r = await t.req(admin, 'PUT', `/api/v1/products/${id}/bom`, { lines });
        assert.equal(r.statusCode, 200, r.body);
      }
      for (const [productId, qty] of [[c.id, stock.c], [dd.id, stock.d]] as const) {
        const m = await t.req(admin, 'POST', '/api/v1/stock/movements', { type: 'receipt', productId, warehouseId: w.warehouseId, qty, reason: '期初' });
        assert.equal(m.statusCode, 201, m.body);
      }
      // A bought item on the same order is not checked.
      const o = await t.req(rep, 'POST', '/api/v1/orders', {
        customerId: w.customerId,
        promisedDate: inDays(30),
        lines: [...machines.map((qty) => ({ productId: a.id, qty, unitPrice: 10_000 })), { productId: w.productId, qty: 1, unitPrice: 100_000, spec: { 电压: '380V' } }],
      });
      assert.equal(o.statusCode, 201, o.body);
      return { orderId: o.json().order.id as string, a, b, c, dd };
    }
    const check = (s: Session, orderId: string) => t.req(s, 'GET', `/api/v1/orders/${orderId}/material-check`);
    const shortEvents = (orderId: string) => t.db.handle.db.selectFrom('event').select('data').where('entityId', '=', orderId).where('type', '=', 'production.material_short').execute();
    const plannerAlerts = async (orderId: string) =>
      (await t.db.handle.db.selectFrom('outbox').select(['payload']).where('channel', '=', 'inapp').where('topic', '=', 'production.material_short').execute())
        .map((r) => JSON.parse(r.payload))
        .filter((p) => p.userId === plannerId && p.link.endsWith(orderId));

    test('a short component: per component required / available / short; on the timeline; the planner is told once', async () => {
      const w = await world({ c: 10, d: 100 });
      const r = await check(rep, w.orderId);
      assert.equal(r.statusCode, 200, r.body);
      const body = r.json();
      assert.equal(body.ok, false);
      assert.equal(body.lines.length, 1);
      const line = body.lines[0];
      assert.deepEqual([line.lineNo, line.qtyToMake, line.hasBom, line.ok], [1, 10, true, false]);
      const by = Object.fromEntries(line.components.map((c: any) => [c.sku, [c.level, c.required, c.available, c.short]]));
      // 20 B (sub-assembly, not checked); 63 D; 16.5 + 5 = 21.5 m of C against 10 m in stock.
      assert.deepEqual(by, { [w.b.sku]: [1, 20, 0, 0], [w.dd.sku]: [2, 63, 100, 0], [w.c.sku]: [2, 21.5, 10, 11.5] });

      const events = await shortEvents(w.orderId);
      assert.equal(events.length, 1);
      assert.deepEqual(JSON.parse(events[0].data).shortages.map((s: any) => [s.sku, s.short]), [[w.c.sku, 11.5]]);
      const tl = (await t.req(rep, 'GET', `/api/v1/orders/${w.orderId}/timeline`)).json().items;
      assert.ok(tl.some((e: any) => e.type === 'production.material_short'), JSON.stringify(tl));
      assert.equal((await plannerAlerts(w.orderId)).length, 1);

      // Looking again at the same shortage neither repeats the event nor the alert.
      assert.equal((await check(rep, w.orderId)).json().ok, false);
      assert.equal((await shortEvents(w.orderId)).length, 1);
      assert.equal((await plannerAlerts(w.orderId)).length, 1);
    });

    test('enough material: ok, no event, nobody notified', async () => {
      const w = await world({ c: 30, d: 63 });
      const body = (await check(rep, w.orderId)).json();
      assert.equal(body.ok, true, JSON.stringify(body));
      assert.equal((await shortEvents(w.orderId)).length, 0);
      assert.equal((await plannerAlerts(w.orderId)).length, 0);
    });

    test('two make lines draw on the same stock one after the other: a material is not counted twice', async () => {
      const w = await world({ c: 15, d: 100 }, [5, 5]);
      const body = (await check(rep, w.orderId)).json();
      const cable = body.lines.map((l: any) => l.components.find((c: any) => c.sku === w.c.sku));
      // Each line: 5 × 1.5 × 1.1 = 8.25 + 10 B × 0.25 = 2.5 → 10.75 → 10.8 m
      assert.deepEqual(cable.map((c: any) => [c.required, c.available, c.short]), [[10.8, 15, 0], [10.8, 4.2, 6.6]]);
      assert.deepEqual(body.lines.map((l: any) => l.ok), [true, false]);
      assert.equal(body.ok, false);
    });

    test("another sales rep gets 404 for someone else's order; a planner (production:read, all) may look", async () => {
      const w = await world({ c: 30, d: 100 });
      const other = (await t.as(['sales'])).session;
      const r = await check(other, w.orderId);
      assert.equal(r.statusCode, 404, r.body);
      assert.equal(r.json().code, 'NOT_FOUND');
      const planner = (await t.as(['planner'])).session;
      assert.equal((await check(planner, w.orderId)).statusCode, 200);
      assert.equal((await check(rep, 'no-such-order')).statusCode, 404);
    });
  });
}
