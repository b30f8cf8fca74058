import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import type { WebhookCreate } from '../../src/contracts/admin.ts';
import { after, before, describe, test } from 'node:test';
import { createNotificationHandlers } from '../../src/server/modules/notifications/index.ts';
import { createWebhookHandler } from '../../src/server/modules/notifications/webhook.channel.ts';
import { inTransaction } from '../../src/server/platform/db/transaction.ts';
import { appendEvent } from '../../src/server/platform/events.ts';
import { systemActor } from '../../src/server/platform/http/actor.ts';
import { nowIso } from '../../src/server/platform/ids.ts';
import { enqueue } from '../../src/server/platform/outbox/outbox.ts';
import { OutboxWorker } from '../../src/server/platform/outbox/worker.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { dialects } from '../helpers/db.ts';
import { recordingLog, startReceiver, waitForState, type Receiver } from './helpers.ts';

const hmacHex = (secret: string, body: string) => createHmac('sha256', secret).update(body).digest('hex');
const hmacB64 = (key: string, msg: string | Buffer) => createHmac('sha256', key).update(msg).digest('base64');

for (const d of await dialects()) {
  describe(`webhook delivery [${d.name}]`, { skip: d.skip }, () => {
    let t: TestApp;
    let worker: OutboxWorker;
    const receivers: Receiver[] = [];

    before(async () => {
      t = await createTestApp(d.name);
      worker = new OutboxWorker(t.db.handle, { handlers: createNotificationHandlers(t.ctx), backoffMs: 20, pollMs: 20 });
      worker.start();
    });
    after(async () => {
      await worker?.stop();
      await Promise.all(receivers.map((r) => r.close()));
      await t?.close();
    });

    async function receiver(...args: Parameters<typeof startReceiver>) {
      const r = await startReceiver(...args);
      receivers.push(r);
      return r;
    }

    /** Through the service, as the admin API does: it drops the fan-out cache on commit. */
    async function hook(r: Receiver, fields: Partial<WebhookCreate> = {}): Promise<string> {
      const created = await t.services.notifications.webhooks.create(systemActor, { name: 'h', url: `${r.url}/hook`, preset: 'generic', secret: null, topics: ['order.*'], active: true, ...fields });
      return created.id;
    }

    /** Appends an event the hook subscribes to; returns the webhook outbox row's id. */
    async function emit(webhookId: string, type = 'order.created', data: Record<string, unknown> = { number: 'SO-20261127-0001' }): Promise<string> {
      const event = await inTransaction(t.db.handle.db, (tx) => appendEvent(tx, { entityType: 'order', entityId: 'o-1', type, actor: systemActor, data }));
      const row = await t.db.handle.db.selectFrom('outbox').select('id').where('dedupeKey', '=', `${event.id}:${webhookId}`).executeTakeFirstOrThrow();
      return row.id;
    }

    test('503, 503, then 200: delivered exactly once, same delivery id, 3 attempts recorded, signature verifies', async () => {
      const r = await receiver((n) => (n <= 2 ? { status: 503, body: 'busy' } : { status: 200 }));
      const id = await emit(await hook(r, { secret: 's3cret' }));
      const row = await waitForState(t.db.handle, id, 'done');

      assert.equal(r.requests.length, 3);
      assert.equal(r.requests.filter((q) => q.status >= 200 && q.status < 300).length, 1);
      assert.deepEqual(
        r.requests.map((q) => q.headers['x-gendan-delivery']),
        [id, id, id],
      );
      for (const q of r.requests) {
        assert.equal(q.method, 'POST');
        assert.equal(q.headers['x-gendan-topic'], 'order.created');
        assert.equal(q.headers['x-gendan-signature'], `sha256=${hmacHex('s3cret', q.body)}`);
        assert.notEqual(q.headers['x-gendan-signature'], `sha256=${hmacHex('wrong', q.body)}`);
      }
      const body = JSON.parse(r.requests[2].body);
      assert.equal(body.type, 'order.created');
      assert.equal(body.entityType, 'order');
      assert.equal(body.data.number, 'SO-20261127-0001');

      assert.deepEqual(
        row.attemptLog.map((a) => [a.attempt, a.ok]),
        [
          [1, false],
          [2, false],
          [3, true],
        ],
      );
      assert.match(row.attemptLog[0].error!, /HTTP 503: busy/);
      assert.match(row.attemptLog[1].error!, /HTTP 503/);
      assert.equal(row.attemptLog[2].error, null);
      assert.equal(row.attempts, 3);
    });

    test('a generic hook without a secret sends no signature header', async () => {
      const r = await receiver();
      await waitForState(t.db.handle, await emit(await hook(r)), 'done');
      assert.equal(r.requests.length, 1);
      assert.equal(r.requests[0].headers['x-gendan-signature'], undefined);
    });

    test('WeCom preset: {msgtype:text, text:{content}}', async () => {
      const r = await receiver(() => ({ status: 200, body: '{"errcode":0,"errmsg":"ok"}' }));
      await waitForState(t.db.handle, await emit(await hook(r, { preset: 'wecom' })), 'done');
      const body = JSON.parse(r.requests[0].body);
      assert.deepEqual(Object.keys(body).sort(), ['msgtype', 'text']);
      assert.equal(body.msgtype, 'text');
      assert.match(body.text.content, /跟单/);
      assert.match(body.text.content, /order\.created/);
      assert.match(body.text.content, /SO-20261127-0001/);
    });

    test('DingTalk preset with a secret: text body, timestamp + sign query verify', async () => {
      const r = await receiver(() => ({ status: 200, body: '{"errcode":0,"errmsg":"ok"}' }));
      const before = Date.now();
      await waitForState(t.db.handle, await emit(await hook(r, { preset: 'dingtalk', secret: 'SECabc' })), 'done');
      const q = r.requests[0];
      const body = JSON.parse(q.body);
      assert.equal(body.msgtype, 'text');
      assert.match(body.text.content, /order\.created/);
      const url = new URL(q.url, r.url);
      const ts = url.searchParams.get('timestamp')!;
      assert.ok(Number(ts) >= before && Number(ts) <= Date.now(), 'timestamp in milliseconds');
      assert.equal(url.searchParams.get('sign'), hmacB64('SECabc', `${ts}\nSECabc`));
      assert.match(q.url, /sign=[^&]*%/, 'sign is URL-encoded');
    });

    test('Feishu preset with a secret: {msg_type, content:{text}} with timestamp + sign in the body', async () => {
      const r = await receiver(() => ({ status: 200, body: '{"code":0,"msg":"success","data":{}}' }));
      await waitForState(t.db.handle, await emit(await hook(r, { preset: 'feishu', secret: 'fs-secret' })), 'done');
      const body = JSON.parse(r.requests[0].body);
      assert.equal(body.msg_type, 'text');
      assert.match(body.content.text, /order\.created/);
      assert.ok(Math.abs(Number(body.timestamp) - Date.now() / 1000) < 60, 'timestamp in seconds');
      assert.equal(body.sign, hmacB64(`${body.timestamp}\nfs-secret`, Buffer.alloc(0)));
    });

    test('robot presets without a secret carry no sign', async () => {
      const r = await receiver(() => ({ status: 200, body: '{"code":0}' }));
      await waitForState(t.db.handle, await emit(await hook(r, { preset: 'feishu' })), 'done');
      const body = JSON.parse(r.requests[0].body);
      assert.equal(body.sign, undefined);
      assert.equal(body.timestamp, undefined);
    });

    test('a robot answering 200 with errcode != 0 counts as a failure and is retried', async () => {
      const r = await receiver((n) => ({ status: 200, body: n === 1 ? '{"errcode":310000,"errmsg":"sign not match"}' : '{"errcode":0,"errmsg":"ok"}' }));
      const row = await waitForState(t.db.handle, await emit(await hook(r, { preset: 'dingtalk', secret: 'x' })), 'done');
      assert.equal(r.requests.length, 2);
      assert.deepEqual(
        row.attemptLog.map((a) => a.ok),
        [false, true],
      );
      assert.match(row.attemptLog[0].error!, /robot error 310000: sign not match/);
    });

    test('Feishu code != 0 is a failure too', async () => {
      const r = await receiver((n) => ({ status: 200, body: n === 1 ? '{"code":19021,"msg":"sign match fail"}' : '{"code":0}' }));
      const row = await waitForState(t.db.handle, await emit(await hook(r, { preset: 'feishu', secret: 'x' })), 'done');
      assert.match(row.attemptLog[0].error!, /robot error 19021/);
    });

    test('redirects are not followed: a 302 is a failure', async () => {
      const r = await receiver((n) => (n === 1 ? { status: 302 } : { status: 204 }));
      const row = await waitForState(t.db.handle, await emit(await hook(r)), 'done');
      assert.match(row.attemptLog[0].error!, /HTTP 302/);
      assert.equal(row.attemptLog[1].ok, true);
    });

    test('an endpoint that does not answer times out', async () => {
      const r = await receiver(() => 'hang');
      const webhookId = await hook(r);
      const handler = createWebhookHandler(t.db.handle.db, recordingLog(), { timeoutMs: 150 });
      const started = Date.now();
      await assert.rejects(handler({ id: 'd-1', channel: 'webhook', topic: 'order.created', attempt: 1, payload: { webhookId, event: { id: 'e', type: 'order.created', entityType: 'order', entityId: 'o', actorId: null, at: nowIso(), stage: null, data: {} } } }), /timeout after 150 ms/);
      assert.ok(Date.now() - started < 2_000);
    });

    test('a delivery for a deleted webhook is dropped, not retried', async () => {
      const log = recordingLog();
      const handler = createWebhookHandler(t.db.handle.db, log);
      const id = await inTransaction(t.db.handle.db, (tx) => enqueue(tx, { channel: 'never-claimed', topic: 'x', payload: {} }));
      await handler({ id, channel: 'webhook', topic: 'order.created', attempt: 1, payload: { webhookId: 'gone', event: { id: 'e', type: 'order.created', entityType: 'order', entityId: 'o', actorId: null, at: nowIso(), stage: null, data: {} } } });
      assert.match(log.entries[0].msg, /webhook deleted/);
    });
  });
}
