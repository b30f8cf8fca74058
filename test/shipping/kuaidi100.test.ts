import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { after, before, describe, test } from 'node:test';
import { createShippingHandlers } from '../../src/server/modules/shipping/index.ts';
import { OutboxWorker } from '../../src/server/platform/outbox/worker.ts';
import { createTestApp, type Session, type TestApp } from '../helpers/app.ts';
import { dialects } from '../helpers/db.ts';
import { inDays, orderWorld } from '../orders/helpers.ts';

/** A local stand-in for poll.kuaidi100.com that speaks the subscribe protocol. */
function fakePoll() {
  const received: Record<string, string>[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      received.push(Object.fromEntries(new URLSearchParams(body)));
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ result: true, returnCode: '200', message: '提交成功' }));
    });
  });
  return { server, received, url: () => `http://127.0.0.1:${(server.address() as { port: number }).port}/poll` };
}

const md5 = (s: string) => createHash('md5').update(s, 'utf8').digest('hex').toUpperCase();

for (const d of await dialects()) {
  describe(`Kuaidi100 subscribe and push [${d.name}]`, { skip: d.skip }, () => {
    let t: TestApp;
    let poll: ReturnType<typeof fakePoll>;
    let admin: Session;
    let rep: Session;
    before(async () => {
      poll = fakePoll();
      await new Promise<void>((r) => poll.server.listen(0, '127.0.0.1', () => r()));
      t = await createTestApp(d.name, { kuaidi100: { key: 'KEY-123', salt: 'SALT-9', pollUrl: poll.url() }, publicUrl: 'https://gendan.example.cn' });
      admin = (await t.as(['admin'])).session;
      rep = (await t.as(['sales'])).session;
    });
    after(async () => {
      await t?.close();
      poll.server.close();
    });

    const push = (param: object, sign?: string) => {
      const p = JSON.stringify(param);
      return t.app.inject({ method: 'POST', url: '/api/v1/carriers/kuaidi100/webhook', payload: new URLSearchParams({ param: p, sign: sign ?? md5(p + 'SALT-9') }).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    };
    const lastResult = (nu: string, state: string, data: { context: string; ftime: string; areaName?: string }[]) => ({ status: 'polling', message: '', lastResult: { message: 'ok', state, ischeck: state === '3' ? '1' : '0', com: 'shunfeng', nu, data } });

    async function dispatchedSf(trackingNumber: string) {
      const w = await orderWorld(t, admin, rep, { stock: 5 });
      const o = (await t.req(rep, 'POST', '/api/v1/orders', { customerId: w.customerId, promisedDate: inDays(20), lines: [{ productId: w.productId, qty: 1, unitPrice: 100_000 }], submit: true })).json().order;
      const s = (await t.req(admin, 'POST', '/api/v1/shipments', { orderId: o.id, lines: [{ orderLineId: o.lines[0].id, qty: 1 }] })).json();
      assert.equal((await t.req(admin, 'POST', `/api/v1/shipments/${s.id}/dispatch`, { carrier: 'sf', trackingNumber })).statusCode, 200);
      return { o, s };
    }

    test('dispatch subscribes the waybill with the company key and our callback, after commit, through the worker', async () => {
      const { o } = await dispatchedSf('SF200000000001');
      const worker = new OutboxWorker(t.db.handle, { handlers: createShippingHandlers(t.ctx), backoffMs: 10, pollMs: 50 });
      assert.ok((await worker.runOnce()) >= 1);
      const form = poll.received.at(-1)!;
      assert.equal(form.schema, 'json');
      const param = JSON.parse(form.param);
      assert.deepEqual([param.company, param.number, param.key, param.parameters.salt], ['shunfeng', 'SF200000000001', 'KEY-123', 'SALT-9']);
      assert.equal(param.parameters.callbackurl, 'https://gendan.example.cn/api/v1/carriers/kuaidi100/webhook');
      const types = (await t.req(rep, 'GET', `/api/v1/orders/${o.id}/timeline`)).json().items.map((e: any) => e.type);
      assert.ok(types.includes('shipment.tracking_subscribed'));
    });

    test('pushes are signature-checked, repeated history is stored once, 签收 delivers the order', async () => {
      const { o, s } = await dispatchedSf('SF200000000002');
      const transit = lastResult('SF200000000002', '0', [
        { context: '快件到达【杭州转运中心】', ftime: '2026-11-28 08:10:00', areaName: '浙江省,杭州市' },
        { context: '顺丰速运 已收取快件', ftime: '2026-11-27 18:02:11', areaName: '上海市' },
      ]);
      const forged = await push(transit, 'DEADBEEF');
      assert.equal(forged.statusCode, 403);
      assert.equal((await t.req(admin, 'GET', `/api/v1/shipments/${s.id}`)).json().events.length, 0);
      for (let i = 0; i < 2; i++) {
        const r = await push(transit);
        assert.equal(r.statusCode, 200);
        assert.deepEqual(r.json(), { result: true, returnCode: '200', message: '成功' });
      }
      let sh = (await t.req(admin, 'GET', `/api/v1/shipments/${s.id}`)).json();
      assert.equal(sh.status, 'in_transit');
      assert.deepEqual(sh.events.map((e: any) => e.at), ['2026-11-27T10:02:11.000Z', '2026-11-28T00:10:00.000Z'], 'Beijing time to UTC, oldest first, once each');
      const signed = lastResult('SF200000000002', '3', [{ context: '已签收，签收人：前台', ftime: '2026-11-29 10:00:00' }, ...transit.lastResult.data]);
      assert.equal((await push(signed)).statusCode, 200);
      sh = (await t.req(admin, 'GET', `/api/v1/shipments/${s.id}`)).json();
      assert.equal(sh.status, 'delivered');
      assert.equal((await t.req(rep, 'GET', `/api/v1/orders/${o.id}`)).json().status, 'delivered');
    });

    test('a problem state (疑难) opens a delivery exception', async () => {
      const { o } = await dispatchedSf('SF200000000003');
      await push(lastResult('SF200000000003', '2', [{ context: '地址不详，无法派送', ftime: '2026-11-28 12:00:00' }]));
      const ex = (await t.req(rep, 'GET', `/api/v1/exceptions?orderId=${o.id}`)).json().items;
      assert.deepEqual(ex.map((e: any) => e.type), ['tracking_exception']);
    });
  });
}
