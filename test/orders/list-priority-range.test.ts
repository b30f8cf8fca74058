import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type Session, type TestApp } from '../helpers/app.ts';
import { dialects } from '../helpers/db.ts';
import { inDays, orderWorld } from './helpers.ts';

/** The order list with a priority and a created-at range is read by created_at: pages follow it without gaps or repeats. */
for (const d of await dialects()) {
  describe(`order list, priority + created range [${d.name}]`, { skip: d.skip }, () => {
    let t: TestApp;
    let rep: Session;
    const ids: string[] = [];

    before(async () => {
      t = await createTestApp(d.name);
      const admin = (await t.as(['admin'])).session;
      rep = (await t.as(['sales'])).session;
      const w = await orderWorld(t, admin, rep, { stock: 100 });
      // Created out of id order, two at the same instant, one outside the range and one of another priority.
      const at = ['2026-03-02T02:00:00.000Z', '2026-03-05T02:00:00.000Z', '2026-03-03T02:00:00.000Z', '2026-03-03T02:00:00.000Z', '2026-03-04T02:00:00.000Z', '2026-04-10T02:00:00.000Z', '2026-03-04T03:00:00.000Z'];
      for (const [i, createdAt] of at.entries()) {
        const r = await t.req(rep, 'POST', '/api/v1/orders', { customerId: w.customerId, promisedDate: inDays(30), priority: i === 6 ? 'low' : 'urgent', lines: [{ productId: w.productId, qty: 1, unitPrice: 100_000 }] });
        assert.equal(r.statusCode, 201, r.body);
        await t.db.handle.db.updateTable('salesOrder').set({ createdAt }).where('id', '=', r.json().order.id).execute();
        ids.push(r.json().order.id);
      }
    });
    after(() => t?.close());

    test('newest first by created time, one order a page, every order of the range once', async () => {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const r = await t.req(rep, 'GET', `/api/v1/orders?priority=urgent&from=2026-03-01&to=2026-03-31&limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
        assert.equal(r.statusCode, 200, r.body);
        seen.push(...r.json().items.map((o: { id: string }) => o.id));
        cursor = r.json().nextCursor;
      } while (cursor && seen.length < 20);
      const tie = [ids[2]!, ids[3]!].sort().reverse();
      assert.deepEqual(seen, [ids[1], ids[4], ...tie, ids[0]]);
    });
  });
}
