import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, mock, test } from 'node:test';
import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely';
import { topicMatches } from '../../src/server/modules/notifications/index.ts';
import { markWebhooksChanging, WEBHOOK_CACHE_TTL_MS } from '../../src/server/modules/notifications/webhook.fanout.ts';
import { insertWebhook } from '../../src/server/modules/notifications/webhooks.repository.ts';
import type { Db } from '../../src/server/platform/db/database.ts';
import { inTransaction } from '../../src/server/platform/db/transaction.ts';
import { appendEvent } from '../../src/server/platform/events.ts';
import { systemActor } from '../../src/server/platform/http/actor.ts';
import { nowIso } from '../../src/server/platform/ids.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { dialects } from '../helpers/db.ts';

/** Counts the statements a Kysely instance runs (plugins see every query). */
class QueryCounter implements KyselyPlugin {
  count = 0;
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    this.count += 1;
    return args.node;
  }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}

test('topic patterns: *, exact, prefix', () => {
  assert.equal(topicMatches(['*'], 'order.created'), true);
  assert.equal(topicMatches(['order.created'], 'order.created'), true);
  assert.equal(topicMatches(['order.created'], 'order.cancelled'), false);
  assert.equal(topicMatches(['order.*'], 'order.stage.late'), true);
  assert.equal(topicMatches(['order.*'], 'order'), false);
  assert.equal(topicMatches(['order.*'], 'orders.created'), false);
  assert.equal(topicMatches(['shipment.*', 'order.created'], 'shipment.dispatched'), true);
});

