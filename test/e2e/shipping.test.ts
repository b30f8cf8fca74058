/**
 * Stage 4 in real Chromium against the real server (SQLite in a temp dir): a confirmed order
 * of 10 motors with stock reserved (set up through the API); the warehouse clerk ships 4 of
 * them from the order's 发货 button — first with a tracking number SF's format refuses (the
 * server's words on the field, the shipment kept as a draft), then, after the pick list and
 * packing into one box, dispatched from the shipment's dialog with its checks and the
 * delivery note opened as PDF; the order reads 部分发货. The customer opens their link
 * on a 375×812 phone in another browser context, sees the tracking number and confirms
 * receipt; the shipment and the order timeline show it. Screenshots: test-results/shipping-*.png.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';

import { apiAs, inDays, openPage, pick, SHOTS, signInAs, skip, startE2E } from './harness.ts';

const PASSWORD = 'e2e-pass-1234';



describe('stage 4 in Chromium: a partial shipment dispatched, the customer confirms receipt on a phone', { skip, timeout: 120_000 }, () => {
  let browser: Browser;
  let server: { url: string; shutdown: () => Promise<void> };
  let close: () => Promise<void>;
  const problems: string[] = [];
  /** What the first test made, for the customer-level link after it. */
  const made = { customerId: '', orderId: '', orderNumber: '' };

  before(async () => {
    ({ server, browser, close } = await startE2E('gendan-e2e4-'));
  });

  after(() => close?.());

  const open = (viewport: { width: number; height: number }) => openPage(browser, problems, viewport);
  async function signIn(username: string, password: string, viewport = { width: 1280, height: 860 }) {
    const s = await open(viewport);
    await signInAs(s.page, server.url, username, password);
    return s;
  }
  const shot = (page: Page, name: string, fullPage = false) => page.screenshot({ path: join(SHOTS, `shipping-${name}.png`), fullPage });
  test('ship 4 of 10 from the order, dispatch with a tracking number, the customer confirms receipt', async () => {
    // Set-up through the API: people, stock, a customer with an email contact, a confirmed order of 10.
    const admin = await apiAs(server.url, 'admin', 'admin1234');
    await admin('POST', '/api/v1/admin/users', { username: 'rep', displayName: '李晓松', password: PASSWORD, roles: ['sales'] });
    await admin('POST', '/api/v1/admin/users', { username: 'wh', displayName: '赵仓管', password: PASSWORD, roles: ['warehouse'] });
    const wh = await admin<{ id: string }>('POST', '/api/v1/warehouses', { code: 'SH01', name: '上海总仓', isDefault: true });
    const product = await admin<{ id: string }>('POST', '/api/v1/products', { sku: 'MTR-750W', name: '伺服电机 750W', unit: '台', listPrice: 129_900, floorPrice: 110_000 });
    await admin('POST', '/api/v1/stock/movements', { type: 'receipt', productId: product.id, warehouseId: wh.id, qty: 50, reason: '期初' });
    const rep = await apiAs(server.url, 'rep', PASSWORD);
    const { customer } = await rep<{ customer: { id: string } }>('POST', '/api/v1/customers', {
      name: '苏州精工自动化科技有限公司',
      contacts: [{ name: '陆建国', phone: '13862151903', email: 'lu@example.com', isPrimary: true }],
      addresses: [{ label: '总部', province: '江苏省', city: '苏州市', district: '苏州工业园区', detail: '星湖街 328 号 12 栋', recipient: '陆建国', phone: '13862151903', isDefault: true }],
    });
    const { order } = await rep<{ order: { id: string; number: string; status: string } }>('POST', '/api/v1/orders', { customerId: customer.id, promisedDate: inDays(20), lines: [{ productId: product.id, qty: 10, unitPrice: 129_900 }], submit: true });
    assert.equal(order.status, 'confirmed');
    Object.assign(made, { customerId: customer.id, orderId: order.id, orderNumber: order.number });

    // The warehouse clerk starts from the order: 发货 opens the new shipment with its open line.
    const w = await signIn('wh', PASSWORD);
    await w.page.goto(`${server.url}/orders/${order.id}`);
    await w.page.getByTestId('ship-order').click();
    await w.page.waitForURL(/\/shipping\/new\?orderId=/);
    const card = w.page.getByTestId('ship-order-card');
    await card.getByTestId('line-remaining').getByText('10 台').waitFor();
    const qty = card.locator('input[data-testid="ship-qty"], [data-testid="ship-qty"] input').first();
    assert.equal(await qty.inputValue(), '10', 'proposed: the whole reserved remainder');
    await qty.fill('4');
    await pick(w.page, w.page.getByTestId('carrier-select'), '顺丰速运');
    await w.page.getByTestId('tracking-input').fill('SF12345');
    await w.page.getByTestId('save-shipment').click();
    // The server refuses SF12345 for SF: its words on the field; the shipment stays as a draft.
    await w.page.locator('.ant-form-item-explain-error', { hasText: '格式不正确' }).waitFor();
    await w.page.getByText('已创建待发货单').waitFor();
    await shot(w.page, 'new-refused', true);
    await w.page.locator('.ant-alert a.gd-mono').first().click();
    await w.page.waitForURL(/\/shipping\/[0-9a-f-]{36}$/);
    const shipmentUrl = w.page.url();
    await w.page.getByTestId('shipment-status').getByText('待发货').waitFor();
    await w.page.getByTestId('shipment-line-qty').getByText('4 台').waitFor();
    await w.page.getByTestId('dispatch-checks').locator('[data-code="reserved"][data-state="ok"]').waitFor();

    // Pick list and packing: the 4 motors go into one box of 18.5 kg.
    await w.page.getByTestId('pick-list-button').click();
    await w.page.getByTestId('pick-list').getByText('上海总仓').waitFor();
    await w.page.locator('.ant-drawer-close').click();
    await w.page.getByTestId('pick-list').waitFor({ state: 'detached' });
    await w.page.getByTestId('packing').click();
    await w.page.getByTestId('add-package').click();
    await w.page.getByTestId('packing-summary').getByText('已装 4 台 / 共 4 台').waitFor();
    await w.page.locator('.ant-drawer').getByLabel('重量').fill('18.5');
    await w.page.getByTestId('save-packages').click();
    await w.page.getByTestId('packing-summary').waitFor({ state: 'detached' });
    await w.page.getByTestId('packing-state').getByText('已装箱完成').waitFor();

    // Dispatch from the shipment: the checks list the tracking number once it fits SF's format.
    await w.page.getByTestId('dispatch').click();
    const dialog = w.page.locator('.ant-modal');
    await pick(w.page, dialog.getByTestId('carrier-select'), '顺丰速运');
    await dialog.getByTestId('tracking-input').fill('SF1000000000');
    await dialog.locator('[data-code="tracking"][data-state="block"]').waitFor();
    await dialog.getByTestId('tracking-input').fill('SF100000000001');
    await dialog.locator('[data-code="tracking"][data-state="ok"]').waitFor();
    await dialog.locator('[data-code="packing"][data-state="ok"]').waitFor();
    await shot(w.page, 'dispatch-dialog');
    await w.page.getByTestId('dispatch-ok').click();
    await dialog.waitFor({ state: 'detached' });
    await w.page.getByTestId('shipment-status').getByText('已发出').waitFor();
    await w.page.getByTestId('shipment-tracking').getByText('SF100000000001').waitFor();

    // 打印送货单 opens the PDF in a new window.
    const popup = w.page.waitForEvent('popup');
    await w.page.getByTestId('delivery-note').click();
    const pdf = await popup;
    await pdf.waitForURL(/^blob:/);
    await pdf.close();

    // The order: 部分发货, 4 of 10 gone.
    await w.page.getByTestId('shipment-order').click();
    await w.page.getByTestId('order-status').getByText('部分发货').waitFor();
    await shot(w.page, 'order-partial');

    // The customer's link, made from the shipment.
    await w.page.goto(shipmentUrl);
    await w.page.getByTestId('customer-link').click();
    const url = await w.page.getByTestId('customer-link-url').inputValue();
    const token = url.split('/c/')[1];
    assert.ok(token && token.length >= 20, url);
    await shot(w.page, 'shipment-dispatched', true);

    // On the customer's phone, in another context without a session.
    const c = await open({ width: 375, height: 812 });
    await c.page.goto(`${server.url}/c/${token}`);
    await c.page.getByTestId('portal-number').getByText(order.number).waitFor();
    await c.page.getByTestId('portal-tracking').getByText('SF100000000001').waitFor();
    await c.page.getByText('已发 4 台 / 共 10 台').waitFor();
    const overflow = await c.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the customer page is ${overflow}px wider than the phone`);
    await shot(c.page, 'portal-phone', true);
    await c.page.getByTestId('portal-confirm-receipt').click();
    await c.page.getByLabel('您的姓名').fill('周工');
    await c.page.getByTestId('portal-receipt-comment').fill('4 台已收到，外观完好');
    await c.page.getByTestId('portal-receipt-submit').click();
    await c.page.getByTestId('portal-receipt').getByText(/已于 .* 确认收货/).waitFor();
    // An optional photo of the delivery, from the phone's camera roll.
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
    await c.page.getByTestId('portal-photo-input').setInputFiles({ name: '签收.png', mimeType: 'image/png', buffer: png });
    await c.page.getByTestId('portal-photo-added').waitFor();
    await shot(c.page, 'portal-confirmed', true);
    await c.ctx.close();

    // Back in the warehouse: the shipment is signed for, and the order's timeline says who confirmed.
    await w.page.reload();
    await w.page.getByTestId('shipment-status').getByText('已签收').waitFor();
    await w.page.getByTestId('receipt-state').getByText(/客户已于 .* 确认收货（周工）/).waitFor();
    await w.page.getByTestId('receipt-photo').waitFor();
    await w.page.goto(`${server.url}/orders/${order.id}?tab=timeline`);
    const timeline = w.page.getByTestId('order-timeline');
    await timeline.getByTestId('timeline-shipment.receipt_confirmed').getByText('周工确认收货').waitFor();
    await timeline.getByTestId('timeline-shipment.dispatched').getByText('已发货：顺丰速运 SF100000000001').waitFor();
    await shot(w.page, 'order-timeline', true);
    await w.ctx.close();
  });

  test('the rep sends the customer-level link; on a phone the customer sees all open orders and opens one within the same link; revoked → 410 page', async () => {
    assert.ok(made.customerId, 'the first test made the customer');
    const r = await signIn('rep', PASSWORD);
    await r.page.goto(`${server.url}/customers/${made.customerId}`);
    await r.page.getByTestId('customer-orders-link').click();
    const url = await r.page.getByTestId('customer-link-url').inputValue();
    const token = url.split('/c/')[1];
    assert.ok(token && token.length >= 20, url);
    await shot(r.page, 'customer-link');
    await r.page.keyboard.press('Escape');

    // 发货单: the search runs on the server and stays in the URL; the export is the same rows as .xlsx.
    await r.page.goto(`${server.url}/shipping?q=SF1000000000`);
    await r.page.getByTestId('tracking-number').getByText('SF100000000001').waitFor();
    assert.equal(await r.page.getByTestId('shipment-link').count(), 1);
    const download = r.page.waitForEvent('download');
    await r.page.getByTestId('export-shipments').click();
    assert.match((await download).suggestedFilename(), /^发货单-\d{4}-\d{2}-\d{2}\.xlsx$/);
    await shot(r.page, 'shipments-search');
    await r.page.getByTestId('shipment-search').locator('input').fill('NO-SUCH-NUMBER');
    await r.page.getByTestId('shipment-search').locator('input').press('Enter');
    await r.page.waitForURL(/q=NO-SUCH-NUMBER/);
    await r.page.getByText('清除筛选').waitFor();

    const c = await open({ width: 375, height: 812 });
    await c.page.goto(`${server.url}/c/${token}`);
    const row = c.page.getByTestId('portal-customer-order').filter({ hasText: made.orderNumber });
    await row.waitFor();
    await row.getByTestId('portal-customer-tracking').getByText('SF100000000001').waitFor();
    await row.getByText('已发货 40%').waitFor();
    let overflow = await c.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the customer list is ${overflow}px wider than the phone`);
    await shot(c.page, 'portal-customer-phone', true);
    await row.click();
    await c.page.waitForURL(new RegExp(`/c/${token}/orders/${made.orderId}$`));
    await c.page.getByTestId('portal-number').getByText(made.orderNumber).waitFor();
    await c.page.getByTestId('portal-tracking').getByText('SF100000000001').waitFor();
    const note = await c.page.getByTestId('portal-delivery-note').getAttribute('href');
    assert.match(note ?? '', new RegExp(`^/api/portal/${token}/shipments/[0-9a-f-]{36}/delivery-note\\.pdf`));
    const pdf = await c.page.request.get(`${server.url}${note}`);
    assert.equal(pdf.status(), 200);
    assert.equal(pdf.headers()['content-type'], 'application/pdf');
    overflow = await c.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the order page is ${overflow}px wider than the phone`);
    await shot(c.page, 'portal-customer-order-phone', true);
    await c.page.getByTestId('portal-back').click();
    await c.page.getByTestId('portal-customer-order').first().waitFor();

    // A revoked customer link: the page says it is no longer valid (410), nothing else shows.
    const rep = await apiAs(server.url, 'rep', PASSWORD);
    const second = await rep<{ id: string; url: string }>('POST', `/api/v1/customers/${made.customerId}/customer-link`, {});
    await rep('DELETE', `/api/v1/customer-links/${second.id}`, {});
    await c.page.goto(`${server.url}/c/${second.url.split('/c/')[1]}`);
    await c.page.getByText('链接已过期或已撤销').waitFor();
    assert.equal(await c.page.getByTestId('portal-customer-order').count(), 0);
    await shot(c.page, 'portal-customer-revoked');
    await c.ctx.close();
    await r.ctx.close();
  });

  test('the admin edits a notice template: an unknown placeholder is refused on the field, a good text saves, reset restores the built-in one', async () => {
    const a = await signIn('admin', 'admin1234');
    await a.page.goto(`${server.url}/admin/notice-templates`);
    await a.page.getByTestId('notice-placeholders').getByText('{trackingNumber}').waitFor();
    const sms = a.page.getByTestId('notice-template-sms-zh-CN');
    await sms.getByText('系统默认').waitFor();
    const body = sms.getByTestId('notice-body');
    await body.fill('订单{orderNumber}已发货，单号{tracking}');
    await sms.getByTestId('notice-save').click();
    await sms.locator('.ant-form-item-explain-error', { hasText: '不支持的占位符' }).waitFor();
    await shot(a.page, 'notice-template-error', true);
    await body.fill('订单{orderNumber}已发货，{carrier}单号{trackingNumber}，查看：{link}');
    await sms.getByTestId('notice-save').click();
    await sms.getByText('已修改').waitFor();
    const api = await apiAs(server.url, 'admin', 'admin1234');
    const saved = await api<{ templates: { channel: string; locale: string; body: string }[] }>('GET', '/api/v1/admin/notice-templates/shipment.dispatched');
    assert.equal(saved.templates.find((x) => x.channel === 'sms' && x.locale === 'zh-CN')?.body, '订单{orderNumber}已发货，{carrier}单号{trackingNumber}，查看：{link}');
    await sms.getByTestId('notice-reset').click();
    await a.page.locator('.ant-popconfirm .ant-btn-primary').click();
    await sms.getByText('系统默认').waitFor();
    assert.match(await body.inputValue(), /^您的订单\{orderNumber\}已发货/);
    await shot(a.page, 'notice-templates');
    await a.ctx.close();
  });

  test('no page errors or console errors', () => {
    assert.deepEqual(problems, []);
  });
});
