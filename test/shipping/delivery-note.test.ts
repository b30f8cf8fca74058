import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { findCjkFont } from '../../src/server/modules/shipping/delivery-note.ts';
import { createTestApp, type Session, type TestApp } from '../helpers/app.ts';
import { dialects } from '../helpers/db.ts';
import { inDays, orderWorld } from '../orders/helpers.ts';

/** The PDF's text through poppler's pdftotext (Debian package poppler-utils). */
function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'gendan-pdf-'));
  try {
    const file = join(dir, 'note.pdf');
    writeFileSync(file, pdf);
    return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new Error('pdftotext is missing: apt-get install -y poppler-utils');
    throw err;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Without a CJK font or pdftotext a newcomer's run skips these (CI=true requires them: .ci/run installs both). */
const hasPdftotext = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code !== 'ENOENT';
  }
})();
const pdfSkip =
  process.env.CI === 'true' || (findCjkFont() && hasPdftotext) ? false : 'delivery-note PDF tests skipped: needs fonts-noto-cjk and poppler-utils (apt-get install -y fonts-noto-cjk poppler-utils; CI=true makes this a failure)';

test('font lookup: the first candidate that exists, none when none does', { skip: pdfSkip }, () => {
  assert.equal(findCjkFont([['/nonexistent/a.ttc', 'A']]), null);
  const real = findCjkFont();
  assert.ok(real, 'a CJK font is installed (apt-get install -y fonts-noto-cjk)');
  assert.deepEqual(findCjkFont([['/nonexistent/a.ttc', 'A'], [real.path, real.face]]), real);
});

