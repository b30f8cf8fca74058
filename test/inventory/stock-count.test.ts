import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { stockCountStatuses } from '../../src/contracts/inventory.ts';
import { checkLedger, reserveForOrder } from '../../src/server/modules/inventory/index.ts';
import { stockCountMachine } from '../../src/server/modules/inventory/stock-count.machine.ts';
import { inTransaction } from '../../src/server/platform/db/transaction.ts';
import { systemActor } from '../../src/server/platform/http/actor.ts';
import { newId } from '../../src/server/platform/ids.ts';
import { createTestApp, type Session, type TestApp } from '../helpers/app.ts';
import { dialects } from '../helpers/db.ts';
import { productFactory, warehouseFactory } from '../helpers/factories.ts';

test('stock count machine: every state reachable from draft, terminal states have no way out', () => {
  const seen = new Set<string>(['draft']);
  for (let grew = true; grew; ) {
    grew = false;
    for (const t of Object.values(stockCountMachine.transitions)) {
      for (const from of t.from) {
        const to = typeof t.to === 'function' ? t.to(from) : t.to;
        if (seen.has(from) && !seen.has(to)) (seen.add(to), (grew = true));
      }
    }
  }
  assert.deepEqual([...seen].sort(), [...stockCountStatuses].sort());
  for (const s of stockCountMachine.terminal) for (const a of Object.keys(stockCountMachine.transitions) as (keyof typeof stockCountMachine.transitions)[]) assert.equal(stockCountMachine.can(s, a), false, `${s} --${a}-->`);
});

