import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { SMTPServer } from 'smtp-server';
import { createNotificationHandlers } from '../../src/server/modules/notifications/index.ts';
import { createShippingHandlers } from '../../src/server/modules/shipping/index.ts';
import { fill, unknownPlaceholders } from '../../src/server/modules/shipping/notice-templates.ts';
import { OutboxWorker } from '../../src/server/platform/outbox/worker.ts';
import { createTestApp, type Session, type TestApp } from '../helpers/app.ts';
import { dialects } from '../helpers/db.ts';
import { startReceiver, waitFor, type Receiver } from '../notifications/helpers.ts';
import { inDays, orderWorld } from '../orders/helpers.ts';

/** A real SMTP server on 127.0.0.1:0 that keeps each message's raw text. */
async function startSmtp() {
  const mails: { to: string[]; raw: string }[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { url: `smtp://127.0.0.1:${port}`, mails, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** Subject (RFC 2047 words decoded) and text body (base64 or quoted-printable decoded) of a single-part mail. */
function readMail(raw: string) {
  const [head, ...rest] = raw.split(/\r?\n\r?\n/);
  const headers = head.replace(/\r?\n[ \t]+/g, ' ');
  const header = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(headers)?.[1] ?? '';
  const words = (v: string) =>
    v.replace(/=\?utf-8\?([bq])\?([^?]*)\?=\s*/gi, (_m, enc: string, text: string) =>
      enc.toLowerCase() === 'b' ? Buffer.from(text, 'base64').toString('utf8') : qp(text.replace(/_/g, ' ')),
    );
  const qp = (v: string) => Buffer.from(v.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8');
  const body = rest.join('\n\n');
  const cte = header('Content-Transfer-Encoding').toLowerCase();
  const text = cte === 'base64' ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8') : cte === 'quoted-printable' ? qp(body) : body;
  return { subject: words(header('Subject')).trim(), text };
}

test('placeholders: unknown ones are found, known ones filled', () => {
  assert.deepEqual(unknownPlaceholders('shipment.dispatched', '{orderNumber} {ordernumber} {price} {}'), ['ordernumber', 'price', '']);
  assert.equal(fill('单号 {trackingNumber}，{eta} 到', { trackingNumber: 'SF1', eta: '2026-12-01' }), '单号 SF1，2026-12-01 到');
});

for (const d of await dialects()) {
  describe(`dispatch notices and their templates [${d.name}]`, { skip: d.skip }, () => {
    let smtp: Awaited<ReturnType<typeof startSmtp>>;
    let smsGateway: Receiver;
    let robot: Receiver;
    let smsFails = false;
    let t: TestApp;
    let worker: OutboxWorker;
    let admin: Session;
    let rep: { user: { id: string }; session: Session };
    let wh: Session;

    before(async () => {
      smtp = await startSmtp();
      smsGateway = await startReceiver(() => (smsFails ? { status: 502, body: '{"error":"upstream down"}' } : { status: 200, body: '{"ok":true}' }));
      robot = await startReceiver(() => ({ status: 200, body: '{"errcode":0,"errmsg":"ok"}' }));
      t = await createTestApp(d.name, { smtpUrl: smtp.url, smtpFrom: 'Gendan <noreply@gendan.example>', publicUrl: 'https://gendan.example.cn' });
      worker = new OutboxWorker(t.db.handle, { handlers: { ...createNotificationHandlers(t.ctx), ...createShippingHandlers(t.ctx) }, backoffMs: 60_000, pollMs: 20 });
      worker.start();
      admin = (await t.as(['admin'])).session;
      rep = await t.as(['sales']);
      wh = (await t.as(['warehouse'])).session;
    });
    after(async () => {
      await worker?.stop();
      await t?.close();
      await smtp?.close();
      await smsGateway?.close();
      await robot?.close();
    });

    async function dispatch(tn: string) {
      const w = await orderWorld(t, admin, rep.session, { stock: 5 });
      await t.req(rep.session, 'PATCH', `/api/v1/customers/${w.customerId}`, { contacts: [{ name: '周工', phone: '13600136000', email: 'zhou@example.cn', isPrimary: true }] });
      const o = (await t.req(rep.session, 'POST', '/api/v1/orders', { customerId: w.customerId, promisedDate: inDays(30), lines: [{ productId: w.productId, qty: 1, unitPrice: 100_000 }], submit: true })).json().order;
      const s = (await t.req(wh, 'POST', '/api/v1/shipments', { orderId: o.id, lines: [{ orderLineId: o.lines[0].id, qty: 1 }] })).json();
      const r = await t.req(wh, 'POST', `/api/v1/shipments/${s.id}/dispatch`, { carrier: 'sf', trackingNumber: tn, eta: inDays(2) });
      assert.equal(r.statusCode, 200, r.body);
      return { o, s: r.json() };
    }
    const timeline = async (orderId: string) => (await t.req(rep.session, 'GET', `/api/v1/orders/${orderId}/timeline`)).json().items as any[];

    test('templates: built-in per channel and language, edits checked for unknown placeholders (localized), admin only, reset restores', async () => {
      const g = await t.req(admin, 'GET', '/api/v1/admin/notice-templates/shipment.dispatched');
      assert.equal(g.statusCode, 200, g.body);
      assert.equal(g.json().templates.length, 6);
      assert.ok(g.json().templates.every((x: any) => x.isDefault));
      assert.deepEqual(['orderNumber', 'carrier', 'trackingNumber', 'eta', 'link'].filter((p) => !g.json().placeholders.includes(p)), []);

      const bad = await t.req(admin, 'PUT', '/api/v1/admin/notice-templates/shipment.dispatched', { templates: [{ channel: 'sms', locale: 'zh-CN', body: '订单{orderNumber}已发，单号{trackingNo}，金额{amount}' }] }, { 'accept-language': 'en-US' });
      assert.equal(bad.statusCode, 400);
      assert.deepEqual(bad.json().details.map((e: any) => [e.path, e.code, e.placeholder]), [['templates.0.body', 'unknown_placeholder', 'trackingNo'], ['templates.0.body', 'unknown_placeholder', 'amount']]);
      assert.match(bad.json().details[0].message, /placeholder that does not exist: \{trackingNo\}$/);
      const badZh = await t.req(admin, 'PUT', '/api/v1/admin/notice-templates/shipment.dispatched', { templates: [{ channel: 'email', locale: 'zh-CN', subject: '{订单号}', body: 'x' }] }, { 'accept-language': 'zh-CN' });
      assert.equal(badZh.json().details[0].path, 'templates.0.subject');
      assert.match(badZh.json().details[0].message, /不支持的占位符 \{订单号\}$/);
      assert.ok((await t.req(admin, 'GET', '/api/v1/admin/notice-templates/shipment.dispatched')).json().templates.every((x: any) => x.isDefault), 'a refused edit changes nothing');
      assert.equal((await t.req(admin, 'PUT', '/api/v1/admin/notice-templates/nope', { templates: [{ channel: 'sms', locale: 'zh-CN', body: 'x' }] })).statusCode, 400);
      assert.equal((await t.req(rep.session, 'PUT', '/api/v1/admin/notice-templates/shipment.dispatched', { templates: [{ channel: 'sms', locale: 'zh-CN', body: 'x' }] })).statusCode, 403);

      const ok = await t.req(admin, 'PUT', '/api/v1/admin/notice-templates/shipment.dispatched', { templates: [{ channel: 'wecom', locale: 'en-US', body: 'Shipped {orderNumber}' }] });
      assert.equal(ok.statusCode, 200, ok.body);
      assert.equal(ok.json().templates.find((x: any) => x.channel === 'wecom' && x.locale === 'en-US').body, 'Shipped {orderNumber}');
      const reset = await t.req(admin, 'PUT', '/api/v1/admin/notice-templates/shipment.dispatched', { templates: [{ channel: 'wecom', locale: 'en-US', body: 'x', reset: true }] });
      assert.ok(reset.json().templates.every((x: any) => x.isDefault));
    });

    test('dispatch sends the edited email to a real SMTP server, an SMS through the gateway and the WeCom robot; each notice is on the timeline with its delivery', async () => {
      await t.req(admin, 'PUT', '/api/v1/admin/notice-templates/shipment.dispatched', {
        templates: [
          { channel: 'email', locale: 'zh-CN', subject: '【精工机电】订单 {orderNumber} 已发货', body: '{contactName}：订单 {orderNumber} 已由 {carrier} 发出，单号 {trackingNumber}，预计 {eta} 到达。查看：{link}' },
          { channel: 'sms', locale: 'zh-CN', body: '订单{orderNumber}已发货，{carrier}{trackingNumber}，预计{eta}到。{link}' },
        ],
      });
      await t.req(admin, 'PUT', '/api/v1/admin/settings/notice.smsGateway', { value: { url: `${smsGateway.url}/send`, token: 'sms-secret' } });
      await t.req(admin, 'PUT', '/api/v1/admin/settings/notice.wecomWebhook', { value: `${robot.url}/cgi-bin/webhook/send?key=abc` });

      const { o, s } = await dispatch('SF123456780001');
      await waitFor('the mail', () => smtp.mails.length === 1);
      const mail = readMail(smtp.mails[0].raw);
      assert.deepEqual(smtp.mails[0].to, ['zhou@example.cn']);
      assert.equal(mail.subject, `【精工机电】订单 ${o.number} 已发货`);
      assert.ok(mail.text.includes(`周工：订单 ${o.number} 已由 顺丰速运 发出，单号 SF123456780001，预计 ${inDays(2)} 到达。`), mail.text);
      const token = /https:\/\/gendan\.example\.cn\/c\/([A-Za-z0-9_-]+)/.exec(mail.text)?.[1];
      assert.ok(token);
      assert.equal((await t.app.inject({ method: 'GET', url: `/api/portal/${token}` })).json().number, o.number, 'the link opens the order page');

      await waitFor('the SMS', () => smsGateway.requests.length === 1);
      const sms = smsGateway.requests[0];
      assert.equal(sms.url, '/send');
      assert.equal(sms.headers.authorization, 'Bearer sms-secret');
      assert.deepEqual(JSON.parse(sms.body), { to: '13600136000', text: `订单${o.number}已发货，顺丰速运SF123456780001，预计${inDays(2)}到。https://gendan.example.cn/c/${token}` });
      await waitFor('the robot', () => robot.requests.length === 1);
      const wecom = JSON.parse(robot.requests[0].body);
      assert.equal(wecom.msgtype, 'text');
      assert.match(wecom.text.content, new RegExp(`订单 ${o.number} 已发货`));

      await waitFor('three deliveries on the timeline', async () => (await timeline(o.id)).filter((e) => e.type === 'customer.notice_delivered').length === 3);
      const items = await timeline(o.id);
      const notified = items.filter((e) => e.type === 'customer.notified');
      assert.deepEqual(notified.map((e) => e.data.channel).sort(), ['email', 'sms', 'wecom']);
      const delivered = items.filter((e) => e.type === 'customer.notice_delivered');
      assert.deepEqual(new Set(delivered.map((e) => e.data.outboxId)), new Set(notified.map((e) => e.data.outboxId)));
      const notices = (await t.req(wh, 'GET', `/api/v1/shipments/${s.id}/notices`)).json().items;
      assert.deepEqual(notices.map((n: any) => [n.channel, n.state]).sort(), [['email', 'done'], ['sms', 'done'], ['wecom', 'done']]);
    });

    test('a failing SMS gateway: the failure is on the timeline and the notice stays pending for retry; English when the company writes to customers in English', async () => {
      smsFails = true;
      await t.req(admin, 'PUT', '/api/v1/admin/settings/notice.customerLocale', { value: 'en-US' });
      try {
        const before = smtp.mails.length;
        const { o, s } = await dispatch('SF123456780002');
        await waitFor('the failure on the timeline', async () => (await timeline(o.id)).some((e) => e.type === 'customer.notice_failed'));
        const failed = (await timeline(o.id)).find((e) => e.type === 'customer.notice_failed');
        assert.equal(failed.data.channel, 'sms');
        assert.match(failed.data.error, /HTTP 502/);
        const notices = (await t.req(wh, 'GET', `/api/v1/shipments/${s.id}/notices`)).json().items;
        const sms = notices.find((n: any) => n.channel === 'sms');
        assert.equal(sms.state, 'pending');
        assert.match(sms.lastError, /502/);
        await waitFor('the mail', () => smtp.mails.length === before + 1);
        const mail = readMail(smtp.mails[before].raw);
        assert.equal(mail.subject, `Your order ${o.number} has shipped (SF Express SF123456780002)`);
        assert.match(mail.text, /Dear 周工/);
      } finally {
        smsFails = false;
        await t.req(admin, 'PUT', '/api/v1/admin/settings/notice.customerLocale', { value: 'zh-CN' });
      }
    });

    test('staff inform the customer of a delivery exception with the delay template; not once it is resolved', async () => {
      const before = smtp.mails.length;
      const { o, s } = await dispatch('SF123456780003');
      await waitFor('the dispatch mail', () => smtp.mails.length === before + 1);
      await t.req(wh, 'POST', `/api/v1/shipments/${s.id}/tracking-events`, { at: new Date().toISOString(), status: 'exception', description: '地址无法派送' });
      const ex = (await t.req(rep.session, 'GET', `/api/v1/exceptions?orderId=${o.id}&type=tracking_exception`)).json().items[0];
      const bad = await t.req(rep.session, 'POST', `/api/v1/exceptions/${ex.id}/notify-customer`, { note: 'x'.repeat(501) }, { 'accept-language': 'en-US' });
      assert.equal(bad.statusCode, 400);
      assert.equal(bad.json().details[0].path, 'note');
      const r = await t.req(rep.session, 'POST', `/api/v1/exceptions/${ex.id}/notify-customer`, { note: '已安排明天上午重新派送' });
      assert.equal(r.statusCode, 200, r.body);
      assert.equal(r.json().notices, 3);
      await waitFor('the delay mail', () => smtp.mails.length === before + 2);
      const mail = readMail(smtp.mails[before + 1].raw);
      assert.equal(mail.subject, `您的订单 ${o.number} 配送有延误（顺丰速运 SF123456780003）`);
      assert.match(mail.text, /已安排明天上午重新派送/);
      await waitFor('the SMS', () => smsGateway.requests.some((q) => JSON.parse(q.body).text.includes('配送延误')));
      const notices = (await t.req(wh, 'GET', `/api/v1/shipments/${s.id}/notices`)).json().items;
      assert.deepEqual(notices.filter((n: any) => n.key === 'shipment.delayed').map((n: any) => n.channel).sort(), ['email', 'sms', 'wecom']);
      assert.equal(notices.filter((n: any) => n.key === 'shipment.dispatched').length, 3);
      await t.req(rep.session, 'PATCH', `/api/v1/exceptions/${ex.id}`, { state: 'resolved', resolution: 'customer_contacted' });
      assert.equal((await t.req(rep.session, 'POST', `/api/v1/exceptions/${ex.id}/notify-customer`, {})).statusCode, 409);
      const other = (await t.as(['sales'])).session;
      assert.equal((await t.req(other, 'POST', `/api/v1/exceptions/${ex.id}/notify-customer`, {})).statusCode, 404);
    });

    test('settings reject a malformed gateway URL; without any channel the skip is recorded', async () => {
      const bad = await t.req(admin, 'PUT', '/api/v1/admin/settings/notice.wecomWebhook', { value: 'ftp://robot' });
      assert.equal(bad.statusCode, 400);
      await t.req(admin, 'PUT', '/api/v1/admin/settings/notice.smsGateway', { value: { url: '', token: '' } });
      await t.req(admin, 'PUT', '/api/v1/admin/settings/notice.wecomWebhook', { value: '' });
      const w = await orderWorld(t, admin, rep.session, { stock: 5 });
      const o = (await t.req(rep.session, 'POST', '/api/v1/orders', { customerId: w.customerId, promisedDate: inDays(30), lines: [{ productId: w.productId, qty: 1, unitPrice: 100_000 }], submit: true })).json().order;
      const s = (await t.req(wh, 'POST', '/api/v1/shipments', { orderId: o.id, lines: [{ orderLineId: o.lines[0].id, qty: 1 }] })).json();
      assert.equal((await t.req(wh, 'POST', `/api/v1/shipments/${s.id}/dispatch`, { carrier: 'manual', trackingNumber: 'NB-N1' })).statusCode, 200);
      assert.ok((await timeline(o.id)).some((e) => e.type === 'customer.notice_skipped'));
      assert.deepEqual((await t.req(wh, 'GET', `/api/v1/shipments/${s.id}/notices`)).json().items, []);
    });
  });
}
