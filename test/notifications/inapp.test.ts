import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createNotificationHandlers, notify } from '../../src/server/modules/notifications/index.ts';
import { inTransaction } from '../../src/server/platform/db/transaction.ts';
import { OutboxWorker } from '../../src/server/platform/outbox/worker.ts';
import { createTestApp, type Session, type TestApp } from '../helpers/app.ts';
import { dialects } from '../helpers/db.ts';

for (const d of await dialects()) {
  describe(`in-app notifications [${d.name}]`, { skip: d.skip }, () => {
    let t: TestApp;
    let me: { user: { id: string }; session: Session };
    let worker: OutboxWorker;

    before(async () => {
      t = await createTestApp(d.name);
      me = await t.as(['sales']);
      // Driven step by step (runOnce), so each test sees exactly what it delivered.
      worker = new OutboxWorker(t.db.handle, { handlers: createNotificationHandlers(t.ctx), backoffMs: 20, pollMs: 60_000 });
    });
    after(() => t?.close());

    const drain = async () => {
      while ((await worker.runOnce()) > 0);
    };

    test('list newest first with unread count, cursor paging, mark read', async () => {
      const other = await t.user(['sales']);
      await inTransaction(t.db.handle.db, async (tx) => {
        for (const n of [1, 2, 3]) await notify(tx, { userIds: [me.user.id, me.user.id, other.id], kind: 'k', title: `t${n}`, body: `b${n}` });
      });
      await drain();
      const page1 = (await t.req(me.session, 'GET', '/api/v1/notifications?limit=2')).json();
      assert.deepEqual(
        page1.items.map((i: { title: string }) => i.title),
        ['t3', 't2'],
        'one per user even when listed twice',
      );
      assert.equal(page1.unreadCount, 3);
      const page2 = (await t.req(me.session, 'GET', `/api/v1/notifications?limit=2&cursor=${page1.nextCursor}`)).json();
      assert.deepEqual(
        page2.items.map((i: { title: string }) => i.title),
        ['t1'],
      );
      assert.equal(page2.nextCursor, null);

      const read = await t.req(me.session, 'POST', '/api/v1/notifications/read', { ids: [page1.items[0].id] });
      assert.equal(read.statusCode, 200);
      const after = (await t.req(me.session, 'GET', '/api/v1/notifications?unread=true')).json();
      assert.equal(after.unreadCount, 2);
      assert.deepEqual(
        after.items.map((i: { title: string }) => i.title),
        ['t2', 't1'],
      );
      await t.req(me.session, 'POST', '/api/v1/notifications/read', { ids: 'all' });
      assert.equal((await t.req(me.session, 'GET', '/api/v1/notifications')).json().unreadCount, 0);
    });

    test('a retried in-app job stores one notification and pushes once', async () => {
      const pushes: unknown[] = [];
      const off = t.ctx.live.subscribe(me.user.id, (m) => pushes.push(m));
      try {
        const handler = createNotificationHandlers(t.ctx).inapp;
        const job = { id: 'outbox-retry-1', channel: 'inapp', topic: 'k', attempt: 1, payload: { userId: me.user.id, kind: 'k', title: 'once', body: 'once', link: null } };
        await handler(job);
        await handler({ ...job, attempt: 2 });
        const rows = await t.db.handle.db.selectFrom('notification').select('id').where('outboxId', '=', 'outbox-retry-1').execute();
        assert.equal(rows.length, 1);
        assert.equal(pushes.length, 1);
      } finally {
        off();
      }
    });
  });
}
