import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { workOrderStatuses } from '../../src/contracts/production.ts';
import { checkLedger } from '../../src/server/modules/inventory/index.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { dialects } from '../helpers/db.ts';
import { workOrderMachine } from '../../src/server/modules/production/work-order.machine.ts';
import { createProductionHandlers } from '../../src/server/modules/production/index.ts';
import { RESCHEDULE_CHANNEL } from '../../src/server/modules/production/schedule.service.ts';
import { makeProduct } from './helpers.ts';
import { confirmedOrder, makeCenter, productionWorld, receive, setRouting, stockOf, workOrdersOf } from './work-world.ts';

test('work order machine: every state reachable from planned, terminal states have no way out', () => {
  const seen = new Set<string>(['planned']);
  for (let grew = true; grew; ) {
    grew = false;
    for (const t of Object.values(workOrderMachine.transitions)) {
      for (const from of t.from) {
        const to = typeof t.to === 'function' ? t.to(from) : t.to;
        if (seen.has(from) && !seen.has(to)) (seen.add(to), (grew = true));
      }
    }
  }
  assert.deepEqual([...seen].sort(), [...workOrderStatuses].sort());
  for (const s of workOrderMachine.terminal) for (const a of Object.keys(workOrderMachine.transitions) as (keyof typeof workOrderMachine.transitions)[]) assert.equal(workOrderMachine.can(s, a), false, `${s} --${a}-->`);
});