for (const d of await dialects()) {
  describe(`webhook fan-out [${d.name}]`, { skip: d.skip }, () => {
    let t: TestApp;
    let db: Db;
    const svc = () => t.services.notifications.webhooks;

    before(async () => {
      t = await createTestApp(d.name);
      db = t.db.handle.db;
    });
    after(() => t?.close());
    beforeEach(async () => {
      for (const w of (await svc().list()).items) await svc().remove(systemActor, w.id);
      await db.deleteFrom('outbox').execute();
    });

    const emit = (type: string, q: Db = db) => inTransaction(q, (tx) => appendEvent(tx, { entityType: 'order', entityId: 'o-1', type, actor: systemActor, data: { n: 1 } }));
    const webhookRows = () => db.selectFrom('outbox').select(['topic', 'dedupeKey', 'payload', 'state']).where('channel', '=', 'webhook').orderBy('id').execute();

    test('an event creates one outbox row per matching webhook (*, exact, prefix), with <eventId>:<webhookId> keys', async () => {
      const all = await svc().create(systemActor, { name: 'all', url: 'http://127.0.0.1:9/a', preset: 'generic', topics: ['*'], active: true });
      const exact = await svc().create(systemActor, { name: 'exact', url: 'http://127.0.0.1:9/b', preset: 'generic', topics: ['order.created'], active: true });
      const prefix = await svc().create(systemActor, { name: 'prefix', url: 'http://127.0.0.1:9/c', preset: 'wecom', topics: ['order.*'], active: true });
      const other = await svc().create(systemActor, { name: 'other', url: 'http://127.0.0.1:9/d', preset: 'generic', topics: ['shipment.*'], active: true });
      const paused = await svc().create(systemActor, { name: 'paused', url: 'http://127.0.0.1:9/e', preset: 'generic', topics: ['*'], active: false });
      await db.deleteFrom('outbox').execute(); // the webhook.created audit events fanned out to `all`

      const event = await emit('order.created');
      const rows = await webhookRows();
      assert.deepEqual(rows.map((r) => r.dedupeKey).sort(), [all.id, exact.id, prefix.id].map((id) => `${event.id}:${id}`).sort());
      assert.ok(rows.every((r) => r.topic === 'order.created' && r.state === 'pending'));
      const payload = JSON.parse(rows[0].payload);
      assert.equal(payload.event.id, event.id);
      assert.equal(payload.event.type, 'order.created');
      assert.ok(!rows.some((r) => r.dedupeKey!.endsWith(other.id) || r.dedupeKey!.endsWith(paused.id)));

      await db.deleteFrom('outbox').execute();
      await emit('order.shipped');
      assert.deepEqual((await webhookRows()).map((r) => r.dedupeKey!.split(':')[1]).sort(), [all.id, prefix.id].sort());
    });

    test('no webhook: no outbox row, and with a warm cache no query beyond the event insert', async () => {
      const counter = new QueryCounter();
      const counted = db.withPlugin(counter); // same database, same fan-out cache
      // order.updated: an event no other engine writes for (the stage track does for order.created).
      await emit('order.updated', counted); // may load the (empty) list into the cache
      counter.count = 0;
      await emit('order.updated', counted);
      assert.equal(counter.count, 1, 'only the event insert');
      assert.deepEqual(await webhookRows(), []);

      await svc().create(systemActor, { name: 'x', url: 'http://127.0.0.1:9/x', preset: 'generic', topics: ['shipment.*'], active: true });
      await emit('order.updated', counted);
      counter.count = 0;
      await emit('order.updated', counted);
      assert.equal(counter.count, 1, 'a webhook that does not match costs nothing either');
      assert.deepEqual(await webhookRows(), []);
    });

    test('a webhook created in this process applies to the very next event (cache dropped on commit)', async () => {
      await emit('order.created'); // warm the cache with "no webhooks"
      const w = await svc().create(systemActor, { name: 'new', url: 'http://127.0.0.1:9/n', preset: 'generic', topics: ['order.created'], active: true });
      const e = await emit('order.created');
      assert.deepEqual((await webhookRows()).map((r) => r.dedupeKey), [`${e.id}:${w.id}`]);

      await svc().update(systemActor, w.id, { active: false });
      await db.deleteFrom('outbox').execute();
      await emit('order.created');
      assert.deepEqual(await webhookRows(), [], 'paused: no more fan-out');

      await svc().update(systemActor, w.id, { active: true, topics: ['order.cancelled'] });
      await emit('order.created');
      assert.deepEqual(await webhookRows(), []);
      await emit('order.cancelled');
      assert.equal((await webhookRows()).length, 1);
    });

    test('a change by another process is picked up within the cache TTL', async () => {
      await emit('order.created'); // warm the cache
      // Written behind this process's back, as another app server would.
      const id = await insertWebhook(db, { name: 'elsewhere', url: 'http://127.0.0.1:9/z', preset: 'generic', secret: null, topics: ['*'], active: true, createdAt: nowIso() });
      mock.timers.enable({ apis: ['Date'], now: Date.now() });
      try {
        await emit('order.created');
        assert.deepEqual(await webhookRows(), [], 'still cached');
        mock.timers.tick(WEBHOOK_CACHE_TTL_MS + 1);
        const e = await emit('order.created');
        assert.deepEqual((await webhookRows()).map((r) => r.dedupeKey), [`${e.id}:${id}`]);
      } finally {
        mock.timers.reset();
      }
    });

    test('a webhook change that rolls back leaves nothing behind in the cache', async () => {
      await assert.rejects(
        inTransaction(db, async (tx) => {
          markWebhooksChanging(tx);
          await insertWebhook(tx, { name: 'phantom', url: 'http://127.0.0.1:9/p', preset: 'generic', secret: null, topics: ['*'], active: true, createdAt: nowIso() });
          await appendEvent(tx, { entityType: 'webhook', entityId: 'p', type: 'webhook.created', actor: systemActor });
          throw new Error('rolled back');
        }),
        /rolled back/,
      );
      await emit('order.created');
      assert.deepEqual(await webhookRows(), []);
    });

    test('fan-out is part of the event transaction: a rollback leaves no webhook row', async () => {
      await svc().create(systemActor, { name: 'all', url: 'http://127.0.0.1:9/a', preset: 'generic', topics: ['order.*'], active: true });
      await assert.rejects(
        inTransaction(db, async (tx) => {
          await appendEvent(tx, { entityType: 'order', entityId: 'o-2', type: 'order.created', actor: systemActor });
          throw new Error('business rule failed');
        }),
      );
      assert.deepEqual(await webhookRows(), []);
    });
  });
}
