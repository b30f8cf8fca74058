import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { scanStageAlerts, STAGE_ALERT_CHANNEL } from '../../src/server/modules/sla/index.ts';
import { inTransaction } from '../../src/server/platform/db/transaction.ts';
import { enqueueMany } from '../../src/server/platform/outbox/outbox.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { dialects } from '../helpers/db.ts';
import { cn, replan, slaWorld } from './sla-helpers.ts';

/** The scan queues its alerts' deliveries in multi-row outbox inserts: one row per alert, none twice. */
for (const d of await dialects()) {
  describe(`batched outbox enqueue in the SLA scan [${d.name}]`, { skip: d.skip }, () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp(d.name);
    });
    after(() => t?.close());
    const outboxRows = (like: string) => t.db.handle.db.selectFrom('outbox').select(['topic', 'payload', 'dedupeKey']).where('dedupeKey', 'like', like).execute();

    test('enqueueMany writes every row once, across chunks, skipping taken dedupe keys (also within one call)', async () => {
      const inputs = Array.from({ length: 950 }, (_, i) => ({ channel: 'inapp', topic: 'bench.many', payload: { i }, dedupeKey: `many:${i}` }));
      assert.equal(await inTransaction(t.db.handle.db, (tx) => enqueueMany(tx, inputs)), 950);
      const again = [...inputs.slice(900), { channel: 'inapp', topic: 'bench.many', payload: { i: 'new' }, dedupeKey: 'many:new' }, { channel: 'inapp', topic: 'bench.many', payload: { i: 'dup' }, dedupeKey: 'many:new' }];
      assert.equal(await inTransaction(t.db.handle.db, (tx) => enqueueMany(tx, again)), 1);
      const rows = await outboxRows('many:%');
      assert.equal(rows.length, 951);
      assert.equal(JSON.parse(rows.find((r) => r.dedupeKey === 'many:new')!.payload).i, 'new', 'the first of two rows with one key wins');
      assert.equal(await inTransaction(t.db.handle.db, (tx) => enqueueMany(tx, [])), 0);
      // A rolled-back transaction leaves nothing.
      await assert.rejects(inTransaction(t.db.handle.db, async (tx) => {
        await enqueueMany(tx, [{ channel: 'inapp', topic: 'bench.many', payload: {}, dedupeKey: 'many:rolled-back' }]);
        throw new Error('boom');
      }));
      assert.equal((await outboxRows('many:rolled-back')).length, 0);
    });

    test('a scan over 450 late stages queues one delivery per alert; a second scan queues none', async () => {
      const w = await slaWorld(t);
      const orders = [];
      for (let i = 0; i < 450; i++) orders.push(await w.order());
      for (const o of orders) await replan(t, o.id, '2026-10-09');
      const now = cn('2026-10-12T10:00'); // both escalation levels have come
      const first = await scanStageAlerts(t.db.handle, { now, batchSize: 500 });
      assert.equal(first.alerts, 900);
      const rows = await outboxRows('stage_alert:%');
      assert.equal(rows.length, 900);
      const alerts = await t.db.handle.db.selectFrom('stageAlert').select(['id', 'kind']).where('state', '=', 'queued').execute();
      assert.deepEqual(rows.map((r) => JSON.parse(r.payload).alertId).sort(), alerts.map((a) => a.id).sort(), 'each queued alert has its delivery');
      assert.ok(rows.every((r) => r.topic === 'stage.escalation'));
      const again = await scanStageAlerts(t.db.handle, { now: now + 60_000 });
      assert.equal(again.alerts, 0);
      assert.equal((await t.db.handle.db.selectFrom('outbox').select('id').where('channel', '=', STAGE_ALERT_CHANNEL).execute()).length, 900);
    });
  });
}
