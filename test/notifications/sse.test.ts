import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { createNotificationHandlers, notify } from '../../src/server/modules/notifications/index.ts';
import { inTransaction } from '../../src/server/platform/db/transaction.ts';
import { OutboxWorker } from '../../src/server/platform/outbox/worker.ts';
import { createTestApp, type Session, type TestApp } from '../helpers/app.ts';
import { dialects } from '../helpers/db.ts';
import { waitFor } from './helpers.ts';

interface SseEvent {
  event: string;
  data: string;
}

/** Opens the stream with `fetch` and parses events as they arrive. */
async function openStream(url: string, cookie: string | null) {
  const abort = new AbortController();
  const res = await fetch(url, { headers: cookie ? { cookie } : {}, signal: abort.signal });
  const events: SseEvent[] = [];
  const waiters: (() => void)[] = [];
  let ended = false;
  const pump = (async () => {
    if (!res.body) return;
    const decoder = new TextDecoder();
    let buf = '';
    try {
      const reader = res.body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        buf += decoder.decode(value, { stream: true });
        let i: number;
        while ((i = buf.indexOf('\n\n')) >= 0) {
          const block = buf.slice(0, i);
          buf = buf.slice(i + 2);
          const e: SseEvent = { event: 'message', data: '' };
          for (const line of block.split('\n')) {
            if (line.startsWith('event: ')) e.event = line.slice(7);
            else if (line.startsWith('data: ')) e.data += line.slice(6);
          }
          if (block.split('\n').some((l) => l.startsWith('event: ') || l.startsWith('data: '))) events.push(e);
          waiters.splice(0).forEach((w) => w());
        }
      }
    } catch {
      /* aborted */
    } finally {
      ended = true;
      waiters.splice(0).forEach((w) => w());
    }
  })();
  return {
    res,
    events,
    get ended() {
      return ended;
    },
    async next(type: string, timeoutMs = 5_000): Promise<SseEvent> {
      const until = Date.now() + timeoutMs;
      for (;;) {
        const found = events.find((e) => e.event === type);
        if (found) return found;
        if (ended) throw new Error(`stream ended before event ${type}`);
        if (Date.now() > until) throw new Error(`no ${type} event within ${timeoutMs} ms (got ${events.map((e) => e.event).join(', ')})`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 50);
        });
      }
    },
    async close() {
      abort.abort();
      await pump;
    },
  };
}

for (const d of await dialects()) {
  describe(`SSE /api/v1/events [${d.name}]`, { skip: d.skip }, () => {
    let t: TestApp;
    let base: string;
    let worker: OutboxWorker;
    let alice: { user: { id: string }; session: Session };

    before(async () => {
      t = await createTestApp(d.name);
      await t.app.listen({ port: 0, host: '127.0.0.1' });
      base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
      worker = new OutboxWorker(t.db.handle, { handlers: createNotificationHandlers(t.ctx), backoffMs: 20, pollMs: 20 });
      worker.start();
      alice = await t.as(['sales']);
    });
    after(async () => {
      await worker?.stop();
      // fetch (undici) keeps spare sockets that never carry a request; Node's close() does
      // not reap those until the client drops them (~4 s). All streams are closed by now.
      t?.app.server.closeAllConnections();
      await t?.close();
    });

    test('without a session: 401, no stream', async () => {
      const res = await fetch(`${base}/api/v1/events`);
      assert.equal(res.status, 401);
      assert.equal((await res.json()).code, 'UNAUTHENTICATED');
    });

    test('a committed notify(...) reaches the user as `event: notification`; nobody else gets it', async () => {
      const bob = await t.as(['sales']);
      const a = await openStream(`${base}/api/v1/events`, alice.session.cookie);
      const b = await openStream(`${base}/api/v1/events`, bob.session.cookie);
      try {
        assert.equal(a.res.status, 200);
        assert.match(a.res.headers.get('content-type')!, /text\/event-stream/);
        await a.next('ready');
        await b.next('ready');
        await inTransaction(t.db.handle.db, (tx) => notify(tx, { userIds: [alice.user.id], kind: 'approval.requested', title: '待审批：SO-1', body: '请审批订单 SO-1', link: '/orders/1' }));
        const e = await a.next('notification');
        const data = JSON.parse(e.data);
        assert.equal(data.title, '待审批：SO-1');
        assert.equal(data.body, '请审批订单 SO-1');
        assert.equal(data.link, '/orders/1');
        assert.equal(data.kind, 'approval.requested');
        assert.equal(data.readAt, null);
        // The pushed notification is the stored one.
        const list = await t.req(alice.session, 'GET', '/api/v1/notifications');
        assert.equal(list.json().items[0].id, data.id);
        await new Promise((r) => setTimeout(r, 100));
        assert.ok(!b.events.some((x) => x.event === 'notification'), 'bob received nothing');
      } finally {
        await a.close();
        await b.close();
      }
    });

    test('nothing is pushed for a transaction that rolls back', async () => {
      const a = await openStream(`${base}/api/v1/events`, alice.session.cookie);
      try {
        await a.next('ready');
        await assert.rejects(
          inTransaction(t.db.handle.db, async (tx) => {
            await notify(tx, { userIds: [alice.user.id], kind: 'x', title: 'never', body: 'never' });
            throw new Error('rollback');
          }),
        );
        await new Promise((r) => setTimeout(r, 200));
        assert.ok(!a.events.some((x) => x.event === 'notification'));
      } finally {
        await a.close();
      }
      // The server noticed the client leaving and dropped the subscription.
      await waitFor('unsubscribe', () => t.ctx.live.connectionCount() === 0);
    });

    test('closing the app ends open streams instead of hanging', { timeout: 60_000 }, async () => {
      const own = await createTestApp(d.name);
      await own.app.listen({ port: 0, host: '127.0.0.1' });
      const url = `http://127.0.0.1:${(own.app.server.address() as AddressInfo).port}/api/v1/events`;
      const { session } = await own.as(['sales']);
      const s = await openStream(url, session.cookie);
      await s.next('ready');
      assert.equal(own.ctx.live.connectionCount(), 1);
      const closing = own.close();
      const outcome = await Promise.race([closing.then(() => 'closed'), new Promise((r) => setTimeout(r, 3_000)).then(() => 'hung')]);
      await s.close(); // lets a hung close finish, so a failure does not hang the run
      await closing;
      assert.equal(outcome, 'closed', 'close did not wait for the open stream');
      assert.equal(own.ctx.live.connectionCount(), 0, 'the stream unsubscribed');
    });
  });
}
