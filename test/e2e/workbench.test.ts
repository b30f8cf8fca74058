/**
 * 我的跟单 in real Chromium against the real server (SQLite in a temp dir). A sales rep's two
 * confirmed orders (set up through the API): one promised tomorrow, so its 备货/生产 stage
 * (due 48 h before the end of the promised day) is already late, one promised in three
 * days. The coordinator signs in, lands on the workbench, sees the late order on top with
 * its late stage, its owner and the next action, and nudges the owner with a note; the rep
 * finds the nudge in the bell. The coordinator opens the order: the stage flow shows plan vs
 * actual with the owner's name, 签收 waiting in the coordinators' queue (待认领 · 跟单员) is
 * claimed, the late stage offers the delay reason, which is given; the timeline words the
 * nudge, the claim, the reason and the worker's escalation. Then the same on a
 * 375 px phone. Screenshots: test-results/workbench-*.png.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';

import { apiAs, inDays, openPage, pick, SHOTS, signInAs, skip, startE2E } from './harness.ts';

const PASSWORD = 'e2e-pass-1234';

describe('workbench in Chromium: a late order on top, nudge its owner, the stage flow on the order page', { skip, timeout: 150_000 }, () => {
  let browser: Browser;
  let server: { url: string; shutdown: () => Promise<void> };
  let close: () => Promise<void>;
  const problems: string[] = [];

  before(async () => {
    ({ server, browser, close } = await startE2E('gendan-e2e-wb-'));
  });
  after(() => close?.());

  async function signIn(username: string, viewport: { width: number; height: number }): Promise<{ ctx: BrowserContext; page: Page }> {
    const s = await openPage(browser, problems, viewport);
    await signInAs(s.page, server.url, username, PASSWORD);
    return s;
  }
  const shot = (page: Page, name: string, fullPage = false) => page.screenshot({ path: join(SHOTS, `workbench-${name}.png`), fullPage });

  test('the coordinator nudges the owner of a late stage and sees it on the order', async () => {
    const admin = await apiAs(server.url, 'admin', 'admin1234');
    // The coordinator follows the orders of their team (data scope: team); the rep reports to 周经理.
    const team = await admin<{ id: string }>('POST', '/api/v1/admin/teams', { name: '华东销售一组' });
    const lead = await admin<{ id: string }>('POST', '/api/v1/admin/users', { username: 'lead', displayName: '周经理', password: PASSWORD, roles: ['sales'], teamId: team.id });
    await admin('POST', '/api/v1/admin/users', { username: 'rep', displayName: '李晓松', password: PASSWORD, roles: ['sales'], managerId: lead.id, teamId: team.id });
    await admin('POST', '/api/v1/admin/users', { username: 'coord', displayName: '王跟单', password: PASSWORD, roles: ['coordinator'], teamId: team.id });
    const wh = await admin<{ id: string }>('POST', '/api/v1/warehouses', { code: 'SH01', name: '上海总仓', isDefault: true });
    const product = await admin<{ id: string }>('POST', '/api/v1/products', { sku: 'MTR-750W', name: '伺服电机 750W', unit: '台', listPrice: 129_900, floorPrice: 110_000 });
    await admin('POST', '/api/v1/stock/movements', { type: 'receipt', productId: product.id, warehouseId: wh.id, qty: 50, reason: '期初' });
    // Escalate to the owner's manager the moment a preparation stage is late (elapsed hours, so the test does not depend on today being a working day).
    const rules = await admin<{ items: { id: string; stage: string; escalations: unknown[] }[] }>('GET', '/api/v1/admin/sla-rules');
    const prep = rules.items.find((x) => x.stage === 'preparation')!;
    await admin('PATCH', `/api/v1/admin/sla-rules/${prep.id}`, { escalations: [{ level: 1, after: { amount: 0, unit: 'hours' }, to: { type: 'manager' }, channels: ['inapp'] }] });
    // Delivery follow-up waits in the coordinators' queue until one of them claims it.
    const delivery = rules.items.find((x) => x.stage === 'delivery')!;
    await admin('PATCH', `/api/v1/admin/sla-rules/${delivery.id}`, { owner: { type: 'role', role: 'coordinator' } });
    const rep = await apiAs(server.url, 'rep', PASSWORD);
    const { customer } = await rep<{ customer: { id: string } }>('POST', '/api/v1/customers', { name: '苏州精工自动化科技有限公司', contacts: [{ name: '陆建国', phone: '13862151903', isPrimary: true }] });
    const place = async (days: number, qty: number) =>
      (await rep<{ order: { id: string; number: string; status: string } }>('POST', '/api/v1/orders', { customerId: customer.id, promisedDate: inDays(days), lines: [{ productId: product.id, qty, unitPrice: 129_900 }], submit: true, acknowledge: [{ code: 'POSSIBLE_DUPLICATE_ORDER', reason: '客户分两批下单' }] })).order;
    const soon = await place(3, 2);
    const late = await place(1, 4);
    assert.equal(late.status, 'confirmed');

    // 1280 px: the coordinator lands on 我的跟单; the late order is first, with its late stage, owner and next action.
    const c = await signIn('coord', { width: 1280, height: 860 });
    await c.page.waitForURL(/\/workbench$/);
    const rows = c.page.locator('.ant-table-tbody tr.ant-table-row');
    await rows.first().waitFor();
    const first = rows.first();
    await first.getByRole('link', { name: late.number }).waitFor();
    for (const text of ['环节逾期', '备货/生产', '李晓松', '催办「备货/生产」负责人', '已逾期']) await first.getByText(text).first().waitFor();
    assert.ok((await rows.count()) >= 2, 'the order due in three days is listed too');
    await rows.nth(1).getByRole('link', { name: soon.number }).waitFor();
    await shot(c.page, '1280');

    await first.getByTestId('nudge-one').click();
    const dialog = c.page.locator('.ant-modal');
    await dialog.getByText(`${late.number}（备货/生产 · 李晓松）`).waitFor();
    await dialog.getByLabel('附言（选填）').fill('客户明早要货，请今天排产');
    await shot(c.page, 'nudge-dialog');
    await dialog.getByRole('button', { name: /催\s*办/ }).click();
    await c.page.getByText('已催办 1 个环节').waitFor();

    // The rep finds it in the bell (delivered by the worker through the outbox).
    const r = await signIn('rep', { width: 1280, height: 860 });
    const bell = r.page.getByTestId('notification-bell');
    await bell.locator('.ant-badge-count').waitFor({ timeout: 15_000 });
    await bell.click();
    await r.page.getByText(`催办：订单 ${late.number}（备货/生产）`).waitFor();
    await r.page.getByText(/王跟单 提醒您处理/).first().waitFor();
    await shot(r.page, 'owner-bell');
    const mine = await rep<{ items: { title: string; userId?: string }[] }>('GET', '/api/v1/notifications');
    assert.ok(mine.items.some((n) => n.title.includes(late.number) && n.title.startsWith('催办')), 'the owner got the nudge');
    await r.ctx.close();

    // The order page: the stage flow with plan vs actual and the owner's name; the late stage with its reason control.
    await first.getByRole('link', { name: late.number }).click();
    await c.page.waitForURL(new RegExp(`/orders/${late.id}$`));
    const flow = c.page.getByTestId('stage-flow');
    await flow.waitFor();
    await flow.getByText('订单审核').waitFor();
    await flow.locator('.ant-steps-item-error').getByText('备货/生产').waitFor();
    await flow.getByText(/\d{2}:\d{2} 完成$/).first().waitFor(); // actual: review finished at confirmation
    await flow.getByText(/\d{2}:\d{2} 前$/).first().waitFor(); // plan: the due time of an open stage
    assert.ok((await flow.getByTestId('stage-owner').filter({ hasText: '李晓松' }).count()) >= 1, 'the current owner is named');
    // 签收 has no named owner yet: 待认领 · 跟单员, and the coordinator claims it.
    const queued = flow.getByTestId('stage-owner').filter({ hasText: '待认领 · 跟单员' });
    await queued.waitFor();
    await shot(c.page, 'order-1280');
    await queued.getByTestId('claim-stage').click();
    await c.page.getByText('已认领，该环节由您负责').waitFor();
    await flow.getByTestId('stage-owner').filter({ hasText: '王跟单' }).waitFor();
    assert.equal(await flow.getByText('待认领 · 跟单员').count(), 0);
    const resp = c.page.getByTestId('order-responsibility');
    await resp.getByText('延误与原因').waitFor();
    await resp.getByText('未填写原因').waitFor();
    await resp.getByRole('button', { name: '填写延误原因' }).click();
    const reasonDialog = c.page.locator('.ant-modal');
    await pick(c.page, reasonDialog.locator('.ant-select').first(), '缺料');
    await reasonDialog.getByRole('button', { name: /确\s*定|保\s*存/ }).click();
    await resp.locator('.ant-tag', { hasText: '缺料' }).waitFor();

    // The worker's scan (every minute in the server; run now) escalates the late stage to the rep's manager.
    const { scanStageAlerts } = await import('../../src/server/modules/sla/index.ts');
    assert.ok((await scanStageAlerts((server as unknown as { handle: Parameters<typeof scanStageAlerts>[0] }).handle)).alerts >= 1);

    // The timeline words the nudge and the reason (and the worker's escalation of the late stage, once it has run).
    await c.page.getByRole('tab', { name: '时间线' }).click();
    const tl = c.page.getByTestId('order-timeline');
    await tl.getByText('催办「备货/生产」环节负责人 李晓松').waitFor();
    await tl.getByText('附言：客户明早要货，请今天排产').waitFor();
    await tl.getByText(/「备货\/生产」环节延误 .*，原因/).waitFor();
    await tl.getByText('第 1 级超期升级：「备货/生产」环节', { exact: false }).waitFor({ timeout: 15_000 });
    await tl.getByText('已通知 周经理', { exact: false }).first().waitFor();
    await tl.getByText('认领了「签收」环节（跟单员 队列）').waitFor();
    assert.equal(await tl.getByText(/其他事件/).count(), 0, 'no event shows its raw type');
    await shot(c.page, 'timeline-1280', true);
    await c.ctx.close();

    // 375 px: cards on the workbench, the stage flow top to bottom on the order page.
    const p = await signIn('coord', { width: 375, height: 812 });
    await p.page.waitForURL(/\/workbench$/);
    const card = p.page.getByTestId('workbench-card').first();
    await card.getByText(late.number).waitFor();
    await card.getByText('李晓松').waitFor();
    await shot(p.page, '375', true);
    await card.getByRole('link', { name: late.number }).click();
    await p.page.getByTestId('stage-flow').waitFor();
    await shot(p.page, 'order-375', true);
    const overflow = await p.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 1, `the order page fits 375 px (overflow ${overflow}px)`);
    await p.ctx.close();

    assert.deepEqual(problems, []);
  });
});
