import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createNotificationHandlers } from '../../src/server/modules/notifications/index.ts';
import { OutboxWorker } from '../../src/server/platform/outbox/worker.ts';
import { createTestApp, type Session, type TestApp } from '../helpers/app.ts';
import { dialects } from '../helpers/db.ts';
import { startReceiver, waitFor, type Receiver } from './helpers.ts';

const SECRET = 'top-secret-value-4711';
const base = '/api/v1/admin/webhooks';

for (const d of await dialects()) {
  describe(`admin webhooks API [${d.name}]`, { skip: d.skip }, () => {
    let t: TestApp;
    let admin: Session;
    let sales: Session;

    before(async () => {
      t = await createTestApp(d.name);
      admin = (await t.as(['admin'])).session;
      sales = (await t.as(['sales'])).session;
    });
    after(() => t?.close());

    // Port 9 on loopback refuses at once: hooks that fan out by accident fail fast, offline.
    // Topics stay narrow so the audit events of other tests' webhooks are not fanned out.
    const create = (body: Record<string, unknown>) => t.req(admin, 'POST', base, { name: 'ERP', url: 'http://127.0.0.1:9/hooks/gendan', topics: ['order.*'], ...body });

    test('POST with only name and url: generic preset, all topics, active, no secret', async () => {
      const res = await t.req(admin, 'POST', base, { name: 'Defaults', url: 'https://erp.example.com/hooks/gendan' });
      assert.equal(res.statusCode, 201);
      const { id, createdAt, ...w } = res.json();
      assert.ok(id && createdAt);
      assert.deepEqual(w, { name: 'Defaults', url: 'https://erp.example.com/hooks/gendan', preset: 'generic', hasSecret: false, topics: ['*'], active: true });
      assert.equal((await t.req(admin, 'DELETE', `${base}/${id}`)).statusCode, 200);
    });

    test('a sales user gets 403 on every webhook endpoint', async () => {
      const { json } = await create({});
      const id = json().id;
      for (const [method, url, body] of [
        ['GET', base],
        ['POST', base, { name: 'x', url: 'https://x.example.com' }],
        ['PATCH', `${base}/${id}`, { name: 'y' }],
        ['DELETE', `${base}/${id}`],
        ['POST', `${base}/${id}/test`],
        ['GET', `${base}/${id}/deliveries`],
      ] as const) {
        const res = await t.req(sales, method, url, body);
        assert.equal(res.statusCode, 403, `${method} ${url}`);
        assert.equal(res.json().code, 'FORBIDDEN');
      }
      assert.equal((await t.req(null, 'GET', base)).statusCode, 401);
    });

    test('validation errors are 400 and name the field', async () => {
      const cases: [Record<string, unknown>, string][] = [
        [{ url: 'ftp://files.example.com/x' }, 'url'],
        [{ url: 'not a url' }, 'url'],
        [{ name: '' }, 'name'],
        [{ preset: 'slack' }, 'preset'],
        [{ topics: [] }, 'topics'],
        [{ topics: ['order.*', 'Order Created'] }, 'topics.1'],
        [{ secret: 42 }, 'secret'],
        [{ colour: 'red' }, 'colour'],
      ];
      for (const [body, path] of cases) {
        const res = await create(body);
        assert.equal(res.statusCode, 400, JSON.stringify(body));
        assert.equal(res.json().code, 'VALIDATION_FAILED');
        assert.ok(
          res.json().details.some((e: { path: string }) => e.path === path),
          `${JSON.stringify(body)} → ${JSON.stringify(res.json().details)}`,
        );
      }
      const w = (await create({})).json();
      const res = await t.req(admin, 'PATCH', `${base}/${w.id}`, { topics: ['bad topic'] });
      assert.equal(res.statusCode, 400);
      assert.equal(res.json().details[0].path, 'topics.0');
    });

    test('the secret is write-only: never in any response, only hasSecret', async () => {
      const res = await create({ name: 'Signed', preset: 'generic', secret: SECRET, topics: ['order.*', 'shipment.dispatched'] });
      assert.equal(res.statusCode, 201);
      const w = res.json();
      assert.equal(w.hasSecret, true);
      assert.equal(w.secret, undefined);
      assert.deepEqual(w.topics, ['order.*', 'shipment.dispatched']);
      assert.equal(w.preset, 'generic');
      assert.equal(w.active, true);
      const responses = [res, await t.req(admin, 'GET', base), await t.req(admin, 'GET', `${base}/${w.id}`), await t.req(admin, 'PATCH', `${base}/${w.id}`, { name: 'Signed 2' })];
      for (const r of responses) {
        assert.equal(r.statusCode, r === res ? 201 : 200);
        assert.ok(!r.body.includes(SECRET), `secret leaked in ${r.body}`);
      }
      // Nor in the audit trail.
      const events = await t.db.handle.db.selectFrom('event').select(['type', 'data']).where('entityId', '=', w.id).execute();
      assert.ok(events.length >= 2);
      assert.ok(events.every((e) => !e.data.includes(SECRET)));
      const cleared = await t.req(admin, 'PATCH', `${base}/${w.id}`, { secret: null });
      assert.equal(cleared.json().hasSecret, false);
    });

    test('PATCH changes only what it names; every change is on the audit trail', async () => {
      const w = (await create({ name: 'Robot', preset: 'dingtalk', topics: ['order.created'], active: true })).json();
      const res = await t.req(admin, 'PATCH', `${base}/${w.id}`, { name: 'Robot 2' });
      assert.equal(res.statusCode, 200);
      assert.deepEqual({ ...(res.json() as object), name: w.name }, w, 'preset, topics and active unchanged');
      assert.equal((await t.req(admin, 'PATCH', `${base}/${w.id}`, {})).json().preset, 'dingtalk');
      const paused = await t.req(admin, 'PATCH', `${base}/${w.id}`, { active: false });
      assert.equal(paused.json().active, false);

      const events = await t.db.handle.db.selectFrom('event').select(['type', 'actorId', 'data']).where('entityType', '=', 'webhook').where('entityId', '=', w.id).orderBy('id').execute();
      assert.deepEqual(
        events.map((e) => e.type),
        ['webhook.created', 'webhook.updated', 'webhook.updated', 'webhook.updated'],
      );
      assert.ok(events.every((e) => e.actorId === admin.userId));
      const renamed = JSON.parse(events[1].data);
      assert.deepEqual(renamed, { before: { name: 'Robot' }, after: { name: 'Robot 2' } });
    });

    test('DELETE removes the webhook (audited); afterwards it is 404', async () => {
      const w = (await create({})).json();
      const res = await t.req(admin, 'DELETE', `${base}/${w.id}`);
      assert.equal(res.statusCode, 200);
      assert.deepEqual(res.json(), { ok: true });
      for (const [m, u] of [
        ['GET', `${base}/${w.id}`],
        ['DELETE', `${base}/${w.id}`],
        ['PATCH', `${base}/${w.id}`],
        ['POST', `${base}/${w.id}/test`],
        ['GET', `${base}/${w.id}/deliveries`],
      ] as const) {
        const r = await t.req(admin, m, u, m === 'PATCH' ? { name: 'z' } : undefined);
        assert.equal(r.statusCode, 404, `${m} ${u}`);
        assert.equal(r.json().code, 'NOT_FOUND');
      }
      assert.ok(!(await t.req(admin, 'GET', base)).json().items.some((x: { id: string }) => x.id === w.id));
      const ev = await t.db.handle.db.selectFrom('event').select('type').where('entityId', '=', w.id).where('type', '=', 'webhook.deleted').executeTakeFirst();
      assert.ok(ev);
    });

    describe('test delivery and delivery log', () => {
      let receiver: Receiver;
      let worker: OutboxWorker;
      before(async () => {
        receiver = await startReceiver((n) => (n === 1 ? { status: 500, body: 'oops' } : { status: 200 }));
        worker = new OutboxWorker(t.db.handle, { handlers: createNotificationHandlers(t.ctx), backoffMs: 20, pollMs: 20 });
        worker.start();
      });
      after(async () => {
        await worker?.stop();
        await receiver?.close();
      });

      test('POST /:id/test queues a delivery; the log shows state, attempts, errors', async () => {
        // Paused on purpose: a test delivery goes out regardless, and no audit event is sent here.
        const w = (await create({ url: `${receiver.url}/in`, secret: SECRET, active: false })).json();
        const res = await t.req(admin, 'POST', `${base}/${w.id}/test`);
        assert.equal(res.statusCode, 202);
        const { deliveryId } = res.json();
        assert.ok(deliveryId);

        await waitFor('delivered', async () => (await t.req(admin, 'GET', `${base}/${w.id}/deliveries`)).json().items[0]?.state === 'done');
        const log = (await t.req(admin, 'GET', `${base}/${w.id}/deliveries`)).json();
        assert.equal(log.items.length, 1);
        const item = log.items[0];
        assert.equal(item.id, deliveryId);
        assert.equal(item.topic, 'webhook.test');
        assert.equal(item.attempts, 2);
        assert.equal(item.lastError, null);
        assert.deepEqual(
          item.attemptLog.map((a: { ok: boolean }) => a.ok),
          [false, true],
        );
        assert.match(item.attemptLog[0].error, /HTTP 500: oops/);
        assert.ok(item.attemptLog.every((a: { at: string }) => !Number.isNaN(Date.parse(a.at))));
        assert.equal(receiver.requests.length, 2);
        assert.ok(receiver.requests.every((q) => q.headers['x-gendan-delivery'] === deliveryId && q.headers['x-gendan-topic'] === 'webhook.test'));
        assert.equal(JSON.parse(receiver.requests[1].body).entityId, w.id);
        assert.ok(!JSON.stringify(log).includes(SECRET));
      });

      test("the delivery log holds only this webhook's deliveries, newest first", async () => {
        const a = (await create({ url: `${receiver.url}/a` })).json();
        const b = (await create({ url: `${receiver.url}/b` })).json();
        const first = (await t.req(admin, 'POST', `${base}/${a.id}/test`)).json().deliveryId;
        const second = (await t.req(admin, 'POST', `${base}/${a.id}/test`)).json().deliveryId;
        await t.req(admin, 'POST', `${base}/${b.id}/test`);
        const log = (await t.req(admin, 'GET', `${base}/${a.id}/deliveries?limit=10`)).json();
        assert.deepEqual(
          log.items.map((i: { id: string }) => i.id),
          [second, first],
        );
        assert.equal((await t.req(admin, 'GET', `${base}/${a.id}/deliveries?limit=1`)).json().items.length, 1);
      });
    });
  });
}