for (const d of await dialects()) {
  describe(`inventory: stock count with variance posting [${d.name}]`, { skip: d.skip }, () => {
    let t: TestApp;
    let keeper: Session;
    before(async () => {
      t = await createTestApp(d.name);
      keeper = (await t.as(['warehouse'])).session;
    });
    after(() => t?.close());

    const db = () => t.db.handle.db;
    const move = async (body: Record<string, unknown>) => {
      const r = await t.req(keeper, 'POST', '/api/v1/stock/movements', body);
      assert.equal(r.statusCode, 201, r.body);
    };
    const level = async (productId: string, warehouseId: string) => (await t.req(keeper, 'GET', `/api/v1/stock?productId=${productId}&warehouseId=${warehouseId}`)).json().items[0];
    const countMovements = async (countId: string) => db().selectFrom('stockMovement').select(['productId', 'type', 'qty', 'reason']).where('refType', '=', 'stock_count').where('refId', '=', countId).orderBy('productId').execute();
    const enter = (id: string, lines: { lineId: string; countedQty: number | null }[], s = keeper) => t.req(s, 'PUT', `/api/v1/stock-counts/${id}/lines`, { lines });

    /** A warehouse with three products on hand: a 10, b 5, c 0 (c only named). */
    async function world() {
      const w = await warehouseFactory.insert(db());
      const [a, b, c] = [await productFactory.insert(db()), await productFactory.insert(db()), await productFactory.insert(db(), { unit: '米', unitDecimals: 2 })];
      await move({ type: 'receipt', productId: a.id, warehouseId: w.id, qty: 10 });
      await move({ type: 'receipt', productId: b.id, warehouseId: w.id, qty: 5 });
      return { w, a, b, c };
    }

    test('a count snapshots on hand, takes counted quantities and posts one stock_count adjustment per variance against on hand at posting', async () => {
      const { w, a, b, c } = await world();
      const created = await t.req(keeper, 'POST', '/api/v1/stock-counts', { warehouseId: w.id, productIds: [a.id, b.id, c.id], note: '月末盘点' });
      assert.equal(created.statusCode, 201, created.body);
      const count = created.json();
      assert.match(count.number, /^PD-\d{8}-\d{3}$/);
      assert.equal(count.status, 'draft');
      const line = (pid: string) => count.lines.find((l: any) => l.productId === pid);
      assert.deepEqual([line(a.id).snapshotQty, line(b.id).snapshotQty, line(c.id).snapshotQty], [10, 5, 0]);

      // Between snapshot and posting, 3 of A leave the warehouse.
      await move({ type: 'issue', productId: a.id, warehouseId: w.id, qty: 3 });
      const entered = await enter(count.id, [
        { lineId: line(a.id).id, countedQty: 6 },
        { lineId: line(b.id).id, countedQty: 5 },
        { lineId: line(c.id).id, countedQty: 2.5 },
      ]);
      assert.equal(entered.statusCode, 200, entered.body);
      assert.deepEqual([entered.json().status, entered.json().countedCount, entered.json().lineCount], ['counting', 3, 3]);

      const posted = await t.req(keeper, 'POST', `/api/v1/stock-counts/${count.id}/post`);
      assert.equal(posted.statusCode, 200, posted.body);
      const p = posted.json();
      assert.equal(p.status, 'posted');
      const pl = (pid: string) => p.lines.find((l: any) => l.productId === pid);
      // A: snapshot 10, on hand at posting 7, counted 6 → −1 (not −4: the issue is not counted twice).
      assert.deepEqual([pl(a.id).snapshotQty, pl(a.id).postedOnHand, pl(a.id).countedQty, pl(a.id).postedVariance], [10, 7, 6, -1]);
      assert.deepEqual([pl(b.id).postedVariance, pl(b.id).movementId], [0, null]);
      assert.deepEqual([pl(c.id).postedOnHand, pl(c.id).postedVariance], [0, 2.5]);
      const moves = await countMovements(count.id);
      assert.deepEqual(
        moves.map((m) => [m.productId, m.type, Number(m.qty), m.reason]).sort(),
        [[a.id, 'adjustment', -1000, 'stock_count'], [c.id, 'adjustment', 2500, 'stock_count']].sort(),
      );
      assert.equal((await level(a.id, w.id)).onHand, 6);
      assert.equal((await level(c.id, w.id)).onHand, 2.5);
      assert.deepEqual((await checkLedger(db())).violations, []);

      const again = await t.req(keeper, 'POST', `/api/v1/stock-counts/${count.id}/post`);
      assert.equal(again.statusCode, 409);
      assert.equal((await enter(count.id, [{ lineId: line(a.id).id, countedQty: 1 }])).statusCode, 409);
      assert.equal((await countMovements(count.id)).length, 2);
      const events = await db().selectFrom('event').select('type').where('entityType', '=', 'stock_count').where('entityId', '=', count.id).orderBy('id').execute();
      assert.deepEqual(events.map((e) => e.type), ['stock_count.created', 'stock_count.started', 'stock_count.posted']);
    });

    test('without a product list every product with stock in the warehouse is counted; uncounted lines are left alone', async () => {
      const { w, a, b } = await world();
      const r = await t.req(keeper, 'POST', '/api/v1/stock-counts', { warehouseId: w.id });
      assert.equal(r.statusCode, 201, r.body);
      assert.deepEqual(r.json().lines.map((l: any) => l.productId).sort(), [a.id, b.id].sort());
      const la = r.json().lines.find((l: any) => l.productId === a.id);
      await enter(r.json().id, [{ lineId: la.id, countedQty: 12 }]);
      const p = (await t.req(keeper, 'POST', `/api/v1/stock-counts/${r.json().id}/post`)).json();
      assert.deepEqual(p.lines.map((l: any) => [l.productId, l.postedVariance]).sort(), [[a.id, 2], [b.id, null]].sort());
      assert.equal((await level(b.id, w.id)).onHand, 5);
    });

    test('a count below what is reserved is refused naming the product, and nothing is written', async () => {
      const { w, a, b } = await world();
      await inTransaction(db(), (tx) => reserveForOrder(tx, { orderId: newId(), actor: systemActor, lines: [{ orderLineId: newId(), productId: a.id, warehouseId: w.id, qty: 8000 }] }));
      const c = (await t.req(keeper, 'POST', '/api/v1/stock-counts', { warehouseId: w.id, productIds: [a.id, b.id] })).json();
      const la = c.lines.find((l: any) => l.productId === a.id);
      const lb = c.lines.find((l: any) => l.productId === b.id);
      await enter(c.id, [{ lineId: la.id, countedQty: 7 }, { lineId: lb.id, countedQty: 4 }]);
      const r = await t.req(keeper, 'POST', `/api/v1/stock-counts/${c.id}/post`);
      assert.equal(r.statusCode, 422, r.body);
      assert.equal(r.json().code, 'INSUFFICIENT_STOCK');
      assert.equal(r.json().details.length, 1);
      const det = r.json().details[0];
      assert.deepEqual([det.path, det.code, det.sku, det.counted, det.reserved], [`lines.${c.lines.indexOf(la)}.countedQty`, 'below_reserved', a.sku, 7, 8]);
      assert.match(det.message, /预留/);
      assert.equal((await t.req(keeper, 'GET', `/api/v1/stock-counts/${c.id}`)).json().status, 'counting');
      assert.equal((await countMovements(c.id)).length, 0);
      assert.deepEqual([(await level(a.id, w.id)).onHand, (await level(b.id, w.id)).onHand], [10, 5]);
      // Fixed count: posts.
      await enter(c.id, [{ lineId: la.id, countedQty: 8 }]);
      const ok = await t.req(keeper, 'POST', `/api/v1/stock-counts/${c.id}/post`);
      assert.equal(ok.statusCode, 200, ok.body);
      assert.deepEqual([(await level(a.id, w.id)).onHand, (await level(a.id, w.id)).reserved, (await level(b.id, w.id)).onHand], [8, 8, 4]);
      assert.deepEqual((await checkLedger(db())).violations, []);
    });

    test('two people posting the same count at once: one 200, one 409, variances booked once', async () => {
      const { w, a, b } = await world();
      const c = (await t.req(keeper, 'POST', '/api/v1/stock-counts', { warehouseId: w.id, productIds: [a.id, b.id] })).json();
      await enter(c.id, c.lines.map((l: any) => ({ lineId: l.id, countedQty: 1 })));
      const other = (await t.as(['warehouse'])).session;
      const [r1, r2] = await Promise.all([t.req(keeper, 'POST', `/api/v1/stock-counts/${c.id}/post`), t.req(other, 'POST', `/api/v1/stock-counts/${c.id}/post`)]);
      assert.deepEqual([r1.statusCode, r2.statusCode].sort(), [200, 409], `${r1.body} ${r2.body}`);
      assert.equal((await countMovements(c.id)).length, 2);
      assert.deepEqual([(await level(a.id, w.id)).onHand, (await level(b.id, w.id)).onHand], [1, 1]);
      assert.deepEqual((await checkLedger(db())).violations, []);
    });

    test('bad input names the field; cancelled counts take no entries; a sales rep may look but not count', async () => {
      const { w, a, c: metre } = await world();
      const closed = await warehouseFactory.insert(db(), { active: 0 });
      const empty = await warehouseFactory.insert(db());
      const cases: [Record<string, unknown>, string, string][] = [
        [{ warehouseId: newId() }, 'warehouseId', 'not_found'],
        [{ warehouseId: closed.id }, 'warehouseId', 'inactive'],
        [{ warehouseId: empty.id }, 'productIds', 'nothing_to_count'],
        [{ warehouseId: w.id, productIds: [a.id, newId()] }, 'productIds.1', 'not_found'],
        [{ warehouseId: w.id, productIds: [] }, 'productIds', 'too_small'],
      ];
      for (const [body, path, code] of cases) {
        const r = await t.req(keeper, 'POST', '/api/v1/stock-counts', body);
        assert.equal(r.statusCode, 400, r.body);
        const det = r.json().details.find((x: any) => x.path === path);
        assert.ok(det && det.code === code, `${path} ${code} in ${r.body}`);
      }
      const cnt = (await t.req(keeper, 'POST', '/api/v1/stock-counts', { warehouseId: w.id, productIds: [a.id, metre.id] })).json();
      const [la, lm] = [cnt.lines.find((l: any) => l.productId === a.id), cnt.lines.find((l: any) => l.productId === metre.id)];
      const entryCases: [unknown[], string, string][] = [
        [[{ lineId: la.id, countedQty: -1 }], 'lines.0.countedQty', 'too_small'],
        [[{ lineId: la.id, countedQty: 1.5 }], 'lines.0.countedQty', 'unit_decimals'],
        [[{ lineId: lm.id, countedQty: 1.255 }], 'lines.0.countedQty', 'unit_decimals'],
        [[{ lineId: la.id, countedQty: 1 }, { lineId: newId(), countedQty: 1 }], 'lines.1.lineId', 'not_found'],
      ];
      for (const [lines, path, code] of entryCases) {
        const r = await t.req(keeper, 'PUT', `/api/v1/stock-counts/${cnt.id}/lines`, { lines });
        assert.equal(r.statusCode, 400, r.body);
        assert.ok(r.json().details.some((x: any) => x.path === path && x.code === code), `${path} ${code} in ${r.body}`);
      }
      const fresh = (await t.req(keeper, 'GET', `/api/v1/stock-counts/${cnt.id}`)).json();
      assert.deepEqual([fresh.status, fresh.countedCount], ['draft', 0]);
      assert.equal((await t.req(keeper, 'POST', `/api/v1/stock-counts/${cnt.id}/post`)).statusCode, 409);

      const rep = (await t.as(['sales'])).session;
      assert.equal((await t.req(rep, 'GET', `/api/v1/stock-counts/${cnt.id}`)).statusCode, 200);
      assert.equal((await t.req(rep, 'POST', `/api/v1/stock-counts/${cnt.id}/cancel`)).statusCode, 403);
      assert.equal((await t.req(keeper, 'GET', `/api/v1/stock-counts/${newId()}`)).statusCode, 404);

      const cancelled = await t.req(keeper, 'POST', `/api/v1/stock-counts/${cnt.id}/cancel`);
      assert.equal(cancelled.json().status, 'cancelled');
      assert.equal((await enter(cnt.id, [{ lineId: la.id, countedQty: 1 }])).statusCode, 409);
      assert.equal((await t.req(keeper, 'POST', `/api/v1/stock-counts/${cnt.id}/cancel`)).statusCode, 409);
      const listed = (await t.req(keeper, 'GET', `/api/v1/stock-counts?warehouseId=${w.id}&status=cancelled`)).json();
      assert.deepEqual(listed.items.map((x: any) => x.id), [cnt.id]);
    });
  });
}
