import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type Session, type TestApp } from '../helpers/app.ts';
import { dialects } from '../helpers/db.ts';
import { inDays, orderWorld } from './helpers.ts';

for (const d of await dialects()) {
  describe(`orders: entry, checks, confirmation [${d.name}]`, { skip: d.skip }, () => {
    let t: TestApp;
    let admin: Session;
    let rep: Session;
    before(async () => {
      t = await createTestApp(d.name);
      admin = (await t.as(['admin'])).session;
      rep = (await t.as(['sales'])).session;
    });
    after(() => t?.close());

    const order = (w: { productId: string; customerId: string }, over: Record<string, unknown> = {}, line: Record<string, unknown> = {}) => ({
      customerId: w.customerId,
      promisedDate: inDays(30),
      lines: [{ productId: w.productId, qty: 3, unitPrice: 100_000, spec: { 电压: '380V' }, ...line }],
      ...over,
    });
    const stockOf = async (productId: string) => (await t.req(admin, 'GET', `/api/v1/stock?productId=${productId}`)).json().items[0];

    test('create-and-submit confirms, numbers the order and reserves stock; a short line is a backorder, never an oversell', async () => {
      const w = await orderWorld(t, admin, rep, { stock: 5 });
      const r = await t.req(rep, 'POST', '/api/v1/orders', order(w, { submit: true }, { qty: 8 }));
      assert.equal(r.statusCode, 201, r.body);
      const o = r.json().order;
      assert.equal(o.status, 'confirmed');
      assert.match(o.number, /^SO-\d{8}-\d{4}$/);
      assert.deepEqual([o.lines[0].reservedQty, o.lines[0].shortQty], [5, 3]);
      assert.deepEqual(o.totals, { net: 800_000, tax: 104_000, gross: 904_000 });
      const s = await stockOf(w.productId);
      assert.deepEqual([s.onHand, s.reserved, s.available], [5, 5, 0]);
      const tl = (await t.req(rep, 'GET', `/api/v1/orders/${o.id}/timeline`)).json().items;
      assert.deepEqual(tl.map((e: any) => e.type), ['order.created', 'order.submitted', 'stock.reserved', 'order.confirmed']);
      assert.deepEqual(tl[3].data.shortages, [{ lineNo: 1, shortQty: 3 }]);
      assert.ok(tl.every((e: any) => e.actorName && e.at));
    });

    test('bad input is a 400 naming the field; nothing is written', async () => {
      const w = await orderWorld(t, admin, rep);
      const before = (await t.req(rep, 'GET', '/api/v1/orders?limit=200')).json().items.length;
      const cases: [Record<string, unknown>, string][] = [
        [order(w, {}, { qty: 0 }), 'lines.0.qty'],
        [order(w, {}, { qty: -2 }), 'lines.0.qty'],
        [order(w, {}, { qty: 1.5 }), 'lines.0.qty'],
        [order(w, {}, { discountPct: 120 }), 'lines.0.discountPct'],
        [order(w, {}, { productId: 'nope' }), 'lines.0.productId'],
        [order(w, { promisedDate: '2020-01-01' }), 'promisedDate'],
        [order({ ...w, customerId: 'nope' }), 'customerId'],
      ];
      for (const [body, path] of cases) {
        const r = await t.req(rep, 'POST', '/api/v1/orders', body);
        assert.equal(r.statusCode, 400, `${path}: ${r.body}`);
        assert.ok(r.json().details.some((x: any) => x.path === path), `${path}: ${r.body}`);
      }
      assert.equal((await t.req(rep, 'GET', '/api/v1/orders?limit=200')).json().items.length, before);
    });

    test('hard checks answer 422 with their code and leave the draft unnumbered; soft checks are warnings', async () => {
      const w = await orderWorld(t, admin, rep, { stock: 100 });
      for (const [line, code] of [
        [{ unitPrice: 79_999 }, 'PRICE_BELOW_FLOOR'],
        [{ spec: { 电压: '110V' } }, 'SPEC_INVALID'],
        [{ qty: 2000 }, 'QTY_OUT_OF_RANGE'],
      ] as const) {
        const r = await t.req(rep, 'POST', '/api/v1/orders', order(w, { submit: true }, line));
        assert.equal(r.statusCode, 422, r.body);
        assert.equal(r.json().code, code);
      }
      const draft = (await t.req(rep, 'POST', '/api/v1/orders', order(w, {}, { unitPrice: 79_999 }))).json().order;
      assert.equal((await t.req(rep, 'POST', `/api/v1/orders/${draft.id}/submit`, {})).statusCode, 422);
      const still = (await t.req(rep, 'GET', `/api/v1/orders/${draft.id}`)).json();
      assert.deepEqual([still.status, still.number], ['draft', null], 'a rejected submit changes nothing');
      const soft = await t.req(rep, 'POST', '/api/v1/orders', order(w, { submit: true }, { unitPrice: 90_000 }));
      assert.equal(soft.statusCode, 201, soft.body);
      assert.equal(soft.json().order.status, 'confirmed');
      assert.deepEqual(soft.json().warnings.map((x: any) => x.code), ['PRICE_BELOW_LIST']);
      const warned = (await t.req(rep, 'GET', '/api/v1/orders?hasWarnings=true&limit=200')).json().items.map((x: any) => x.id);
      assert.ok(warned.includes(soft.json().order.id));
      await t.db.handle.db.updateTable('salesOrder').set({ promisedDate: '2026-01-01' }).where('id', '=', soft.json().order.id).execute();
      const overdue = (await t.req(rep, 'GET', '/api/v1/orders?overdue=true&limit=200')).json().items.map((x: any) => x.id);
      assert.deepEqual(overdue, [soft.json().order.id]);
    });

    test('a suspected duplicate needs a reason; the reason goes on the timeline', async () => {
      const w = await orderWorld(t, admin, rep, { stock: 100 });
      assert.equal((await t.req(rep, 'POST', '/api/v1/orders', order(w, { submit: true, customerPo: 'PO-7788' }))).statusCode, 201);
      const dup = await t.req(rep, 'POST', '/api/v1/orders', order(w, { submit: true }));
      assert.equal(dup.statusCode, 422);
      assert.equal(dup.json().code, 'POSSIBLE_DUPLICATE_ORDER');
      assert.equal(dup.json().details.needsReason, true);
      const ok = await t.req(rep, 'POST', '/api/v1/orders', order(w, { submit: true, acknowledge: [{ code: 'POSSIBLE_DUPLICATE_ORDER', reason: '客户追加同款订单' }] }));
      assert.equal(ok.statusCode, 201, ok.body);
      const tl = (await t.req(rep, 'GET', `/api/v1/orders/${ok.json().order.id}/timeline`)).json().items;
      assert.deepEqual(tl[1].data.acknowledged, [{ code: 'POSSIBLE_DUPLICATE_ORDER', reason: '客户追加同款订单' }]);
      const po = await t.req(rep, 'POST', '/api/v1/orders', order(w, { submit: true, customerPo: 'PO-7788' }, { qty: 9 }));
      assert.equal(po.json().code, 'POSSIBLE_DUPLICATE_ORDER', 'same customer PO');
    });

    test('credit limit: open orders + this one over the limit → 422; routed to finance when the admin says so', async () => {
      const w = await orderWorld(t, admin, rep, { stock: 100, creditLimit: 500_000 });
      const r = await t.req(rep, 'POST', '/api/v1/orders', order(w, { submit: true }, { qty: 5 }));
      assert.equal(r.statusCode, 422);
      assert.equal(r.json().code, 'CREDIT_LIMIT_EXCEEDED');
      const settings = (await t.req(admin, 'GET', '/api/v1/admin/settings')).json()['order.checks'];
      await t.req(admin, 'PUT', '/api/v1/admin/settings/order.checks', { value: { ...settings, CREDIT_LIMIT_EXCEEDED: 'approval' } });
      const routed = await t.req(rep, 'POST', '/api/v1/orders', order(w, { submit: true }, { qty: 5 }));
      assert.equal(routed.statusCode, 201, routed.body);
      assert.equal(routed.json().order.status, 'pending_approval');
      const steps = (await t.req(rep, 'GET', `/api/v1/orders/${routed.json().order.id}/approvals`)).json().items;
      assert.deepEqual(steps.map((s: any) => [s.approverRole, s.state]), [['finance', 'pending']]);
      await t.req(admin, 'PUT', '/api/v1/admin/settings/order.checks', { value: settings });
    });

    test('double-click submit: two concurrent submits of one draft → one submission', async () => {
      const w = await orderWorld(t, admin, rep, { stock: 100 });
      const draft = (await t.req(rep, 'POST', '/api/v1/orders', order(w))).json().order;
      const rs = await Promise.all([1, 2].map(() => t.req(rep, 'POST', `/api/v1/orders/${draft.id}/submit`, {})));
      assert.deepEqual(rs.map((r) => r.statusCode).sort(), [200, 409]);
      const s = await stockOf(w.productId);
      assert.equal(s.reserved, 3, 'reserved once');
    });

    test('cancel with a reason releases the reservation; a cancelled order cannot be cancelled again', async () => {
      const w = await orderWorld(t, admin, rep, { stock: 10 });
      const o = (await t.req(rep, 'POST', '/api/v1/orders', order(w, { submit: true }))).json().order;
      assert.equal((await stockOf(w.productId)).reserved, 3);
      assert.equal((await t.req(rep, 'POST', `/api/v1/orders/${o.id}/cancel`, {})).statusCode, 400, 'reason required');
      const c = await t.req(rep, 'POST', `/api/v1/orders/${o.id}/cancel`, { reason: '客户取消' });
      assert.equal(c.json().status, 'cancelled');
      assert.equal((await stockOf(w.productId)).reserved, 0);
      assert.equal((await t.req(rep, 'POST', `/api/v1/orders/${o.id}/cancel`, { reason: 'x' })).statusCode, 409);
      assert.equal((await t.req(rep, 'PATCH', `/api/v1/orders/${o.id}`, { note: 'x' })).statusCode, 409, 'only drafts are edited');
    });

    test("data scope: another rep's order is a 404", async () => {
      const w = await orderWorld(t, admin, rep, { stock: 10 });
      const o = (await t.req(rep, 'POST', '/api/v1/orders', order(w))).json().order;
      const other = (await t.as(['sales'])).session;
      assert.equal((await t.req(other, 'GET', `/api/v1/orders/${o.id}`)).statusCode, 404);
      assert.equal((await t.req(other, 'GET', `/api/v1/orders/${o.id}/timeline`)).statusCode, 404);
      assert.ok(!(await t.req(other, 'GET', '/api/v1/orders')).json().items.some((x: any) => x.id === o.id));
    });
  });
}

