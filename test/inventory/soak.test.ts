import assert from 'node:assert/strict';
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { checkLedger } from '../../src/server/modules/inventory/index.ts';
import { createTestDb, dialects, type TestDb } from '../helpers/db.ts';
import { productFactory, warehouseFactory } from '../helpers/factories.ts';

/** CI: 4 processes × 150 operations; `npm run proof`: 8 processes × 64 jobs × 128 operations (8,192 each). */
const PROCESSES = Number(process.env.SOAK_PROCESSES ?? 4);
const OPS_PER_PROCESS = Number(process.env.SOAK_OPS_PER_PROCESS ?? 150);
const POOL_PER_PROCESS = 3;

for (const d of await dialects()) {
  describe(`inventory: randomized ledger soak [${d.name}]`, { skip: d.skip }, () => {
    let t: TestDb;
    before(async () => {
      t = await createTestDb(d.name);
    });
    after(() => t?.drop());

    test(`mixed receipts, issues, transfers, reservations and releases from ${PROCESSES} processes keep every ledger invariant`, async (ctx) => {
      const db = t.handle.db;
      // Few products and warehouses, so operations collide on the same stock rows.
      const products = await Promise.all([1, 2, 3, 4].map(() => productFactory.insert(db)));
      const warehouses = [await warehouseFactory.insert(db, { isDefault: 1 }), await warehouseFactory.insert(db), await warehouseFactory.insert(db)];
      const fixture = fileURLToPath(new URL('./soak.fixture.ts', import.meta.url));
      const args = (i: number) => [t.url, products.map((p) => p.id).join(','), warehouses.map((w) => w.id).join(','), String(OPS_PER_PROCESS), String(POOL_PER_PROCESS), `soak-${i}`];
      const children = Array.from({ length: PROCESSES }, (_, i) => fork(fixture, args(i), { execArgv: ['--import', 'tsx'] }));
      type Report = { tally: Record<string, number>; failures: string[]; ms: number; model: Record<string, [number, number]> };
      try {
        await Promise.all(children.map((c) => new Promise<void>((resolve, reject) => {
          c.once('message', () => resolve());
          c.once('exit', (code) => reject(new Error(`fixture exited early with ${code}`)));
        })));
        const reports = Promise.all(children.map((c) => new Promise<Report>((resolve) => c.on('message', (m: any) => m.tally && resolve(m)))));
        const started = performance.now();
        for (const c of children) c.send('go');
        const done = await reports;
        const wall = performance.now() - started;
        assert.deepEqual(done.flatMap((r) => r.failures), [], 'no operation failed other than a refused issue/transfer');
        const tally: Record<string, number> = {};
        for (const r of done) for (const [k, n] of Object.entries(r.tally)) tally[k] = (tally[k] ?? 0) + n;
        assert.ok((tally.reserve ?? 0) > 0 && (tally.release ?? 0) > 0 && (tally.receipt ?? 0) > 0, JSON.stringify(tally));
        const { checked, violations } = await checkLedger(db);
        assert.deepEqual(violations, []);
        assert.equal(checked, products.length * warehouses.length);
        // The balances are what the acknowledged operations of every process add up to.
        const model: Record<string, [number, number]> = {};
        for (const r of done) for (const [k, [onHand, reserved]] of Object.entries(r.model)) {
          const m = (model[k] ??= [0, 0]);
          m[0] += onHand;
          m[1] += reserved;
        }
        const stock = await db.selectFrom('stock').select(['productId', 'warehouseId', 'onHand', 'reserved']).where('productId', 'in', products.map((p) => p.id)).execute();
        const actual = Object.fromEntries(stock.map((s) => [`${s.productId} ${s.warehouseId}`, [Number(s.onHand), Number(s.reserved)]]).filter(([, v]) => (v as number[]).some((n) => n !== 0)));
        assert.deepEqual(actual, Object.fromEntries(Object.entries(model).filter(([, v]) => v.some((n) => n !== 0))), 'final balances equal the model');
        ctx.diagnostic(`${d.name}: ${PROCESSES * OPS_PER_PROCESS} operations in ${Math.round(wall)} ms — ${Object.entries(tally).sort().map(([k, n]) => `${k} ${n}`).join(', ')}; ledger clean`);
      } finally {
        for (const c of children) if (c.exitCode === null) c.kill();
      }
    });
  });
}
