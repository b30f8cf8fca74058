import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { dialects } from '../helpers/db.ts';
import { inDays, orderWorld } from './helpers.ts';

for (const d of await dialects()) {
  describe(`order numbers under concurrency [${d.name}]`, { skip: d.skip }, () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp(d.name);
    });
    after(() => t?.close());

    test('200 orders submitted by 20 concurrent clients: numbers unique and gap-free; stock never oversold', async () => {
      const admin = (await t.as(['admin'])).session;
      const reps = await Promise.all(Array.from({ length: 20 }, () => t.as(['sales'])));
      const worlds: Awaited<ReturnType<typeof orderWorld>>[] = [];
      let productId = '';
      for (const [i, r] of reps.entries()) {
        const w = await orderWorld(t, admin, r.session, { stock: i === 0 ? 150 : 0, sku: i === 0 ? 'HOT-1' : `X-${i}` });
        if (i === 0) productId = w.productId;
        worlds.push(w);
      }
      // Every client orders 10 × 1 unit of the same hot product (150 on hand, 200 wanted).
      const results = await Promise.all(
        reps.map(async (r, i) => {
          const out = [];
          for (let k = 0; k < 10; k++) {
            out.push(
              await t.req(r.session, 'POST', '/api/v1/orders', { customerId: worlds[i].customerId, promisedDate: inDays(30), lines: [{ productId, qty: 1, unitPrice: 100_000 }], submit: true, acknowledge: [{ code: 'POSSIBLE_DUPLICATE_ORDER', reason: '压测' }] }),
            );
          }
          return out;
        }),
      );
      const all = results.flat();
      assert.deepEqual([...new Set(all.map((r) => r.statusCode))], [201], all.find((r) => r.statusCode !== 201)?.body);
      const numbers = all.map((r) => r.json().order.number as string);
      assert.equal(new Set(numbers).size, 200, 'unique');
      const seqs = numbers.map((n) => Number(n.slice(-4))).sort((a, b) => a - b);
      assert.deepEqual(seqs, Array.from({ length: 200 }, (_, i) => i + 1), 'gap-free 1…200');
      const reserved = all.reduce((s, r) => s + r.json().order.lines[0].reservedQty, 0);
      const short = all.reduce((s, r) => s + r.json().order.lines[0].shortQty, 0);
      assert.deepEqual([reserved, short], [150, 50]);
      const stock = (await t.req(admin, 'GET', `/api/v1/stock?productId=${productId}`)).json().items[0];
      assert.deepEqual([stock.onHand, stock.reserved, stock.available], [150, 150, 0]);
    });
  });
}