for (const d of await dialects()) {
  describe(`work orders [${d.name}]`, { skip: d.skip }, () => {
    let t: TestApp;
    let w: Awaited<ReturnType<typeof productionWorld>>;
    let centerA: string;
    let centerB: string;
    before(async () => {
      t = await createTestApp(d.name);
      w = await productionWorld(t);
      centerA = (await makeCenter(t, w.admin, 8)).id;
      centerB = (await makeCenter(t, w.admin, 8)).id;
      await setRouting(t, w.admin, w.a.id, [
        { name: '加工', workCenterId: centerA, setupMinutes: 30, runMinutesPerUnit: 60 },
        { name: '装配', workCenterId: centerB, runMinutesPerUnit: 30 },
      ]);
    });
    after(() => t?.close());

    test('confirming an order makes one work order per short make line, for the shortage only, numbered and on the timeline', async () => {
      await receive(t, w.admin, w.a.id, w.warehouseId, 2);
      const o = await confirmedOrder(t, w.rep.session, w.customerId, [
        { productId: w.a.id, qty: 5 },
        { productId: w.boughtId, qty: 3, unitPrice: 100_000 },
      ]);
      assert.deepEqual(
        o.lines.map((l) => [l.reservedQty, l.shortQty]),
        [
          [2, 3],
          [0, 3],
        ],
      );
      const wos = await workOrdersOf(t, w.planner.session, o.id);
      assert.equal(wos.length, 1, 'the bought line is not made');
      const wo = wos[0];
      assert.match(wo.number, /^WO-\d{8}-\d{4}$/);
      assert.deepEqual([wo.orderLineId, wo.productId, wo.qty, wo.status, wo.progressPct, wo.plannedStart], [o.lines[0].id, w.a.id, 3, 'planned', 0, null]);
      const detail = (await t.req(w.planner.session, 'GET', `/api/v1/work-orders/${wo.id}`)).json();
      assert.deepEqual(
        detail.operations.map((op: any) => [op.name, op.workCenterId, op.setupMinutes, op.runMinutesPerUnit, op.remainingQty]),
        [
          ['加工', centerA, 30, 60, 3],
          ['装配', centerB, 0, 30, 0],
        ],
      );
      const tl = (await t.req(w.rep.session, 'GET', `/api/v1/orders/${o.id}/timeline`)).json().items;
      assert.ok(tl.some((e: any) => e.type === 'production.work_order_created'), JSON.stringify(tl.map((e: any) => e.type)));
      // A re-plan is asked of the worker (one job per minute however many changes); running it plans the new work order.
      const jobs = await t.db.handle.db.selectFrom('outbox').select(['id', 'payload']).where('channel', '=', RESCHEDULE_CHANNEL).where('state', '=', 'pending').execute();
      assert.ok(jobs.length >= 1);
      await createProductionHandlers(t.ctx)[RESCHEDULE_CHANNEL]({ id: jobs[0].id, channel: RESCHEDULE_CHANNEL, topic: RESCHEDULE_CHANNEL, payload: JSON.parse(jobs[0].payload), attempts: 1 } as any);
      const planned = (await t.req(w.planner.session, 'GET', `/api/v1/work-orders/${wo.id}`)).json();
      assert.ok(planned.plannedStart && planned.plannedFinish && planned.plannedFinish > planned.plannedStart, JSON.stringify(planned));
      assert.equal((await t.req(w.rep.session, 'GET', `/api/v1/orders/${o.id}`)).json().lines[0].plannedCompletion, planned.plannedFinish);
      // The sales rep sees it from the order, and material check counts it as incoming.
      const mc = (await t.req(w.rep.session, 'GET', `/api/v1/orders/${o.id}/material-check`)).json();
      assert.equal(mc.lines[0].components[0].sku, w.c.sku);
      assert.equal(mc.lines[0].components[0].required, 6);
      // Incoming: what the open work order will still bring, for the stock pages.
      const inc = await t.req(w.rep.session, 'GET', `/api/v1/production/incoming?productIds=${w.a.id},${w.c.id}`);
      assert.equal(inc.statusCode, 200, inc.body);
      assert.deepEqual(
        inc.json().items.map((i: any) => [i.productId, i.incoming, i.workOrders.map((x: any) => x.number)]),
        [
          [w.a.id, 3, [wo.number]],
          [w.c.id, 0, []],
        ],
      );
    });

    test('a manual work order: bad input is a localized field error and makes nothing', async () => {
      const count = async () => (await t.req(w.planner.session, 'GET', '/api/v1/work-orders?limit=200')).json().items.length;
      const n = await count();
      const zero = await t.req(w.planner.session, 'POST', '/api/v1/work-orders', { productId: w.a.id, qty: 0 });
      assert.equal(zero.statusCode, 400);
      assert.equal(zero.json().details[0].path, 'qty');
      assert.match(zero.json().details[0].message, /大于 0/);
      const en = await t.req(w.planner.session, 'POST', '/api/v1/work-orders', { productId: w.a.id, qty: 0 }, { 'accept-language': 'en-US' });
      assert.match(en.json().details[0].message, /greater than 0/);
      const unknown = await t.req(w.planner.session, 'POST', '/api/v1/work-orders', { productId: 'nope', qty: 1 });
      assert.equal(unknown.statusCode, 400);
      assert.equal(unknown.json().details[0].path, 'productId');
      const frac = await t.req(w.planner.session, 'POST', '/api/v1/work-orders', { productId: w.a.id, qty: 1.5 });
      assert.equal(frac.statusCode, 400, 'pieces have no decimals');
      assert.equal((await t.req(w.rep.session, 'POST', '/api/v1/work-orders', { productId: w.a.id, qty: 1 })).statusCode, 403, 'sales may not');
      assert.equal(await count(), n);
      const ok = await t.req(w.planner.session, 'POST', '/api/v1/work-orders', { productId: w.a.id, qty: 4, priority: 'high' });
      assert.equal(ok.statusCode, 201, ok.body);
      assert.deepEqual([ok.json().orderId, ok.json().status, ok.json().qty, ok.json().operations.length], [null, 'planned', 4, 2]);
    });

    test('release reserves the materials; short materials refuse it with the components and reserve nothing; two planners at once: one wins', async () => {
      const wo = (await t.req(w.planner.session, 'POST', '/api/v1/work-orders', { productId: w.a.id, qty: 5 })).json();
      const before = await stockOf(t, w.c.id);
      const short = await t.req(w.planner.session, 'POST', `/api/v1/work-orders/${wo.id}/release`, {});
      assert.equal(short.statusCode, 422, short.body);
      assert.equal(short.json().code, 'MATERIAL_SHORT');
      assert.deepEqual(short.json().details.components.map((c: any) => [c.sku, c.required, c.short]), [[w.c.sku, 10, 10 - before.onHand + before.reserved]]);
      assert.equal((await t.req(w.planner.session, 'GET', `/api/v1/work-orders/${wo.id}`)).json().status, 'planned');
      assert.deepEqual(await stockOf(t, w.c.id), before, 'nothing reserved');

      await receive(t, w.admin, w.c.id, w.warehouseId, 100);
      const [r1, r2] = await Promise.all([
        t.req(w.planner.session, 'POST', `/api/v1/work-orders/${wo.id}/release`, {}),
        t.req(w.admin, 'POST', `/api/v1/work-orders/${wo.id}/release`, {}),
      ]);
      assert.deepEqual([r1.statusCode, r2.statusCode].sort(), [200, 409], `${r1.body} ${r2.body}`);
      const after = await stockOf(t, w.c.id);
      assert.equal(after.reserved - before.reserved, 10, 'reserved once, not twice');
      assert.equal((await t.req(w.planner.session, 'GET', `/api/v1/work-orders/${wo.id}`)).json().status, 'released');
    });

    test('progress per operation: beyond what reached the operation is 422 and changes nothing; the last operation receives stock for the order; done issues the materials', async () => {
      await receive(t, w.admin, w.c.id, w.warehouseId, 100);
      const o = await confirmedOrder(t, w.rep.session, w.customerId, [{ productId: w.a.id, qty: 5 }], { priority: 'high' });
      const wo = (await workOrdersOf(t, w.planner.session, o.id))[0];
      assert.equal(wo.qty, 5);
      const pre = (await t.req(w.planner.session, 'POST', `/api/v1/work-orders/${wo.id}/progress`, { operationId: 'x', goodQty: 1 })).json();
      assert.equal(pre.code, 'INVALID_STATE', 'a planned work order takes no progress');
      assert.equal((await t.req(w.planner.session, 'POST', `/api/v1/work-orders/${wo.id}/release`, {})).statusCode, 200);
      const ops = (await t.req(w.planner.session, 'GET', `/api/v1/work-orders/${wo.id}`)).json().operations;
      const report = (operationId: string, goodQty: number, scrapQty = 0) => t.req(w.planner.session, 'POST', `/api/v1/work-orders/${wo.id}/progress`, { operationId, goodQty, scrapQty });

      let r = await report(ops[0].id, 3);
      assert.equal(r.statusCode, 200, r.body);
      assert.deepEqual([r.json().status, r.json().progressPct], ['in_progress', 30]);
      const over = await report(ops[0].id, 2, 1);
      assert.equal(over.statusCode, 422);
      assert.equal(over.json().code, 'PROGRESS_EXCEEDS_REMAINING');
      assert.equal(over.json().details.remaining, 2);
      const ahead = await report(ops[1].id, 4);
      assert.equal(ahead.statusCode, 422, 'only 3 reached assembly');
      assert.equal((await t.req(w.planner.session, 'GET', `/api/v1/work-orders/${wo.id}`)).json().progressPct, 30, 'refused reports changed nothing');
      assert.equal((await report(ops[0].id, 0, 0)).statusCode, 400, 'nothing reported');

      const stockA = await stockOf(t, w.a.id);
      r = await report(ops[1].id, 3);
      assert.equal(r.statusCode, 200, r.body);
      assert.equal(r.json().receivedQty, 3);
      let order = (await t.req(w.rep.session, 'GET', `/api/v1/orders/${o.id}`)).json();
      assert.deepEqual([order.lines[0].reservedQty, order.lines[0].shortQty], [3, 2], 'received goods are reserved for the order');
      assert.deepEqual(await stockOf(t, w.a.id), { onHand: stockA.onHand + 3, reserved: stockA.reserved + 3 });

      const cBefore = await stockOf(t, w.c.id);
      assert.equal((await report(ops[0].id, 1, 1)).statusCode, 200);
      r = await report(ops[1].id, 1);
      assert.equal(r.statusCode, 200, r.body);
      assert.deepEqual([r.json().status, r.json().progressPct, r.json().receivedQty], ['done', 100, 4]);
      assert.ok(r.json().completedAt);
      order = (await t.req(w.rep.session, 'GET', `/api/v1/orders/${o.id}`)).json();
      assert.deepEqual([order.lines[0].reservedQty, order.lines[0].shortQty, order.lines[0].atRisk], [4, 1, false], 'one scrapped: still one short');
      const cAfter = await stockOf(t, w.c.id);
      assert.deepEqual(cAfter, { onHand: cBefore.onHand - 10, reserved: cBefore.reserved - 10 }, 'materials issued to the work order');
      assert.equal((await report(ops[1].id, 1)).json().code, 'INVALID_STATE', 'done is done');
      const tl = (await t.req(w.rep.session, 'GET', `/api/v1/orders/${o.id}/timeline`)).json().items.map((e: any) => e.type);
      for (const type of ['production.work_order_created', 'production.work_order_released', 'production.work_order_done']) assert.ok(tl.includes(type), type);
      assert.deepEqual((await checkLedger(t.db.handle.db)).violations, []);
    });

    test('two operators reporting on the same operation at once: together they may not exceed what is left — one is refused', async () => {
      await receive(t, w.admin, w.c.id, w.warehouseId, 20);
      const wo = (await t.req(w.planner.session, 'POST', '/api/v1/work-orders', { productId: w.a.id, qty: 5 })).json();
      assert.equal((await t.req(w.planner.session, 'POST', `/api/v1/work-orders/${wo.id}/release`, {})).statusCode, 200);
      const op = wo.operations[0].id;
      const [a, b] = await Promise.all([
        t.req(w.planner.session, 'POST', `/api/v1/work-orders/${wo.id}/progress`, { operationId: op, goodQty: 3 }),
        t.req(w.admin, 'POST', `/api/v1/work-orders/${wo.id}/progress`, { operationId: op, goodQty: 3 }),
      ]);
      assert.deepEqual([a.statusCode, b.statusCode].sort(), [200, 422], `${a.body} ${b.body}`);
      const after = (await t.req(w.planner.session, 'GET', `/api/v1/work-orders/${wo.id}`)).json();
      assert.deepEqual([after.operations[0].goodQty, after.operations[0].remainingQty, after.progress.length], [3, 2, 1]);
    });

    test('a revised order: its work order follows the new line and size; a line no longer made cancels it', async () => {
      const p = await makeProduct(t, w.admin, { sku: 'REV', makeOrBuy: 'make' });
      await setRouting(t, w.admin, p.id, [{ name: '加工', workCenterId: centerA, runMinutesPerUnit: 10 }]);
      const o = await confirmedOrder(t, w.rep.session, w.customerId, [{ productId: p.id, qty: 5 }]);
      const [wo] = await workOrdersOf(t, w.planner.session, o.id);
      assert.equal(wo.qty, 5);
      const r = await t.req(w.rep.session, 'POST', `/api/v1/orders/${o.id}/revisions`, { reason: '客户加量', lines: [{ productId: p.id, qty: 8, unitPrice: 10_000 }] });
      assert.equal(r.statusCode, 200, r.body);
      const order = (await t.req(w.rep.session, 'GET', `/api/v1/orders/${o.id}`)).json();
      let after = await workOrdersOf(t, w.planner.session, o.id);
      assert.deepEqual(
        after.map((x) => [x.id, x.qty, x.orderLineId, x.status]),
        [[wo.id, 8, order.lines[0].id, 'planned']],
        'the same work order, resized and on the new line',
      );
      const gone = await t.req(w.rep.session, 'POST', `/api/v1/orders/${o.id}/revisions`, { reason: '改为外购件', lines: [{ productId: w.boughtId, qty: 1, unitPrice: 100_000 }] });
      assert.equal(gone.statusCode, 200, gone.body);
      after = await workOrdersOf(t, w.planner.session, o.id);
      assert.deepEqual(
        after.map((x) => [x.id, x.status]),
        [[wo.id, 'cancelled']],
      );
    });

    test('cancelling the order cancels its open work orders and gives their materials back', async () => {
      await receive(t, w.admin, w.c.id, w.warehouseId, 20);
      const o = await confirmedOrder(t, w.rep.session, w.customerId, [{ productId: w.a.id, qty: 2 }]);
      const wo = (await workOrdersOf(t, w.planner.session, o.id))[0];
      const before = await stockOf(t, w.c.id);
      assert.equal((await t.req(w.planner.session, 'POST', `/api/v1/work-orders/${wo.id}/release`, {})).statusCode, 200);
      assert.equal((await stockOf(t, w.c.id)).reserved, before.reserved + 4);
      const c = await t.req(w.rep.session, 'POST', `/api/v1/orders/${o.id}/cancel`, { reason: '客户取消' });
      assert.equal(c.statusCode, 200, c.body);
      assert.equal((await t.req(w.planner.session, 'GET', `/api/v1/work-orders/${wo.id}`)).json().status, 'cancelled');
      assert.deepEqual(await stockOf(t, w.c.id), before);
      assert.deepEqual((await checkLedger(t.db.handle.db)).violations, []);
    });
  });
}
