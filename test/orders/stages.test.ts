import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type Session, type TestApp } from '../helpers/app.ts';
import { dialects } from '../helpers/db.ts';
import { inDays, orderWorld } from './helpers.ts';

for (const d of await dialects()) {
  describe(`the stage track on the order [${d.name}]`, { skip: d.skip }, () => {
    let t: TestApp;
    let admin: Session;
    let rep: { user: { id: string }; session: Session };
    before(async () => {
      t = await createTestApp(d.name);
      admin = (await t.as(['admin'])).session;
      rep = await t.as(['sales']);
    });
    after(() => t?.close());

    const stages = async (id: string) => Object.fromEntries((await t.req(rep.session, 'GET', `/api/v1/orders/${id}`)).json().stages.map((s: any) => [s.stage, s]));

    test('actual start and finish follow the events: submit, confirm, dispatch, ship, deliver', async () => {
      const w = await orderWorld(t, admin, rep.session, { stock: 5 });
      const o = (await t.req(rep.session, 'POST', '/api/v1/orders', { customerId: w.customerId, promisedDate: inDays(10), lines: [{ productId: w.productId, qty: 2, unitPrice: 100_000 }], submit: true })).json().order;
      let s = await stages(o.id);
      assert.equal(s.requirement.state, 'skipped', 'entered directly, no requirement stage');
      assert.equal(s.review.state, 'done');
      assert.ok(s.review.startedAt && s.review.completedAt && s.review.dueAt);
      assert.equal(s.preparation.state, 'active');
      assert.equal(s.preparation.ownerId, rep.user.id);
      assert.equal(s.delivery.dueAt, new Date(`${inDays(10)}T23:59:59+08:00`).toISOString(), 'due at the end of the promised day, China time');
      const sh = (await t.req(admin, 'POST', '/api/v1/shipments', { orderId: o.id, lines: [{ orderLineId: o.lines[0].id, qty: 2 }] })).json();
      await t.req(admin, 'POST', `/api/v1/shipments/${sh.id}/dispatch`, { carrier: 'manual', trackingNumber: 'NB-77' });
      s = await stages(o.id);
      assert.deepEqual([s.preparation.state, s.shipping.state, s.delivery.state], ['done', 'done', 'active']);
      await t.req(admin, 'POST', `/api/v1/shipments/${sh.id}/tracking-events`, { at: new Date().toISOString(), status: 'delivered' });
      s = await stages(o.id);
      assert.deepEqual([s.delivery.state, s.billing.state], ['done', 'active']);
    });

    test('a stage past its due time is late, with the minutes; a cancelled order skips what is left', async () => {
      const w = await orderWorld(t, admin, rep.session, { stock: 5 });
      const o = (await t.req(rep.session, 'POST', '/api/v1/orders', { customerId: w.customerId, promisedDate: inDays(10), lines: [{ productId: w.productId, qty: 1, unitPrice: 100_000 }], submit: true })).json().order;
      await t.db.handle.db.updateTable('orderStage').set({ dueAt: new Date(Date.now() - 90 * 60_000).toISOString() }).where('orderId', '=', o.id).where('stage', '=', 'preparation').execute();
      let s = await stages(o.id);
      assert.equal(s.preparation.state, 'late');
      assert.ok(s.preparation.delayMinutes >= 89 && s.preparation.delayMinutes <= 92);
      await t.req(rep.session, 'POST', `/api/v1/orders/${o.id}/cancel`, { reason: '客户取消' });
      s = await stages(o.id);
      assert.deepEqual([s.preparation.state, s.shipping.state, s.review.state], ['skipped', 'skipped', 'done']);
    });
  });
}

for (const d of await dialects()) {
  describe(`stage owners: reassign and nudge [${d.name}]`, { skip: d.skip }, () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp(d.name);
    });
    after(() => t?.close());

    test('reassigning needs a reason and tells the new owner; a nudge reaches the owner and is on the timeline', async () => {
      const admin = (await t.as(['admin'])).session;
      const rep = await t.as(['sales']);
      const coord = await t.as(['coordinator']);
      const w = await orderWorld(t, admin, rep.session, { stock: 5 });
      const o = (await t.req(rep.session, 'POST', '/api/v1/orders', { customerId: w.customerId, promisedDate: inDays(10), lines: [{ productId: w.productId, qty: 1, unitPrice: 100_000 }], submit: true })).json().order;
      assert.equal((await t.req(rep.session, 'PATCH', `/api/v1/orders/${o.id}/stages/shipping`, { ownerId: coord.user.id })).statusCode, 400);
      const r = await t.req(rep.session, 'PATCH', `/api/v1/orders/${o.id}/stages/shipping`, { ownerId: coord.user.id, reason: '发货由跟单员负责' });
      assert.equal(r.statusCode, 200, r.body);
      assert.equal(r.json().items.find((s: any) => s.stage === 'shipping').ownerId, coord.user.id);
      const n = await t.req(rep.session, 'POST', `/api/v1/orders/${o.id}/stages/shipping/nudge`, { message: '客户催货，请今天安排' });
      assert.equal(n.statusCode, 200);
      const notes = await t.db.handle.db.selectFrom('outbox').select(['topic', 'payload']).where('topic', 'in', ['stage.assigned', 'stage.nudged']).execute();
      assert.deepEqual(notes.map((x) => [x.topic, JSON.parse(x.payload).userId]).sort(), [['stage.assigned', coord.user.id], ['stage.nudged', coord.user.id]]);
      const timeline = (await t.req(rep.session, 'GET', `/api/v1/orders/${o.id}/timeline`)).json().items;
      const handOver = timeline.find((e: any) => e.type === 'stage.reassigned');
      const nudge = timeline.find((e: any) => e.type === 'stage.nudged');
      // The timeline names the people: from whom, to whom, whom the nudge reached.
      assert.equal(handOver.data.toName, coord.user.displayName);
      assert.equal(handOver.data.fromName, rep.user.displayName);
      assert.equal(nudge.data.ownerName, coord.user.displayName);
      const other = (await t.as(['sales'])).session;
      assert.equal((await t.req(other, 'POST', `/api/v1/orders/${o.id}/stages/shipping/nudge`, {})).statusCode, 404);
    });
  });
}
