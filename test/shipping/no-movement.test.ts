import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { scanNoMovement } from '../../src/server/modules/shipping/index.ts';
import { createTestApp, type Session, type TestApp } from '../helpers/app.ts';
import { dialects } from '../helpers/db.ts';
import { inDays, orderWorld } from '../orders/helpers.ts';

const HOUR = 3_600_000;

for (const d of await dialects()) {
  describe(`no-movement detection [${d.name}]`, { skip: d.skip }, () => {
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

    const scan = (at: number) => scanNoMovement(t.db.handle.db, t.services.shipping.exceptions, new Date(at));
    const noMovement = async (orderId: string, state?: string) =>
      (await t.req(rep.session, 'GET', `/api/v1/exceptions?orderId=${orderId}&type=no_movement${state ? `&state=${state}` : ''}`)).json().items;

    async function dispatched(tn: string) {
      const w = await orderWorld(t, admin, rep.session, { stock: 5 });
      const o = (await t.req(rep.session, 'POST', '/api/v1/orders', { customerId: w.customerId, promisedDate: inDays(30), lines: [{ productId: w.productId, qty: 1, unitPrice: 100_000 }], submit: true })).json().order;
      const s = (await t.req(wh, 'POST', '/api/v1/shipments', { orderId: o.id, lines: [{ orderLineId: o.lines[0].id, qty: 1 }] })).json();
      const r = await t.req(wh, 'POST', `/api/v1/shipments/${s.id}/dispatch`, { carrier: 'manual', trackingNumber: tn });
      assert.equal(r.statusCode, 200, r.body);
      return { o, s: r.json(), at: Date.parse(r.json().dispatchedAt) };
    }

    test('silent for more than 48 h (the default): one exception for the owner, not one per scan; movement re-arms it', async () => {
      const { o, s, at } = await dispatched('NB-M1');
      await scan(at + 47 * HOUR);
      assert.equal((await noMovement(o.id)).length, 0, 'within the threshold nothing is raised');
      await scan(at + 49 * HOUR);
      let list = await noMovement(o.id);
      assert.equal(list.length, 1);
      assert.equal(list[0].ownerId, rep.user.id);
      assert.equal(list[0].state, 'open');
      assert.equal(list[0].details.silentHours, 49);
      assert.equal(list[0].details.thresholdHours, 48);
      assert.equal(list[0].details.trackingNumber, 'NB-M1');
      await scan(at + 60 * HOUR);
      await scan(at + 90 * HOUR);
      assert.equal((await noMovement(o.id)).length, 1, 'once per silence');
      const told = await t.db.handle.db.selectFrom('outbox').select('payload').where('topic', '=', 'exception.opened').execute();
      assert.ok(told.some((n) => JSON.parse(n.payload).userId === rep.user.id && /物流长时间无更新/.test(JSON.parse(n.payload).title)));
      const types = (await t.req(rep.session, 'GET', `/api/v1/orders/${o.id}/timeline`)).json().items.map((e: any) => e.type);
      assert.ok(types.includes('exception.opened'));

      // The parcel moves again, the exception is resolved; a new silence raises a new one.
      const moved = at + 70 * HOUR;
      assert.equal((await t.req(wh, 'POST', `/api/v1/shipments/${s.id}/tracking-events`, { at: new Date(moved).toISOString(), status: 'in_transit', location: '杭州转运中心' })).statusCode, 200);
      await t.req(rep.session, 'PATCH', `/api/v1/exceptions/${list[0].id}`, { state: 'resolved', resolution: 'no_action_needed' });
      await scan(moved + 47 * HOUR);
      assert.equal((await noMovement(o.id, 'open')).length, 0);
      await scan(moved + 50 * HOUR);
      list = await noMovement(o.id, 'open');
      assert.equal(list.length, 1);
      assert.equal(list[0].details.lastMovementAt, new Date(moved).toISOString());
    });

    test('an older event pushed late does not count as new movement', async () => {
      const { o, s, at } = await dispatched('NB-M2');
      await t.req(wh, 'POST', `/api/v1/shipments/${s.id}/tracking-events`, { at: new Date(at + 10 * HOUR).toISOString(), status: 'in_transit' });
      await t.req(wh, 'POST', `/api/v1/shipments/${s.id}/tracking-events`, { at: new Date(at + 2 * HOUR).toISOString(), status: 'in_transit' });
      await scan(at + 57 * HOUR);
      assert.equal((await noMovement(o.id)).length, 0, '47 h after the newest event');
      await scan(at + 59 * HOUR);
      assert.equal((await noMovement(o.id)).length, 1);
    });

    test('a repeated carrier exception while one is open: the event is kept, the exception not doubled', async () => {
      const { o, s, at } = await dispatched('NB-M6');
      for (const h of [1, 2]) {
        const r = await t.req(wh, 'POST', `/api/v1/shipments/${s.id}/tracking-events`, { at: new Date(at + h * HOUR).toISOString(), status: 'exception', description: `派送失败 ${h}` });
        assert.equal(r.statusCode, 200, r.body);
      }
      assert.deepEqual((await t.req(wh, 'GET', `/api/v1/shipments/${s.id}`)).json().events.map((e: any) => e.description), ['派送失败 1', '派送失败 2']);
      assert.equal((await t.req(rep.session, 'GET', `/api/v1/exceptions?orderId=${o.id}&type=tracking_exception`)).json().items.length, 1);
    });

    test('the threshold is a setting; delivered and cancelled shipments are never flagged; racing scans raise once', async () => {
      assert.equal((await t.req(admin, 'PUT', '/api/v1/admin/settings/shipping.noMovementHours', { value: 2 })).statusCode, 200);
      const bad = await t.req(admin, 'PUT', '/api/v1/admin/settings/shipping.noMovementHours', { value: 0 });
      assert.equal(bad.statusCode, 400);
      try {
        const a = await dispatched('NB-M3');
        const b = await dispatched('NB-M4');
        const c = await dispatched('NB-M5');
        await t.req(wh, 'POST', `/api/v1/shipments/${b.s.id}/tracking-events`, { at: new Date(b.at + HOUR).toISOString(), status: 'delivered' });
        await t.req(wh, 'POST', `/api/v1/shipments/${c.s.id}/cancel`, { reason: '客户取消' });
        const at = Math.max(a.at, b.at, c.at) + 3 * HOUR;
        await Promise.all([scan(at), scan(at), scan(at)]);
        assert.equal((await noMovement(a.o.id)).length, 1);
        assert.equal((await noMovement(b.o.id)).length, 0);
        assert.equal((await noMovement(c.o.id)).length, 0);
        const exceptionsForA = await t.db.handle.db.selectFrom('exception').select('id').where('entityId', '=', a.s.id).execute();
        assert.equal(exceptionsForA.length, 1, 'three scans at once, one exception');
      } finally {
        await t.req(admin, 'PUT', '/api/v1/admin/settings/shipping.noMovementHours', { value: 48 });
      }
    });
  });

  describe(`ETA per lane [${d.name}]`, { skip: d.skip }, () => {
    let t: TestApp;
    let admin: Session;
    let rep: { user: { id: string }; session: Session };
    let wh: Session;
    before(async () => {
      t = await createTestApp(d.name);
      admin = (await t.as(['admin'])).session;
      rep = await t.as(['sales']);
      wh = (await t.as(['warehouse'])).session;
      await t.req(admin, 'PUT', '/api/v1/admin/settings/shipping.originProvince', { value: '江苏省' });
    });
    after(() => t?.close());

    async function dispatch(body: Record<string, unknown>, promised = 30) {
      const w = await orderWorld(t, admin, rep.session, { stock: 5 });
      const o = (await t.req(rep.session, 'POST', '/api/v1/orders', { customerId: w.customerId, promisedDate: inDays(promised), lines: [{ productId: w.productId, qty: 1, unitPrice: 100_000 }], submit: true })).json().order;
      const s = (await t.req(wh, 'POST', '/api/v1/shipments', { orderId: o.id, lines: [{ orderLineId: o.lines[0].id, qty: 1 }] })).json();
      const r = await t.req(wh, 'POST', `/api/v1/shipments/${s.id}/dispatch`, body);
      assert.equal(r.statusCode, 200, r.body);
      return { o, s: r.json() };
    }

    test("without history the carrier's default transit days; typed ETAs stay manual", async () => {
      const sf = await dispatch({ carrier: 'sf', trackingNumber: 'SF100000000001' });
      assert.equal(sf.s.eta, inDays(2));
      assert.equal(sf.s.etaSource, 'carrier_default');
      const zto = await dispatch({ carrier: 'zto', trackingNumber: '773000000001' });
      assert.equal(zto.s.eta, inDays(3));
      const typed = await dispatch({ carrier: 'zto', trackingNumber: '773000000002', eta: inDays(6) });
      assert.equal(typed.s.eta, inDays(6));
      assert.equal(typed.s.etaSource, 'manual');
      await t.req(admin, 'PUT', '/api/v1/admin/settings/shipping.transitDays', { value: { sf: 1, manual: 3, jd: 2, zto: 3, yto: 3 } });
      assert.equal((await dispatch({ carrier: 'sf', trackingNumber: 'SF100000000002' })).s.eta, inDays(1));
      await t.req(admin, 'PUT', '/api/v1/admin/settings/shipping.transitDays', { value: { sf: 2, manual: 3, jd: 2, zto: 3, yto: 3 } });
    });

    test('with three deliveries on the lane (江苏省 → 浙江省): their average transit, rounded up; a late lane ETA opens the late exception', async () => {
      const db = t.db.handle.db;
      // Three past deliveries on the lane: 3.5, 4.5 and 5.5 days → 4.5 → 5 days.
      for (const days of [3.5, 4.5, 5.5]) {
        const { s } = await dispatch({ carrier: 'manual', trackingNumber: `NB-L${days * 10}` });
        const delivered = Date.now() - 10 * 86_400_000;
        await db
          .updateTable('shipment')
          .set({ status: 'delivered', dispatchedAt: new Date(delivered - days * 86_400_000).toISOString(), deliveredAt: new Date(delivered).toISOString() })
          .where('id', '=', s.id)
          .execute();
      }
      // Another lane's history does not count.
      const other = await dispatch({ carrier: 'manual', trackingNumber: 'NB-OTHER' });
      await db.updateTable('shipment').set({ status: 'delivered', destProvince: '广东省', dispatchedAt: new Date(Date.now() - 20 * 86_400_000).toISOString(), deliveredAt: new Date().toISOString() }).where('id', '=', other.s.id).execute();

      const next = await dispatch({ carrier: 'sf', trackingNumber: 'SF100000000009' });
      assert.equal(next.s.etaSource, 'lane');
      assert.equal(next.s.eta, inDays(5));
      const ev = (await t.req(rep.session, 'GET', `/api/v1/orders/${next.o.id}/timeline`)).json().items.find((e: any) => e.type === 'shipment.dispatched');
      assert.equal(ev.data.transitDays, 5);
      assert.equal(ev.data.laneSamples, 3);

      const late = await dispatch({ carrier: 'sf', trackingNumber: 'SF100000000010' }, 3);
      const ex = (await t.req(rep.session, 'GET', `/api/v1/exceptions?orderId=${late.o.id}`)).json().items;
      assert.equal(ex.length, 1);
      assert.equal(ex[0].type, 'late_eta');
      assert.equal(ex[0].details.etaSource, 'lane');
    });
  });
}
