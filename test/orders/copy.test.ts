import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type Session, type TestApp } from '../helpers/app.ts';
import { dialects } from '../helpers/db.ts';
import { inDays, orderWorld } from './helpers.ts';

for (const d of await dialects()) {
  describe(`copy an order [${d.name}]`, { skip: d.skip }, () => {
    let t: TestApp;
    let admin: Session;
    let rep: Session;
    let otherRep: Session;
    before(async () => {
      t = await createTestApp(d.name);
      admin = (await t.as(['admin'])).session;
      rep = (await t.as(['sales'])).session;
      otherRep = (await t.as(['sales'])).session;
    });
    after(() => t?.close());

    const product = async (over: Record<string, unknown> = {}) => {
      const sku = `CP-${Math.random().toString(36).slice(2, 8)}`;
      const r = await t.req(admin, 'POST', '/api/v1/products', { sku, name: `减速机 ${sku}`, unit: '台', listPrice: 100_000, floorPrice: 50_000, cost: 40_000, specOptions: { 颜色: ['黑', '白'] }, ...over });
      assert.equal(r.statusCode, 201, r.body);
      return r.json() as { id: string; sku: string; version: number };
    };
    const deactivate = async (p: { id: string }) => {
      const cur = (await t.req(admin, 'GET', `/api/v1/products/${p.id}`)).json();
      const r = await t.req(admin, 'PATCH', `/api/v1/products/${p.id}`, { active: false, version: cur.version });
      assert.equal(r.statusCode, 200, r.body);
    };
    const orderCount = async () => Number((await t.db.handle.db.selectFrom('salesOrder').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

    test('a draft with the same customer, lines, spec, discount, ship-to and priority; PO cleared, date from lead time, prices re-quoted, copiedFrom on the timeline', async () => {
      const w = await orderWorld(t, admin, rep, { stock: 50 });
      const slow = await product({ leadTimeDays: 12 });
      const src = await t.req(rep, 'POST', '/api/v1/orders', {
        customerId: w.customerId,
        customerPo: 'PO-778',
        priority: 'high',
        promisedDate: inDays(40),
        shipToAddress: { label: '二厂', province: '浙江省', city: '宁波市', district: '鄞州区', detail: '首南街道 1 号', recipient: '钱工', phone: '13700137000' },
        lines: [
          { productId: w.productId, qty: 3, unitPrice: 90_000, discountPct: 5, spec: { 电压: '380V' } },
          { productId: slow.id, qty: 2, unitPrice: 100_000, spec: { 颜色: '黑' } },
        ],
      });
      assert.equal(src.statusCode, 201, src.body);
      const o = src.json().order;
      const res = await t.req(rep, 'POST', `/api/v1/orders/${o.id}/copy`, {});
      assert.equal(res.statusCode, 201, res.body);
      const c = res.json().order;
      assert.notEqual(c.id, o.id);
      assert.equal(c.status, 'draft');
      assert.equal(c.number, null);
      assert.equal(c.customerId, w.customerId);
      assert.equal(c.customerPo, null, 'the PO belongs to the old order');
      assert.equal(c.priority, 'high');
      assert.equal(c.copiedFromId, o.id);
      assert.equal(c.promisedDate, inDays(12), 'today + the longest lead time');
      assert.deepEqual(c.shipToAddress, o.shipToAddress);
      assert.deepEqual(
        c.lines.map((l: any) => [l.productId, l.qty, l.discountPct, l.spec]),
        o.lines.map((l: any) => [l.productId, l.qty, l.discountPct, l.spec]),
      );
      // The first line was 900 against a list price of 1000 and no earlier confirmed price: re-quoted at list, old price kept visible.
      assert.equal(c.lines[0].unitPrice, 100_000);
      const changed = res.json().warnings.filter((x: any) => x.code === 'PRICE_CHANGED');
      assert.deepEqual(changed, [{ code: 'PRICE_CHANGED', lineNo: 1, details: { sku: o.lines[0].sku, name: o.lines[0].name, oldPrice: 90_000, newPrice: 100_000, source: 'list' } }]);
      const tl = (await t.req(rep, 'GET', `/api/v1/orders/${c.id}/timeline`)).json().items;
      const copied = tl.find((e: any) => e.type === 'order.copied_from');
      assert.equal(copied?.data.fromId, o.id);
      const srcTl = (await t.req(rep, 'GET', `/api/v1/orders/${o.id}/timeline`)).json().items;
      assert.equal(srcTl.find((e: any) => e.type === 'order.copied')?.data.toId, c.id);
    });

    test('the tier price in force wins over the old price; a confirmed order re-quotes at the last price', async () => {
      const w = await orderWorld(t, admin, rep, { stock: 50 });
      const confirmed = await t.req(rep, 'POST', '/api/v1/orders', { customerId: w.customerId, promisedDate: inDays(30), lines: [{ productId: w.productId, qty: 1, unitPrice: 110_000 }], submit: true });
      assert.equal(confirmed.json().order.status, 'confirmed', confirmed.body);
      const same = await t.req(rep, 'POST', `/api/v1/orders/${confirmed.json().order.id}/copy`);
      assert.equal(same.statusCode, 201, same.body);
      assert.equal(same.json().order.lines[0].unitPrice, 110_000, "the customer's last confirmed price");
      assert.deepEqual(same.json().warnings, []);
      const list = await t.req(admin, 'POST', '/api/v1/price-lists', { name: 'C 级价', tier: 'C', items: [{ productId: w.productId, unitPrice: 95_000 }] });
      assert.equal(list.statusCode, 201, list.body);
      const tiered = await t.req(rep, 'POST', `/api/v1/orders/${confirmed.json().order.id}/copy`);
      assert.equal(tiered.json().order.lines[0].unitPrice, 95_000);
      assert.equal(tiered.json().warnings[0].details.source, 'tier');
      assert.equal(tiered.json().warnings[0].details.oldPrice, 110_000);
      await t.req(admin, 'PATCH', `/api/v1/price-lists/${list.json().id}`, { active: false });
    });

    test('lines of inactive products are dropped with a warning naming them; all inactive is 422 and creates nothing', async () => {
      const w = await orderWorld(t, admin, rep);
      const old = await product();
      const src = (await t.req(rep, 'POST', '/api/v1/orders', { customerId: w.customerId, promisedDate: inDays(30), lines: [{ productId: w.productId, qty: 1, unitPrice: 100_000 }, { productId: old.id, qty: 4, unitPrice: 100_000 }] })).json().order;
      await deactivate(old);
      const res = await t.req(rep, 'POST', `/api/v1/orders/${src.id}/copy`);
      assert.equal(res.statusCode, 201, res.body);
      assert.deepEqual(res.json().order.lines.map((l: any) => l.productId), [w.productId]);
      assert.deepEqual(res.json().warnings.filter((x: any) => x.code === 'PRODUCT_DROPPED').map((x: any) => [x.details.sku, x.details.lineNo]), [[old.sku, 2]]);

      const only = (await t.req(rep, 'POST', '/api/v1/orders', { customerId: w.customerId, promisedDate: inDays(30), lines: [{ productId: w.productId, qty: 1, unitPrice: 100_000 }] })).json().order;
      await deactivate({ id: w.productId });
      const n = await orderCount();
      const none = await t.req(rep, 'POST', `/api/v1/orders/${only.id}/copy`, undefined, { 'accept-language': 'en-US' });
      assert.equal(none.statusCode, 422, none.body);
      assert.equal(none.json().code, 'PRODUCT_INACTIVE');
      assert.match(none.json().message, /inactive/);
      assert.equal(await orderCount(), n, 'nothing created');
    });

    test("an order outside the caller's scope (or unknown) is 404; bad input is a localized field error and changes nothing", async () => {
      const w = await orderWorld(t, admin, rep);
      const src = (await t.req(rep, 'POST', '/api/v1/orders', { customerId: w.customerId, promisedDate: inDays(30), lines: [{ productId: w.productId, qty: 1, unitPrice: 100_000 }] })).json().order;
      const n = await orderCount();
      assert.equal((await t.req(otherRep, 'POST', `/api/v1/orders/${src.id}/copy`)).statusCode, 404);
      assert.equal((await t.req(rep, 'POST', '/api/v1/orders/nope/copy')).statusCode, 404);
      const past = await t.req(rep, 'POST', `/api/v1/orders/${src.id}/copy`, { promisedDate: inDays(-1) }, { 'accept-language': 'en-US' });
      assert.equal(past.statusCode, 400);
      assert.equal(past.json().details[0].path, 'promisedDate');
      assert.match(past.json().details[0].message, /past/);
      const zh = await t.req(rep, 'POST', `/api/v1/orders/${src.id}/copy`, { promisedDate: inDays(-1) }, { 'accept-language': 'zh-CN' });
      assert.match(zh.json().details[0].message, /日期不能早于今天/);
      assert.equal((await t.req(rep, 'POST', `/api/v1/orders/${src.id}/copy`, { customerPo: 'x' })).statusCode, 400, 'unknown fields are refused');
      assert.equal(await orderCount(), n);
      const given = await t.req(rep, 'POST', `/api/v1/orders/${src.id}/copy`, { promisedDate: inDays(20) });
      assert.equal(given.json().order.promisedDate, inDays(20));
    });

    test('Idempotency-Key: a replay answers the first draft again; the same key with another body is 422', async () => {
      const w = await orderWorld(t, admin, rep);
      const src = (await t.req(rep, 'POST', '/api/v1/orders', { customerId: w.customerId, promisedDate: inDays(30), lines: [{ productId: w.productId, qty: 1, unitPrice: 100_000 }] })).json().order;
      const n = await orderCount();
      const key = { 'idempotency-key': `copy-${src.id}` };
      const a = await t.req(rep, 'POST', `/api/v1/orders/${src.id}/copy`, { promisedDate: inDays(25) }, key);
      const b = await t.req(rep, 'POST', `/api/v1/orders/${src.id}/copy`, { promisedDate: inDays(25) }, key);
      assert.equal(a.statusCode, 201);
      assert.equal(b.statusCode, 201);
      assert.equal(b.json().order.id, a.json().order.id);
      assert.equal(await orderCount(), n + 1);
      const c = await t.req(rep, 'POST', `/api/v1/orders/${src.id}/copy`, { promisedDate: inDays(26) }, key);
      assert.equal(c.statusCode, 422);
      assert.equal(c.json().code, 'IDEMPOTENCY_KEY_REUSED');
    });
  });
}