for (const d of await dialects()) {
  describe(`order entry helpers: price lists, quote, last price [${d.name}]`, { skip: d.skip }, () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp(d.name);
    });
    after(() => t?.close());

    test('the quote shows list, tier and last price and available stock; a lower price than last time warns', async () => {
      const admin = (await t.as(['admin'])).session;
      const rep = (await t.as(['sales'])).session;
      const w = await orderWorld(t, admin, rep, { stock: 40 });
      const pl = await t.req(admin, 'POST', '/api/v1/price-lists', { name: 'C 类客户价 2026', tier: 'C', validFrom: '2026-01-01', items: [{ productId: w.productId, unitPrice: 95_000 }] });
      assert.equal(pl.statusCode, 201, pl.body);
      assert.equal((await t.req(admin, 'POST', '/api/v1/price-lists', { name: 'x', items: [{ productId: 'nope', unitPrice: 1 }] })).statusCode, 400);
      let q = (await t.req(rep, 'GET', `/api/v1/orders/quote?customerId=${w.customerId}&productIds=${w.productId}`)).json().items[0];
      assert.deepEqual([q.listPrice, q.tierPrice, q.lastPrice, q.available], [100_000, 95_000, null, 40]);
      await t.req(rep, 'POST', '/api/v1/orders', { customerId: w.customerId, promisedDate: inDays(30), lines: [{ productId: w.productId, qty: 2, unitPrice: 98_000 }], submit: true });
      q = (await t.req(rep, 'GET', `/api/v1/orders/quote?customerId=${w.customerId}&productIds=${w.productId}`)).json().items[0];
      assert.deepEqual([q.lastPrice, q.available], [98_000, 38]);
      const lower = await t.req(rep, 'POST', '/api/v1/orders', { customerId: w.customerId, promisedDate: inDays(30), lines: [{ productId: w.productId, qty: 3, unitPrice: 97_000 }], submit: true });
      assert.deepEqual(lower.json().warnings.map((x: any) => x.code).sort(), ['PRICE_BELOW_LAST', 'PRICE_BELOW_LIST']);
    });
  });
}
