import assert from 'node:assert/strict';
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { availability, checkLedger, createMovementsService, defaultWarehouseId, releaseForOrder, reserveForOrder, type ReserveLine } from '../../src/server/modules/inventory/index.ts';
import type { Db } from '../../src/server/platform/db/database.ts';
import { inTransaction } from '../../src/server/platform/db/transaction.ts';
import { systemActor } from '../../src/server/platform/http/actor.ts';
import { newId } from '../../src/server/platform/ids.ts';
import { createTestDb, dialects, type TestDb } from '../helpers/db.ts';
import { productFactory, warehouseFactory } from '../helpers/factories.ts';

const PROCESSES = 4;
const CALLS_PER_PROCESS = Number(process.env.RESERVE_CALLS_PER_PROCESS ?? 60);
const POOL_PER_PROCESS = 4;

for (const d of await dialects()) {
  describe(`inventory: reservations [${d.name}]`, { skip: d.skip }, () => {
    let t: TestDb;
    let db: Db;
    before(async () => {
      t = await createTestDb(d.name);
      db = t.handle.db;
    });
    after(() => t?.drop());

    const reserve = (orderId: string, lines: ReserveLine[]) => inTransaction(db, (tx) => reserveForOrder(tx, { orderId, actor: systemActor, lines }));
    const release = (orderId: string, orderLineIds?: string[]) => inTransaction(db, (tx) => releaseForOrder(tx, { orderId, orderLineIds, actor: systemActor, reason: '订单取消' }));
    const receive = (productId: string, warehouseId: string, qty: number) => createMovementsService(db).post(systemActor, { type: 'receipt', productId, warehouseId, qty });
    const counters = (productId: string, warehouseId: string) =>
      db.selectFrom('stock').select(['onHand', 'reserved']).where('productId', '=', productId).where('warehouseId', '=', warehouseId).executeTakeFirstOrThrow();

    test('without any warehouse a line that names none is refused with NO_WAREHOUSE', async () => {
      const p = await productFactory.insert(db);
      assert.equal(await defaultWarehouseId(db), null);
      await assert.rejects(reserve(newId(), [{ orderLineId: 'l1', productId: p.id, qty: 1000 }]), { code: 'NO_WAREHOUSE' });
    });

    test('reserves what is available and reports the rest as short, line by line', async () => {
      const p = await productFactory.insert(db);
      const q = await productFactory.insert(db, { unitDecimals: 3 });
      const w = await warehouseFactory.insert(db, { isDefault: 1 });
      assert.equal(await defaultWarehouseId(db), w.id);
      await receive(p.id, w.id, 10);
      await receive(q.id, w.id, 2.5);
      const first = newId();
      const r = await reserve(first, [
        { orderLineId: 'a', productId: p.id, qty: 6000 },
        { orderLineId: 'b', productId: q.id, warehouseId: w.id, qty: 1250 },
        { orderLineId: 'c', productId: p.id, warehouseId: w.id, qty: 6000 },
        { orderLineId: 'd', productId: newId(), qty: 1000 },
      ]);
      assert.deepEqual(r, [
        { orderLineId: 'a', warehouseId: w.id, reserved: 6000, short: 0 },
        { orderLineId: 'b', warehouseId: w.id, reserved: 1250, short: 0 },
        { orderLineId: 'c', warehouseId: w.id, reserved: 4000, short: 2000 },
        { orderLineId: 'd', warehouseId: w.id, reserved: 0, short: 1000 },
      ]);
      const second = await reserve(newId(), [{ orderLineId: 'x', productId: q.id, qty: 2000 }]);
      assert.deepEqual(second, [{ orderLineId: 'x', warehouseId: w.id, reserved: 1250, short: 750 }], 'partial: exactly what was left');
      assert.deepEqual(await counters(q.id, w.id), { onHand: 2500, reserved: 2500 });
      const avail = await availability(db, [p.id, q.id, 'nothing']);
      assert.deepEqual(avail.get(p.id), { onHand: 10_000, reserved: 10_000, available: 0 });
      assert.deepEqual(avail.get('nothing'), { onHand: 0, reserved: 0, available: 0 });
      const rows = await db.selectFrom('reservation').select(['orderLineId', 'qty', 'state']).where('orderId', '=', first).orderBy('orderLineId').execute();
      assert.deepEqual(rows, [
        { orderLineId: 'a', qty: 6000, state: 'active' },
        { orderLineId: 'b', qty: 1250, state: 'active' },
        { orderLineId: 'c', qty: 4000, state: 'active' },
      ]);
      const ev = await db.selectFrom('event').select(['type', 'stage', 'data']).where('entityId', '=', first).executeTakeFirstOrThrow();
      assert.equal(ev.type, 'stock.reserved');
      assert.equal(ev.stage, 'preparation');
      assert.deepEqual(JSON.parse(ev.data).lines[2], { orderLineId: 'c', warehouseId: w.id, productId: p.id, qty: 6, reserved: 4, short: 2 });
      assert.deepEqual((await checkLedger(db)).violations, []);
    });

    test('a line naming an unknown warehouse is a validation error, not a shortage; bad qty too', async () => {
      const p = await productFactory.insert(db);
      await assert.rejects(reserve(newId(), [{ orderLineId: 'l', productId: p.id, warehouseId: 'nope', qty: 1000 }]), (e: any) => e.code === 'VALIDATION_FAILED' && e.details[0].path === 'lines.0.warehouseId');
      await assert.rejects(reserve(newId(), [{ orderLineId: 'l', productId: p.id, qty: 0 }]), (e: any) => e.code === 'VALIDATION_FAILED' && e.details[0].path === 'lines.0.qty');
      await assert.rejects(reserve(newId(), [{ orderLineId: 'l', productId: p.id, qty: 1.5 }]), { code: 'VALIDATION_FAILED' });
    });

    test('release gives stock back: per line, then the rest; releasing twice releases nothing', async () => {
      const p = await productFactory.insert(db);
      const w = await warehouseFactory.insert(db);
      const w2 = await warehouseFactory.insert(db);
      await receive(p.id, w.id, 10);
      await receive(p.id, w2.id, 4);
      const order = newId();
      await reserve(order, [
        { orderLineId: 'l1', productId: p.id, warehouseId: w.id, qty: 3000 },
        { orderLineId: 'l2', productId: p.id, warehouseId: w.id, qty: 5000 },
        { orderLineId: 'l3', productId: p.id, warehouseId: w2.id, qty: 4000 },
      ]);
      assert.deepEqual(await counters(p.id, w.id), { onHand: 10_000, reserved: 8000 });
      assert.deepEqual(await release(order, ['l2']), [{ orderLineId: 'l2', warehouseId: w.id, released: 5000 }]);
      assert.deepEqual(await counters(p.id, w.id), { onHand: 10_000, reserved: 3000 });
      const rest = await release(order);
      assert.deepEqual(rest.map((l) => [l.orderLineId, l.released]).sort(), [['l1', 3000], ['l3', 4000]]);
      assert.deepEqual(await release(order), []);
      assert.deepEqual(await counters(p.id, w.id), { onHand: 10_000, reserved: 0 });
      assert.deepEqual(await counters(p.id, w2.id), { onHand: 4000, reserved: 0 });
      const states = await db.selectFrom('reservation').select(['state', 'closedAt']).where('orderId', '=', order).execute();
      assert.ok(states.every((s) => s.state === 'released' && s.closedAt));
      const events = await db.selectFrom('event').select(['type', 'data']).where('entityId', '=', order).orderBy('id').execute();
      assert.deepEqual(events.map((e) => e.type), ['stock.reserved', 'stock.released', 'stock.released']);
      assert.equal(JSON.parse(events[1].data).reason, '订单取消');
      assert.deepEqual((await availability(db, [p.id])).get(p.id), { onHand: 14_000, reserved: 0, available: 14_000 });
      assert.deepEqual((await availability(db, [p.id], w2.id)).get(p.id), { onHand: 4000, reserved: 0, available: 4000 });
      assert.deepEqual((await checkLedger(db)).violations, []);
    });

    test('checkLedger names each broken invariant', async () => {
      const p = await productFactory.insert(db, { sku: `CHK-${d.name}` });
      const w = await warehouseFactory.insert(db, { code: `CHK-${d.name}` });
      await receive(p.id, w.id, 5);
      await reserve(newId(), [{ orderLineId: 'l', productId: p.id, warehouseId: w.id, qty: 2000 }]);
      const { checked } = await checkLedger(db);
      assert.ok(checked > 0);
      await db.updateTable('stock').set({ onHand: 6000, reserved: 1000 }).where('productId', '=', p.id).where('warehouseId', '=', w.id).execute();
      const { violations } = await checkLedger(db);
      assert.deepEqual(
        violations.map((v) => [v.kind, v.sku, v.warehouseCode, v.counter, v.expected]),
        [
          ['on_hand_mismatch', p.sku, w.code, 6000, 5000],
          ['reserved_mismatch', p.sku, w.code, 1000, 2000],
        ],
      );
      await db.updateTable('stock').set({ onHand: 5000, reserved: 2000 }).where('productId', '=', p.id).where('warehouseId', '=', w.id).execute();
      assert.deepEqual((await checkLedger(db)).violations, []);
    });

    test(`never oversells: ${PROCESSES * CALLS_PER_PROCESS} concurrent single-unit reservations from ${PROCESSES} processes against 100 on hand`, async (ctx) => {
      const p = await productFactory.insert(db);
      const w = await warehouseFactory.insert(db, { isDefault: 1 });
      await db.updateTable('warehouse').set({ isDefault: 0 }).where('id', '<>', w.id).execute();
      await receive(p.id, w.id, 100);
      const fixture = fileURLToPath(new URL('./reserve.fixture.ts', import.meta.url));
      const children = Array.from({ length: PROCESSES }, (_, i) =>
        fork(fixture, [t.url, p.id, w.id, String(CALLS_PER_PROCESS), String(POOL_PER_PROCESS), `race-${i}`], { execArgv: ['--import', 'tsx'] }),
      );
      type Report = { results: { reserved?: number; short?: number; warehouseId?: string; error?: string }[]; ms: number };
      try {
        await Promise.all(children.map((c) => new Promise<void>((resolve, reject) => {
          c.once('message', () => resolve());
          c.once('exit', (code) => reject(new Error(`fixture exited early with ${code}`)));
        })));
        const started = performance.now();
        const reports = Promise.all(children.map((c) => new Promise<Report>((resolve) => c.on('message', (m: any) => m.results && resolve(m)))));
        for (const c of children) c.send('go');
        const all = (await reports).flatMap((r) => r.results);
        const wall = performance.now() - started;
        const errors = all.filter((r) => r.error);
        assert.deepEqual(errors, [], 'every call answered with a result, none failed');
        const won = all.filter((r) => r.reserved === 1000);
        const lost = all.filter((r) => r.reserved === 0 && r.short === 1000);
        assert.equal(won.length, 100, 'exactly 100 units reserved');
        assert.equal(lost.length, all.length - 100, 'every other call is a clean shortage');
        assert.ok(all.every((r) => r.warehouseId === w.id), 'calls without a warehouse used the default');
        assert.deepEqual(await counters(p.id, w.id), { onHand: 100_000, reserved: 100_000 });
        const active = await db.selectFrom('reservation').select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('qty').as('qty')]).where('productId', '=', p.id).where('state', '=', 'active').executeTakeFirstOrThrow();
        assert.deepEqual([Number(active.n), Number(active.qty)], [100, 100_000]);
        assert.deepEqual((await checkLedger(db)).violations, []);
        ctx.diagnostic(`${d.name}: ${all.length} reservations from ${PROCESSES} processes × ${d.name === 'postgres' ? `${POOL_PER_PROCESS} connections` : '1 connection'} in ${Math.round(wall)} ms (${Math.round((all.length / wall) * 1000)}/s); 100 reserved, ${lost.length} short, 0 oversold`);
      } finally {
        for (const c of children) if (c.exitCode === null) c.kill();
      }
    });
  });
}
