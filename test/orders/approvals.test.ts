import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type Session, type TestApp } from '../helpers/app.ts';
import { dialects } from '../helpers/db.ts';
import { inDays, orderWorld } from './helpers.ts';

for (const d of await dialects()) {
  describe(`orders: approval chains [${d.name}]`, { skip: d.skip }, () => {
    let t: TestApp;
    let admin: Session;
    let rep: { user: { id: string }; session: Session };
    let manager: { user: { id: string }; session: Session };
    let finance: { user: { id: string }; session: Session };
    let w: Awaited<ReturnType<typeof orderWorld>>;
    before(async () => {
      t = await createTestApp(d.name);
      admin = (await t.as(['admin'])).session;
      rep = await t.as(['sales']);
      manager = await t.as(['sales_manager']);
      finance = await t.as(['finance']);
      w = await orderWorld(t, admin, rep.session, { stock: 1000 });
      const rule = await t.req(admin, 'POST', '/api/v1/admin/approval-rules', {
        name: '大额订单（≥ ¥10,000）',
        condition: { field: 'amount', op: '>=', value: 1_000_000 },
        levels: [{ approverRole: 'sales_manager' }, { approverRole: 'finance' }],
      });
      assert.equal(rule.statusCode, 201, rule.body);
    });
    after(() => t?.close());

    const big = (qty = 20) => ({ customerId: w.customerId, promisedDate: inDays(30), lines: [{ productId: w.productId, qty, unitPrice: 100_000 }], submit: true });

    test('rule validation: unknown role and a level with neither role nor user are 400', async () => {
      const bad = await t.req(admin, 'POST', '/api/v1/admin/approval-rules', { name: 'x', condition: { field: 'amount', op: '>', value: 1 }, levels: [{ approverRole: 'pirate' }] });
      assert.equal(bad.statusCode, 400);
      assert.equal(bad.json().details[0].path, 'levels.0.approverRole');
      const none = await t.req(admin, 'POST', '/api/v1/admin/approval-rules', { name: 'x', condition: { field: 'amount', op: '>', value: 1 }, levels: [{}] });
      assert.equal(none.statusCode, 400);
      assert.equal((await t.req(rep.session, 'GET', '/api/v1/admin/approval-rules')).statusCode, 403);
    });

    test('an order held while it waits for approval goes back to waiting when released — never confirmed without approval', async () => {
      const o = (await t.req(rep.session, 'POST', '/api/v1/orders', big(37))).json().order;
      assert.equal(o.status, 'pending_approval');
      assert.equal((await t.req(finance.session, 'POST', `/api/v1/orders/${o.id}/hold`, { reason: '客户要求暂缓' })).json().status, 'on_hold');
      const released = await t.req(finance.session, 'POST', `/api/v1/orders/${o.id}/release`, { reason: '客户确认' });
      assert.equal(released.statusCode, 200, released.body);
      assert.equal(released.json().status, 'pending_approval');
      assert.equal(released.json().confirmedAt ?? null, null);
      assert.equal(released.json().lines[0].reservedQty, 0);
    });

    test('two levels: the manager then finance approve; only then is the order confirmed and stock reserved', async () => {
      const r = await t.req(rep.session, 'POST', '/api/v1/orders', big());
      assert.equal(r.statusCode, 201, r.body);
      const o = r.json().order;
      assert.equal(o.status, 'pending_approval');
      assert.equal(o.lines[0].reservedQty, 0, 'nothing reserved before approval');
      assert.equal((await t.req(finance.session, 'GET', '/api/v1/approvals')).json().items.filter((a: any) => a.documentId === o.id).length, 0, 'finance waits for level 1');
      const inbox = (await t.req(manager.session, 'GET', '/api/v1/approvals')).json().items;
      const step1 = inbox.find((a: any) => a.documentId === o.id);
      assert.equal(step1.summary.number, o.number);
      assert.deepEqual(step1.summary.rules, ['大额订单（≥ ¥10,000）']);
      assert.equal((await t.req(rep.session, 'POST', `/api/v1/approvals/${step1.id}/approve`, {})).statusCode, 404, 'a rep is not an approver');
      const a1 = await t.req(manager.session, 'POST', `/api/v1/approvals/${step1.id}/approve`, { comment: '同意' });
      assert.equal(a1.statusCode, 200, a1.body);
      assert.equal((await t.req(rep.session, 'GET', `/api/v1/orders/${o.id}`)).json().status, 'pending_approval');
      const step2 = (await t.req(finance.session, 'GET', '/api/v1/approvals')).json().items.find((a: any) => a.documentId === o.id);
      assert.equal(step2.level, 2);
      assert.equal((await t.req(finance.session, 'POST', `/api/v1/approvals/${step2.id}/approve`, {})).statusCode, 200);
      const done = (await t.req(rep.session, 'GET', `/api/v1/orders/${o.id}`)).json();
      assert.equal(done.status, 'confirmed');
      assert.equal(done.lines[0].reservedQty, 20);
      const types = (await t.req(rep.session, 'GET', `/api/v1/orders/${o.id}/timeline`)).json().items.map((e: any) => e.type);
      assert.deepEqual(types, ['order.created', 'order.submitted', 'order.pending_approval', 'approval.approved', 'approval.approved', 'stock.reserved', 'order.confirmed']);
      assert.equal((await t.req(finance.session, 'POST', `/api/v1/approvals/${step2.id}/approve`, {})).statusCode, 409, 'decided once');
    });

    test('no self-approval: a manager who submits cannot approve their own order', async () => {
      const mw = await orderWorld(t, admin, manager.session, { stock: 100 });
      const o = (await t.req(manager.session, 'POST', '/api/v1/orders', { ...big(), customerId: mw.customerId, lines: [{ productId: mw.productId, qty: 20, unitPrice: 100_000 }] })).json().order;
      const step = (await t.req(admin, 'GET', `/api/v1/orders/${o.id}/approvals`)).json().items[0];
      assert.ok(!(await t.req(manager.session, 'GET', '/api/v1/approvals')).json().items.some((a: any) => a.id === step.id), 'not in their own inbox');
      const self = await t.req(manager.session, 'POST', `/api/v1/approvals/${step.id}/approve`, {});
      assert.equal(self.statusCode, 403);
      assert.equal(self.json().code, 'SELF_APPROVAL');
    });

    test('reject needs a reason; a rejected order is edited back to draft and resubmitted with a fresh chain', async () => {
      const o = (await t.req(rep.session, 'POST', '/api/v1/orders', big(21))).json().order;
      const step = (await t.req(manager.session, 'GET', '/api/v1/approvals')).json().items.find((a: any) => a.documentId === o.id);
      assert.equal((await t.req(manager.session, 'POST', `/api/v1/approvals/${step.id}/reject`, {})).statusCode, 400);
      assert.equal((await t.req(manager.session, 'POST', `/api/v1/approvals/${step.id}/reject`, { comment: '价格需重新核算' })).statusCode, 200);
      assert.equal((await t.req(rep.session, 'GET', `/api/v1/orders/${o.id}`)).json().status, 'rejected');
      const edited = await t.req(rep.session, 'PATCH', `/api/v1/orders/${o.id}`, { lines: [{ productId: w.productId, qty: 5, unitPrice: 100_000 }] });
      assert.equal(edited.json().status, 'draft');
      const again = await t.req(rep.session, 'POST', `/api/v1/orders/${o.id}/submit`, {});
      assert.equal(again.statusCode, 200, again.body);
      assert.equal(again.json().order.status, 'confirmed', '¥5,650 is under the threshold now');
      assert.equal(again.json().order.number, o.number, 'the number is kept');
    });

    test('dry-run: how many recent orders the draft rule would have sent to approval', async () => {
      const r = await t.req(admin, 'POST', '/api/v1/admin/approval-rules/dry-run', { rule: { name: '≥ ¥20,000', condition: { field: 'amount', op: '>=', value: 2_000_000 }, levels: [{ approverRole: 'finance' }] } });
      assert.equal(r.statusCode, 200, r.body);
      const body = r.json();
      assert.ok(body.orders >= 3);
      const expected = (await t.db.handle.db.selectFrom('salesOrder').select('gross').where('facts', 'is not', null).execute()).filter((x) => Number(x.gross) >= 2_000_000).length;
      assert.equal(body.matched, expected);
    });
  });
}
