import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type Session, type TestApp } from '../helpers/app.ts';
import { dialects } from '../helpers/db.ts';
import { orderWorld } from '../orders/helpers.ts';
import { confirmedOrder, dueAgo, inDays, row, ship, stagesOf } from './helpers.ts';

for (const d of await dialects()) {
  describe(`delay reasons and attribution [${d.name}]`, { skip: d.skip }, () => {
    let t: TestApp;
    let admin: Session;
    before(async () => {
      t = await createTestApp(d.name);
      admin = (await t.as(['admin'])).session;
    });
    after(() => t?.close());

    test('the seeded list in both languages; an admin adds, renames and retires reasons; bad input changes nothing', async () => {
      const list = (await t.req(admin, 'GET', '/api/v1/admin/delay-reasons')).json().items;
      assert.deepEqual(
        list.map((r: any) => [r.code, r.labelZh, r.labelEn]),
        [
          ['waiting_customer', '等客户', 'Waiting for customer'],
          ['credit_hold', '信用冻结', 'Credit hold'],
          ['material_shortage', '缺料', 'Material shortage'],
          ['equipment_down', '设备故障', 'Equipment down'],
          ['capacity', '产能不足', 'Capacity'],
          ['carrier', '承运商', 'Carrier'],
          ['internal_error', '内部失误', 'Internal error'],
          ['other', '其他', 'Other'],
        ],
      );
      const created = await t.req(admin, 'POST', '/api/v1/admin/delay-reasons', { code: 'design_change', labelZh: '设计变更', labelEn: 'Design change' });
      assert.equal(created.statusCode, 201, created.body);
      assert.equal(created.json().sortOrder, 90, 'appended after the last one');
      assert.equal((await t.req(admin, 'POST', '/api/v1/admin/delay-reasons', { code: 'design_change', labelZh: '重复', labelEn: 'Dup' })).json().code, 'CODE_TAKEN');
      for (const [lang, word] of [
        ['zh-CN', 'code: 格式不正确'],
        ['en-US', 'code: wrong format'],
      ]) {
        const bad = await t.req(admin, 'POST', '/api/v1/admin/delay-reasons', { code: 'Bad Code', labelZh: '', labelEn: 'x' }, { 'accept-language': lang });
        assert.equal(bad.statusCode, 400);
        const paths = bad.json().details.map((e: any) => e.path);
        assert.ok(paths.includes('code') && paths.includes('labelZh'), bad.body);
        assert.equal(bad.json().details.find((e: any) => e.path === 'code').message, word);
      }
      const badRule = await t.req(admin, 'PATCH', '/api/v1/admin/delay-reasons/design_change', { prefill: [{ event: 'not an event' }] });
      assert.equal(badRule.statusCode, 400);
      const renamed = await t.req(admin, 'PATCH', '/api/v1/admin/delay-reasons/design_change', { labelEn: 'Engineering change', active: false });
      assert.deepEqual([renamed.json().labelEn, renamed.json().active], ['Engineering change', false]);
      assert.equal((await t.req(admin, 'PATCH', '/api/v1/admin/delay-reasons/nope', { active: false })).statusCode, 404);
      const rep = (await t.as(['sales'])).session;
      assert.equal((await t.req(rep, 'POST', '/api/v1/admin/delay-reasons', { code: 'mine', labelZh: '我的', labelEn: 'Mine' })).statusCode, 403);
      const picker = (await t.req(rep, 'GET', '/api/v1/delay-reasons')).json().items.map((r: any) => r.code);
      assert.ok(picker.includes('capacity') && !picker.includes('design_change'), 'the picker lists active reasons only');
      assert.equal((await t.req(admin, 'GET', '/api/v1/admin/delay-reasons')).json().items.length, 9);
    });

    test('a stage finishing late is attributed to stage and owner; the owner explains it; the workbench asks until then', async () => {
      const team = (await t.req(admin, 'POST', '/api/v1/admin/teams', { name: '华东跟单组' })).json().id as string;
      const rep = await t.as(['sales'], { teamId: team });
      const { order, customerId } = await confirmedOrder(t, admin, rep.session);
      await dueAgo(t, order.id, 'preparation', 3 * 1440 + 30);
      assert.equal((await ship(t, admin, order)).statusCode, 200);
      const prep = await row(t, order.id, 'preparation');
      assert.ok(prep.delayMinutes! >= 3 * 1440 + 29 && prep.delayMinutes! <= 3 * 1440 + 32, `late minutes frozen at completion: ${prep.delayMinutes}`);
      assert.equal(prep.ownerId, rep.user.id);
      assert.equal(prep.delayReason, null);
      assert.match(prep.completedDate!, /^\d{4}-\d{2}-\d{2}$/);
      assert.equal(prep.customerId, customerId, "the order's customer is frozen on the finished stage");
      assert.ok(typeof prep.leadMinutes === 'number' && prep.leadMinutes >= 0);
      assert.equal((await row(t, order.id, 'shipping')).delayMinutes, 0, 'shipping finished on time');

      let wb = (await t.req(rep.session, 'GET', '/api/v1/workbench')).json().items.find((i: any) => i.orderId === order.id);
      assert.ok(wb.reasons.includes('delay_unexplained'), JSON.stringify(wb));
      assert.equal(wb.stage.stage, 'preparation');
      assert.equal(wb.nextActionKey, 'delay_unexplained');

      // Bad input: unknown reason, missing body, a stage that was not late, someone else's order.
      for (const [lang, word] of [
        ['zh-CN', 'delayReason: 引用的记录不存在'],
        ['en-US', 'delayReason: the referenced record does not exist'],
      ]) {
        const r = await t.req(rep.session, 'PATCH', `/api/v1/orders/${order.id}/stages/preparation`, { delayReason: 'bogus' }, { 'accept-language': lang });
        assert.equal(r.statusCode, 400);
        assert.deepEqual(r.json().details, [{ path: 'delayReason', code: 'not_found', message: word }]);
      }
      assert.equal((await t.req(rep.session, 'PATCH', `/api/v1/orders/${order.id}/stages/preparation`, {})).statusCode, 400);
      assert.equal((await t.req(rep.session, 'PATCH', `/api/v1/orders/${order.id}/stages/shipping`, { delayReason: 'carrier' })).json().code, 'STAGE_NOT_LATE');
      const other = (await t.as(['sales'])).session;
      assert.equal((await t.req(other, 'PATCH', `/api/v1/orders/${order.id}/stages/preparation`, { delayReason: 'capacity' })).statusCode, 404);
      const warehouse = (await t.as(['warehouse'])).session;
      assert.equal((await t.req(warehouse, 'PATCH', `/api/v1/orders/${order.id}/stages/preparation`, { delayReason: 'capacity' })).statusCode, 403, 'neither the owner nor a coordinator/manager');
      assert.equal((await row(t, order.id, 'preparation')).delayReason, null, 'refusals changed nothing');

      const ok = await t.req(rep.session, 'PATCH', `/api/v1/orders/${order.id}/stages/preparation`, { delayReason: 'capacity', delayNote: '产线满负荷' });
      assert.equal(ok.statusCode, 200, ok.body);
      assert.equal(ok.json().items.find((s: any) => s.stage === 'preparation').delayReason, 'capacity');
      const after = await row(t, order.id, 'preparation');
      assert.deepEqual([after.delayNote, after.delaySource, after.delaySetBy], ['产线满负荷', 'user', rep.user.id]);
      const timeline = (await t.req(rep.session, 'GET', `/api/v1/orders/${order.id}/timeline`)).json().items;
      const entry = timeline.find((e: any) => e.type === 'stage.delay_attributed');
      assert.ok(entry, 'on the timeline');
      assert.equal(entry.stage, 'preparation');
      wb = (await t.req(rep.session, 'GET', '/api/v1/workbench')).json().items.find((i: any) => i.orderId === order.id);
      assert.ok(!wb?.reasons.includes('delay_unexplained'), 'explained: no longer asked');

      // A coordinator may correct it; reassigning still needs a reason and orders:write.
      const coord = (await t.as(['coordinator'], { teamId: team })).session;
      assert.equal((await t.req(coord, 'PATCH', `/api/v1/orders/${order.id}/stages/preparation`, { delayReason: 'material_shortage' })).statusCode, 200);
      assert.equal((await row(t, order.id, 'preparation')).delayReason, 'material_shortage');
      assert.equal((await t.req(rep.session, 'PATCH', `/api/v1/orders/${order.id}/stages/billing`, { ownerId: rep.user.id })).statusCode, 400);
    });

    test('known events pre-fill the reason: a shortage at confirmation explains a late preparation; an on-time finish drops it', async () => {
      const rep = await t.as(['sales']);
      const short = await confirmedOrder(t, admin, rep.session, { qty: 5, stock: 2 });
      assert.equal((await row(t, short.order.id, 'preparation')).delayReason, 'material_shortage');
      assert.equal((await row(t, short.order.id, 'preparation')).delaySource, 'event');
      assert.equal((await stagesOf(t, rep.session, short.order.id)).preparation.delayReason, 'material_shortage');

      // The credit rule: an order routed to finance over the credit limit explains a late review.
      const checks = (await t.req(admin, 'GET', '/api/v1/admin/settings')).json()['order.checks'];
      assert.equal((await t.req(admin, 'PUT', '/api/v1/admin/settings/order.checks', { value: { ...checks, CREDIT_LIMIT_EXCEEDED: 'approval' } })).statusCode, 200);
      const w = await orderWorld(t, admin, rep.session, { stock: 5, creditLimit: 50_000 });
      const held = await t.req(rep.session, 'POST', '/api/v1/orders', { customerId: w.customerId, promisedDate: inDays(20), lines: [{ productId: w.productId, qty: 1, unitPrice: 100_000 }], submit: true });
      assert.equal(held.json().order.status, 'pending_approval', held.body);
      assert.deepEqual([(await row(t, held.json().order.id, 'review')).delayReason, (await row(t, held.json().order.id, 'review')).delaySource], ['credit_hold', 'event']);
      await t.req(admin, 'PUT', '/api/v1/admin/settings/order.checks', { value: checks });

      // The carrier rule: a shipping exception explains the running stage.
      const late = await confirmedOrder(t, admin, rep.session);
      await t.db.handle.db.transaction().execute(async (tx) => {
        const { appendEvent } = await import('../../src/server/platform/events.ts');
        await appendEvent(tx, { entityType: 'order', entityId: late.order.id, type: 'exception.opened', actor: null, stage: 'shipping', data: { type: 'no_movement' } });
        await appendEvent(tx, { entityType: 'order', entityId: late.order.id, type: 'exception.opened', actor: null, stage: 'shipping', data: { type: 'receipt_disputed' } });
      });
      assert.equal((await row(t, late.order.id, 'preparation')).delayReason, 'carrier', 'the stage running when the exception opened');
      assert.equal((await row(t, late.order.id, 'shipping')).delayReason, null, 'not started yet: nothing to explain');
      // Finished on time: the pre-filled reason goes, nothing is attributed.
      await ship(t, admin, late.order);
      const prep = await row(t, late.order.id, 'preparation');
      assert.deepEqual([prep.delayMinutes, prep.delayReason], [0, null]);

      // A person's choice is never overwritten by a later event.
      const chosen = await confirmedOrder(t, admin, rep.session);
      await dueAgo(t, chosen.order.id, 'preparation', 120);
      assert.equal((await t.req(rep.session, 'PATCH', `/api/v1/orders/${chosen.order.id}/stages/preparation`, { delayReason: 'waiting_customer' })).statusCode, 200, 'a stage late now can be explained before it finishes');
      await t.db.handle.db.transaction().execute(async (tx) => {
        const { appendEvent } = await import('../../src/server/platform/events.ts');
        await appendEvent(tx, { entityType: 'order', entityId: chosen.order.id, type: 'production.material_short', actor: null, stage: 'production', data: { shortages: [] } });
      });
      assert.equal((await row(t, chosen.order.id, 'preparation')).delayReason, 'waiting_customer');
    });
  });
}