for (const d of await dialects()) {
  describe(`delivery note PDF [${d.name}]`, { skip: d.skip || pdfSkip }, () => {
    let t: TestApp;
    let admin: Session;
    let rep: { user: { id: string }; session: Session };
    let wh: Session;
    before(async () => {
      t = await createTestApp(d.name, { publicUrl: 'https://gendan.example.cn' });
      admin = (await t.as(['admin'])).session;
      rep = await t.as(['sales']);
      wh = (await t.as(['warehouse'])).session;
      await t.req(admin, 'PUT', '/api/v1/admin/settings/company.name', { value: '宁波精工机电有限公司' });
    });
    after(() => t?.close());

    test('a dispatched shipment prints: company, numbers, customer, address in Chinese order, lines, packages, signatures, China time, and a link that opens the order page', async () => {
      const w = await orderWorld(t, admin, rep.session, { stock: 10 });
      const o = (await t.req(rep.session, 'POST', '/api/v1/orders', { customerId: w.customerId, customerPo: 'PO-7788', promisedDate: inDays(30), lines: [{ productId: w.productId, qty: 3, unitPrice: 100_000, spec: { 电压: '380V' } }], submit: true })).json().order;
      const s = (await t.req(wh, 'POST', '/api/v1/shipments', { orderId: o.id, lines: [{ orderLineId: o.lines[0].id, qty: 3 }] })).json();
      await t.req(wh, 'PUT', `/api/v1/shipments/${s.id}/packages`, [{ no: 1, weightKg: 12.5, lines: [{ orderLineId: o.lines[0].id, qty: 3 }] }]);
      assert.equal((await t.req(wh, 'POST', `/api/v1/shipments/${s.id}/dispatch`, { carrier: 'sf', trackingNumber: 'SF123456789099' })).statusCode, 200);

      const before = Date.now();
      const r = await t.req(wh, 'GET', `/api/v1/shipments/${s.id}/delivery-note.pdf`);
      assert.equal(r.statusCode, 200, r.body.slice(0, 300));
      assert.equal(r.headers['content-type'], 'application/pdf');
      assert.match(String(r.headers['content-disposition']), /filename\*=UTF-8''%E9%80%81%E8%B4%A7%E5%8D%95/);
      const pdf = r.rawPayload;
      assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
      const text = pdfText(pdf);
      const flat = text.replace(/\s+/g, '');
      for (const expected of ['宁波精工机电有限公司', '送货单', s.number, o.number, 'PO-7788', `宁波客户`, '周工', '13600136000', '浙江省宁波市北仑区新碶街道88号', '顺丰速运', 'SF123456789099', '电压:380V', '台', '共1件，总重12.5kg', '收货人签字', '北京时间']) {
        assert.ok(flat.includes(expected.replace(/\s+/g, '')), `${expected} in:\n${text}`);
      }
      // The printed time is China time: UTC+8, within the minute of the request.
      const printed = /打印时间：(\d{4}-\d{2}-\d{2}) (\d{2}):(\d{2})/.exec(text);
      assert.ok(printed, text);
      const china = new Date(before + 8 * 3_600_000).toISOString();
      assert.equal(printed[1], china.slice(0, 10));
      assert.equal(printed[2], china.slice(11, 13));

      // The URL printed under the QR code is a live customer link to this order.
      const token = /https:\/\/gendan\.example\.cn\/c\/([A-Za-z0-9_-]+)/.exec(flat)?.[1];
      assert.ok(token, text);
      const page = await t.app.inject({ method: 'GET', url: `/api/portal/${token}` });
      assert.equal(page.statusCode, 200, page.body);
      assert.equal(page.json().number, o.number);
    });

    test('English labels on request; a draft prints too; cancelled does not; another scope sees nothing', async () => {
      const w = await orderWorld(t, admin, rep.session, { stock: 5 });
      const o = (await t.req(rep.session, 'POST', '/api/v1/orders', { customerId: w.customerId, promisedDate: inDays(30), lines: [{ productId: w.productId, qty: 1, unitPrice: 100_000 }], submit: true })).json().order;
      const s = (await t.req(wh, 'POST', '/api/v1/shipments', { orderId: o.id, lines: [{ orderLineId: o.lines[0].id, qty: 1 }] })).json();
      const en = await t.req(wh, 'GET', `/api/v1/shipments/${s.id}/delivery-note.pdf?locale=en-US`);
      assert.equal(en.statusCode, 200);
      const text = pdfText(en.rawPayload);
      assert.match(text, /Delivery note/);
      assert.match(text, /No packages recorded/);
      assert.ok(text.includes(s.number));
      const other = (await t.as(['sales'])).session;
      assert.equal((await t.req(other, 'GET', `/api/v1/shipments/${s.id}/delivery-note.pdf`)).statusCode, 404);
      await t.req(wh, 'POST', `/api/v1/shipments/${s.id}/cancel`, {});
      assert.equal((await t.req(wh, 'GET', `/api/v1/shipments/${s.id}/delivery-note.pdf`)).statusCode, 409);
    });

    test('the customer prints through their link: the QR points back at that link, no new link is made; other shipments and drafts are 404', async () => {
      const w = await orderWorld(t, admin, rep.session, { stock: 10 });
      const order = async (qty: number) => (await t.req(rep.session, 'POST', '/api/v1/orders', { customerId: w.customerId, promisedDate: inDays(30), lines: [{ productId: w.productId, qty, unitPrice: 100_000 }], submit: true })).json().order;
      const o = await order(2);
      const s = (await t.req(wh, 'POST', '/api/v1/shipments', { orderId: o.id, lines: [{ orderLineId: o.lines[0].id, qty: 1 }] })).json();
      assert.equal((await t.req(wh, 'POST', `/api/v1/shipments/${s.id}/dispatch`, { carrier: 'sf', trackingNumber: 'SF123456789055' })).statusCode, 200);
      const draft = (await t.req(wh, 'POST', '/api/v1/shipments', { orderId: o.id, lines: [{ orderLineId: o.lines[0].id, qty: 1 }] })).json();
      const otherOrder = await order(3);
      const elsewhere = (await t.req(wh, 'POST', '/api/v1/shipments', { orderId: otherOrder.id, lines: [{ orderLineId: otherOrder.lines[0].id, qty: 1 }] })).json();
      assert.equal((await t.req(wh, 'POST', `/api/v1/shipments/${elsewhere.id}/dispatch`, { carrier: 'sf', trackingNumber: 'SF123456789056' })).statusCode, 200);
      const token = (await t.req(rep.session, 'POST', `/api/v1/orders/${o.id}/customer-link`, {})).json().url.split('/c/')[1];
      const links = async () => Number((await t.db.handle.db.selectFrom('customerLink').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
      const before = await links();
      const r = await t.app.inject({ method: 'GET', url: `/api/portal/${token}/shipments/${s.id}/delivery-note.pdf` });
      assert.equal(r.statusCode, 200, r.body.slice(0, 300));
      assert.equal(r.headers['content-type'], 'application/pdf');
      const flat = pdfText(r.rawPayload).replace(/\s+/g, '');
      assert.ok(flat.includes(`https://gendan.example.cn/c/${token}`), 'the QR URL is the link the customer came through');
      assert.ok(flat.includes('SF123456789055'));
      assert.equal(await links(), before, 'no link minted per print');
      assert.equal((await t.app.inject({ method: 'GET', url: `/api/portal/${token}/shipments/${elsewhere.id}/delivery-note.pdf` })).statusCode, 404, 'another order’s shipment');
      assert.equal((await t.app.inject({ method: 'GET', url: `/api/portal/${token}/shipments/${draft.id}/delivery-note.pdf` })).statusCode, 404, 'a draft is not the customer’s yet');
      const customerToken = (await t.req(rep.session, 'POST', `/api/v1/customers/${w.customerId}/customer-link`, {})).json().url.split('/c/')[1];
      assert.equal((await t.app.inject({ method: 'GET', url: `/api/portal/${customerToken}/shipments/${elsewhere.id}/delivery-note.pdf` })).statusCode, 200, 'a customer link prints any of the customer’s shipments');
    });

    test('without a CJK font the answer is 503 naming the package to install, in the caller’s language', async () => {
      const w = await orderWorld(t, admin, rep.session, { stock: 5 });
      const o = (await t.req(rep.session, 'POST', '/api/v1/orders', { customerId: w.customerId, promisedDate: inDays(30), lines: [{ productId: w.productId, qty: 1, unitPrice: 100_000 }], submit: true })).json().order;
      const s = (await t.req(wh, 'POST', '/api/v1/shipments', { orderId: o.id, lines: [{ orderLineId: o.lines[0].id, qty: 1 }] })).json();
      const saved = process.env.GENDAN_CJK_FONT;
      process.env.GENDAN_CJK_FONT = '/nonexistent/NotoSansCJK-Regular.ttc';
      try {
        const zh = await t.req(wh, 'GET', `/api/v1/shipments/${s.id}/delivery-note.pdf`, undefined, { 'accept-language': 'zh-CN' });
        assert.equal(zh.statusCode, 503);
        assert.equal(zh.json().code, 'PDF_FONT_MISSING');
        assert.match(zh.json().message, /fonts-noto-cjk/);
        assert.match(zh.json().message, /中文字体/);
        const en = await t.req(wh, 'GET', `/api/v1/shipments/${s.id}/delivery-note.pdf`, undefined, { 'accept-language': 'en-US' });
        assert.match(en.json().message, /install the fonts-noto-cjk package/);
      } finally {
        if (saved === undefined) delete process.env.GENDAN_CJK_FONT;
        else process.env.GENDAN_CJK_FONT = saved;
      }
    });
  });
}
