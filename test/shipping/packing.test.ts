import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type Session, type TestApp } from '../helpers/app.ts';
import { dialects } from '../helpers/db.ts';
import { inDays, orderWorld } from '../orders/helpers.ts';

for (const d of await dialects()) {
  describe(`picking and packing [${d.name}]`, { skip: d.skip }, () => {
    let t: TestApp;
    let admin: Session;
    let rep: { user: { id: string }; session: Session };
    let wh: Session;
    before(async () => {
      t = await createTestApp(d.name);
      admin = (await t.as(['admin'])).session;
      rep = await t.as(['sales']);
      wh = (await t.as(['warehouse'])).session;
    });
    after(() => t?.close());

    /** A confirmed order of two products (5 and 2.5) and a draft shipment of all of it. */
    async function draft() {
      const w = await orderWorld(t, admin, rep.session, { stock: 20 });
      const sku = `Q-${Math.random().toString(36).slice(2, 8)}`;
      const p2 = (await t.req(admin, 'POST', '/api/v1/products', { sku, name: '电缆', unit: '米', unitDecimals: 1, listPrice: 5_000, floorPrice: 4_000, cost: 3_000, minQty: 0.5, maxQty: 1000 })).json();
      await t.req(admin, 'POST', '/api/v1/stock/movements', { type: 'receipt', productId: p2.id, warehouseId: w.warehouseId, qty: 10, reason: '期初' });
      const created = await t.req(rep.session, 'POST', '/api/v1/orders', {
          customerId: w.customerId,
          promisedDate: inDays(30),
          lines: [
            { productId: w.productId, qty: 5, unitPrice: 100_000, spec: { 电压: '380V' } },
            { productId: p2.id, qty: 2.5, unitPrice: 5_000 },
          ],
          submit: true,
        });
      const o = created.json().order;
      assert.equal(o?.status, 'confirmed', created.body);
      const s = await t.req(wh, 'POST', '/api/v1/shipments', { orderId: o.id, lines: o.lines.map((l: any) => ({ orderLineId: l.id, qty: l.qty })) });
      assert.equal(s.statusCode, 201, s.body);
      return { w, o, s: s.json(), sku2: sku, l1: o.lines[0].id as string, l2: o.lines[1].id as string };
    }

    test('the pick list names warehouse, SKU, spec, quantity and what is on hand there', async () => {
      const { w, s, sku2, l1, l2 } = await draft();
      const r = await t.req(wh, 'GET', `/api/v1/shipments/${s.id}/pick-list`);
      assert.equal(r.statusCode, 200, r.body);
      const pl = r.json();
      assert.equal(pl.number, s.number);
      assert.equal(pl.lines.length, 2);
      const a = pl.lines.find((l: any) => l.orderLineId === l1);
      const b = pl.lines.find((l: any) => l.orderLineId === l2);
      assert.equal(a.warehouseId, w.warehouseId);
      assert.ok(a.warehouseCode && a.warehouseName);
      assert.deepEqual(a.spec, { 电压: '380V' });
      assert.equal(a.qty, 5);
      assert.equal(a.onHand, 20);
      assert.equal(b.sku, sku2);
      assert.equal(b.qty, 2.5);
      assert.equal(b.onHand, 10);
      assert.equal(b.packedQty, 0);
    });

    test('bad packages are refused with localized field errors and nothing is stored', async () => {
      const { s, l1, l2 } = await draft();
      const bad = await t.req(
        wh,
        'PUT',
        `/api/v1/shipments/${s.id}/packages`,
        [
          { no: 1, weightKg: 12.5, lines: [{ orderLineId: l1, qty: 4 }] },
          { no: 1, weightKg: 3, lines: [{ orderLineId: l1, qty: 2 }, { orderLineId: 'nope', qty: 1 }] },
          { no: 3, weightKg: 1, lines: [{ orderLineId: l2, qty: 2.5 }] },
        ],
        { 'accept-language': 'en-US' },
      );
      assert.equal(bad.statusCode, 400, bad.body);
      const byPath = Object.fromEntries(bad.json().details.map((e: any) => [e.path, e]));
      assert.equal(byPath['1.no'].code, 'duplicate_package_no');
      assert.equal(byPath['1.lines.0.qty'].code, 'exceeds_shipment_qty');
      assert.equal(byPath['1.lines.0.qty'].shipped, 5);
      assert.equal(byPath['1.lines.1.orderLineId'].code, 'not_in_shipment');
      assert.match(byPath['1.no'].message, /package number/);
      const zh = await t.req(wh, 'PUT', `/api/v1/shipments/${s.id}/packages`, [{ no: 1, weightKg: -1, lengthCm: 10.25, lines: [] }]);
      assert.equal(zh.statusCode, 400);
      assert.deepEqual(zh.json().details.map((e: any) => e.path).sort(), ['0.lengthCm', '0.weightKg']);
      assert.ok(zh.json().details.some((e: any) => /1 位小数/.test(e.message)));
      const now = (await t.req(wh, 'GET', `/api/v1/shipments/${s.id}/packages`)).json();
      assert.deepEqual(now.packages, []);
      assert.equal(now.complete, false);
    });

    test('dispatch waits for complete packing once packing started; the packing list comes back on the shipment', async () => {
      const { w, s, l1, l2 } = await draft();
      const part = await t.req(wh, 'PUT', `/api/v1/shipments/${s.id}/packages`, [{ no: 1, weightKg: 20.5, lengthCm: 60, widthCm: 40, heightCm: 35.5, lines: [{ orderLineId: l1, qty: 3 }] }]);
      assert.equal(part.statusCode, 200, part.body);
      assert.equal(part.json().complete, false);
      const early = await t.req(wh, 'POST', `/api/v1/shipments/${s.id}/dispatch`, { carrier: 'manual', trackingNumber: 'NB-P1' });
      assert.equal(early.statusCode, 422);
      assert.equal(early.json().code, 'PACKING_INCOMPLETE');
      assert.deepEqual(early.json().details.lines.map((l: any) => [l.orderLineId, l.qty, l.packedQty]).sort(), [[l1, 5, 3], [l2, 2.5, 0]].sort());
      assert.equal((await t.req(admin, 'GET', `/api/v1/stock?productId=${w.productId}`)).json().items[0].onHand, 20, 'nothing left the warehouse');

      const full = await t.req(wh, 'PUT', `/api/v1/shipments/${s.id}/packages`, [
        { no: 1, weightKg: 20.5, lengthCm: 60, widthCm: 40, heightCm: 35.5, lines: [{ orderLineId: l1, qty: 3 }] },
        { no: 2, weightKg: 9.125, lines: [{ orderLineId: l1, qty: 2 }, { orderLineId: l2, qty: 2.5 }] },
      ]);
      assert.equal(full.statusCode, 200, full.body);
      assert.equal(full.json().complete, true);
      assert.equal(full.json().totalWeightKg, 29.625);
      const ok = await t.req(wh, 'POST', `/api/v1/shipments/${s.id}/dispatch`, { carrier: 'manual', trackingNumber: 'NB-P2' });
      assert.equal(ok.statusCode, 200, ok.body);
      const pk = ok.json().packages;
      assert.equal(pk.length, 2);
      assert.deepEqual([pk[0].no, pk[0].weightKg, pk[0].lengthCm, pk[0].heightCm], [1, 20.5, 60, 35.5]);
      assert.deepEqual(pk[1].lines, [{ orderLineId: l1, qty: 2 }, { orderLineId: l2, qty: 2.5 }]);
      const late = await t.req(wh, 'PUT', `/api/v1/shipments/${s.id}/packages`, [{ no: 1, weightKg: 1, lines: [] }]);
      assert.equal(late.statusCode, 409, 'a dispatched shipment is not repacked');
      const types = (await t.req(rep.session, 'GET', `/api/v1/orders/${s.orderId}/timeline`)).json().items.map((e: any) => e.type);
      assert.ok(types.includes('shipment.packed'));
    });

    test('with packing required by the company, a shipment without packages does not dispatch', async () => {
      const { s } = await draft();
      assert.equal((await t.req(admin, 'PUT', '/api/v1/admin/settings/shipping.packingRequired', { value: true })).statusCode, 200);
      try {
        const r = await t.req(wh, 'POST', `/api/v1/shipments/${s.id}/dispatch`, { carrier: 'manual', trackingNumber: 'NB-P3' });
        assert.equal(r.statusCode, 422);
        assert.equal(r.json().code, 'PACKING_INCOMPLETE');
      } finally {
        await t.req(admin, 'PUT', '/api/v1/admin/settings/shipping.packingRequired', { value: false });
      }
      assert.equal((await t.req(wh, 'POST', `/api/v1/shipments/${s.id}/dispatch`, { carrier: 'manual', trackingNumber: 'NB-P3' })).statusCode, 200);
    });
  });
}
