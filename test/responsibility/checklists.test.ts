import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type Session, type TestApp } from '../helpers/app.ts';
import { dialects } from '../helpers/db.ts';
import { orderWorld } from '../orders/helpers.ts';
import { confirmedOrder, inDays, row, ship } from './helpers.ts';

for (const d of await dialects()) {
  describe(`checklists at key nodes [${d.name}]`, { skip: d.skip }, () => {
    let t: TestApp;
    let admin: Session;
    before(async () => {
      t = await createTestApp(d.name);
      admin = (await t.as(['admin'])).session;
    });
    after(() => t?.close());

    test('an admin defines the items per stage; bad input is refused in both languages and changes nothing', async () => {
      const put = await t.req(admin, 'PUT', '/api/v1/admin/checklists/preparation', {
        items: [
          { labelZh: '已向客户发送发货通知', labelEn: 'Shipping notice sent to the customer' },
          { labelZh: '随货单据已打印', labelEn: 'Documents printed', required: false },
        ],
      });
      assert.equal(put.statusCode, 200, put.body);
      const items = put.json().items;
      assert.deepEqual(items.map((i: any) => [i.labelZh, i.required]), [['已向客户发送发货通知', true], ['随货单据已打印', false]]);
      for (const [lang, word] of [
        ['zh-CN', '不是可选的选项'],
        ['en-US', 'not one of the options'],
      ]) {
        const r = await t.req(admin, 'PUT', '/api/v1/admin/checklists/requirement', { items: [{ labelZh: '需求确认', labelEn: 'x' }] }, { 'accept-language': lang });
        assert.equal(r.statusCode, 400);
        assert.equal(r.json().details[0].path, 'stage');
        assert.ok(r.json().details[0].message.includes(word), r.body);
      }
      assert.equal((await t.req(admin, 'PUT', '/api/v1/admin/checklists/preparation', { items: [{ id: 'nope', labelZh: 'x', labelEn: 'x' }] })).json().details[0].path, 'items.0.id');
      assert.equal((await t.req(admin, 'PUT', '/api/v1/admin/checklists/preparation', { items: [{ labelZh: '', labelEn: 'x' }] })).statusCode, 400);
      assert.equal((await t.req(admin, 'PUT', '/api/v1/admin/checklists/bogus', { items: [] })).statusCode, 400);
      assert.equal((await t.req(admin, 'PUT', '/api/v1/admin/checklists/delivery', { items: [{ labelZh: '签收单已回传', labelEn: 'POD returned' }] })).statusCode, 400, 'a stage finished by the carrier or customer is not gated');
      const rep = (await t.as(['sales'])).session;
      assert.equal((await t.req(rep, 'PUT', '/api/v1/admin/checklists/preparation', { items: [] })).statusCode, 403);
      assert.deepEqual((await t.req(admin, 'GET', '/api/v1/admin/checklists/preparation')).json().items.map((i: any) => i.id), items.map((i: any) => i.id), 'refusals changed nothing');
      // Renaming keeps the id (and ticks); a dropped item retires.
      const again = await t.req(admin, 'PUT', '/api/v1/admin/checklists/preparation', { items: [{ id: items[0].id, labelZh: '已发送发货通知', labelEn: 'Shipping notice sent', required: true }] });
      assert.deepEqual(again.json().items.map((i: any) => [i.id, i.labelZh]), [[items[0].id, '已发送发货通知']]);
    });

    test('dispatch (which finishes preparation) answers CHECKLIST_INCOMPLETE naming the items until they are ticked; who and when are kept; untick needs a reason', async () => {
      const rep = await t.as(['sales']);
      const { order } = await confirmedOrder(t, admin, rep.session);
      let cl = (await t.req(rep.session, 'GET', `/api/v1/orders/${order.id}/checklists`)).json().items;
      assert.equal(cl.length, 1);
      assert.deepEqual([cl[0].stage, cl[0].state, cl[0].complete], ['preparation', 'active', false]);
      const itemId = cl[0].items[0].id;

      const refused = await ship(t, admin, order);
      assert.equal(refused.statusCode, 422);
      assert.equal(refused.json().code, 'CHECKLIST_INCOMPLETE');
      assert.deepEqual(refused.json().details.items.map((i: any) => [i.id, i.stage, i.labelZh]), [[itemId, 'preparation', '已发送发货通知']]);
      assert.equal((await row(t, order.id, 'preparation')).completedAt, null, 'nothing changed');
      const shipments = (await t.req(admin, 'GET', `/api/v1/shipments?orderId=${order.id}`)).json().items;
      assert.ok(shipments.every((s: any) => s.status === 'draft'), 'the dispatch rolled back');

      const url = `/api/v1/orders/${order.id}/checklists/preparation/items/${itemId}/tick`;
      const other = (await t.as(['sales'])).session;
      assert.equal((await t.req(other, 'POST', url, {})).statusCode, 404, "another rep's order does not exist for them");
      assert.equal((await t.req(rep.session, 'POST', `/api/v1/orders/${order.id}/checklists/shipping/items/${itemId}/tick`, {})).statusCode, 404, 'the item belongs to another stage');
      const ticked = await t.req(rep.session, 'POST', url, {});
      assert.equal(ticked.statusCode, 200, ticked.body);
      const it = ticked.json().items[0].items[0];
      assert.equal(it.tickedBy, rep.user.id);
      assert.ok(it.tickedAt && it.tickedByName);
      for (const [lang, word] of [
        ['zh-CN', '必填'],
        ['en-US', 'required'],
      ]) {
        const r = await t.req(rep.session, 'POST', url, { ticked: false }, { 'accept-language': lang });
        assert.equal(r.statusCode, 400);
        assert.deepEqual(r.json().details.map((e: any) => [e.path, e.message.includes(word)]), [['reason', true]]);
      }
      assert.equal((await t.req(rep.session, 'POST', url, { ticked: false, reason: '通知发错了客户' })).json().items[0].complete, false);
      assert.equal((await t.req(rep.session, 'POST', url, { ticked: true })).json().items[0].complete, true);
      const types = (await t.req(rep.session, 'GET', `/api/v1/orders/${order.id}/timeline`)).json().items.filter((e: any) => e.type.startsWith('checklist.'));
      assert.deepEqual(types.map((e: any) => e.type).sort(), ['checklist.ticked', 'checklist.ticked', 'checklist.unticked']);

      const shipped = await ship(t, admin, order);
      assert.equal(shipped.statusCode, 200, shipped.body);
      assert.ok((await row(t, order.id, 'preparation')).completedAt);
      assert.equal((await t.req(rep.session, 'POST', url, { ticked: false, reason: 'late change' })).statusCode, 409, 'a finished stage keeps its ticks');
    });

    test('the review checklist blocks confirmation on submit; the order stays a draft', async () => {
      const items = (await t.req(admin, 'PUT', '/api/v1/admin/checklists/review', { items: [{ labelZh: '客户已确认规格和交期', labelEn: 'Customer confirmed spec and date' }, { labelZh: '财务已审核账期', labelEn: 'Finance reviewed payment terms' }] })).json().items;
      const rep = (await t.as(['sales'])).session;
      const w = await orderWorld(t, admin, rep, { stock: 5 });
      const draft = (await t.req(rep, 'POST', '/api/v1/orders', { customerId: w.customerId, promisedDate: inDays(20), lines: [{ productId: w.productId, qty: 1, unitPrice: 100_000 }] })).json().order;
      const r = await t.req(rep, 'POST', `/api/v1/orders/${draft.id}/submit`, {});
      assert.equal(r.statusCode, 422);
      assert.equal(r.json().code, 'CHECKLIST_INCOMPLETE');
      assert.equal(r.json().details.items.length, 2);
      assert.equal((await t.req(rep, 'GET', `/api/v1/orders/${draft.id}`)).json().status, 'draft');
      for (const i of items) assert.equal((await t.req(rep, 'POST', `/api/v1/orders/${draft.id}/checklists/review/items/${i.id}/tick`, {})).statusCode, 200);
      const ok = await t.req(rep, 'POST', `/api/v1/orders/${draft.id}/submit`, {});
      assert.equal(ok.statusCode, 200, ok.body);
      assert.equal(ok.json().order.status, 'confirmed');
      await t.req(admin, 'PUT', '/api/v1/admin/checklists/review', { items: [] });
    });
  });
}
