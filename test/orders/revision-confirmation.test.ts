import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type Session, type TestApp } from '../helpers/app.ts';
import { dialects } from '../helpers/db.ts';
import { inDays, orderWorld } from './helpers.ts';

const NEW_ADDRESS = { label: '新仓', province: '浙江省', city: '宁波市', district: '鄞州区', detail: '首南街道 9 号', recipient: '孙工', phone: '13900139000' };

for (const d of await dialects()) {
  describe(`the customer confirms a revision through a link [${d.name}]`, { skip: d.skip }, () => {
    let t: TestApp;
    let admin: Session;
    let rep: { user: { id: string }; session: Session };
    let otherRep: Session;
    let w: Awaited<ReturnType<typeof orderWorld>>;
    before(async () => {
      t = await createTestApp(d.name);
      admin = (await t.as(['admin'])).session;
      rep = await t.as(['sales']);
      otherRep = (await t.as(['sales'])).session;
      w = await orderWorld(t, admin, rep.session, { stock: 500 });
    });
    after(() => t?.close());

    /** A confirmed order with one applied revision (qty, date and address changed). */
    const revised = async () => {
      const o = await t.req(rep.session, 'POST', '/api/v1/orders', { customerId: w.customerId, promisedDate: inDays(30), note: '内部：客户压价，毛利低', lines: [{ productId: w.productId, qty: 10, unitPrice: 100_000 }], submit: true, acknowledge: [{ code: 'POSSIBLE_DUPLICATE_ORDER', reason: '测试' }] });
      assert.equal(o.json().order.status, 'confirmed', o.body);
      const r = await t.req(rep.session, 'POST', `/api/v1/orders/${o.json().order.id}/revisions`, { reason: '客户来电追加 2 台', lines: [{ productId: w.productId, qty: 12, unitPrice: 98_000 }], promisedDate: inDays(35), shipToAddress: NEW_ADDRESS });
      assert.equal(r.statusCode, 200, r.body);
      return { order: o.json().order, revision: r.json().revision };
    };
    const askCustomer = async (orderId: string, revisionId: string, session = rep.session) => t.req(session, 'POST', `/api/v1/orders/${orderId}/revisions/${revisionId}/customer-link`, {});
    const tokenOf = (url: string) => url.split('/c/')[1];
    const timeline = async (orderId: string) => (await t.req(rep.session, 'GET', `/api/v1/orders/${orderId}/timeline`)).json().items as { type: string; data: any }[];

    test('the customer sees the change line by line (no cost, margin or internal notes) and confirms once; the order timeline, the owner and the revision know', async () => {
      const { order, revision } = await revised();
      const link = await askCustomer(order.id, revision.id);
      assert.equal(link.statusCode, 201, link.body);
      assert.ok(link.json().url.includes('/c/') && link.json().expiresAt && link.json().id);
      const token = tokenOf(link.json().url);

      const view = await t.req(null, 'GET', `/api/portal/${token}`);
      assert.equal(view.statusCode, 200, view.body);
      const v = view.json();
      assert.equal(v.kind, 'order_revision');
      assert.equal(v.number, order.number);
      assert.equal(v.reason, '客户来电追加 2 台');
      assert.equal(v.state, 'requested');
      assert.deepEqual(v.lines.map((l: any) => [l.qtyBefore, l.qtyAfter, l.unitPriceBefore, l.unitPriceAfter]), [[10, 12, 100_000, 98_000]]);
      assert.deepEqual(v.promisedDate, { before: inDays(30), after: inDays(35) });
      assert.match(v.shipToAddress.before, /北仑区/);
      assert.match(v.shipToAddress.after, /鄞州区首南街道 9 号/);
      const text = view.body;
      for (const secret of ['cost', 'margin', 'floorPrice', 'listPrice', '毛利', '"note"']) assert.ok(!text.includes(secret), `portal JSON leaks ${secret}`);
      assert.equal((await t.req(rep.session, 'GET', `/api/v1/orders/${order.id}/revisions`)).json().items[0].customer.state, 'requested');

      const yes = await t.req(null, 'POST', `/api/portal/${token}/confirm`, { action: 'confirm', contactName: '周工' });
      assert.equal(yes.statusCode, 200, yes.body);
      assert.equal(yes.json().state, 'confirmed');
      const again = await t.req(null, 'POST', `/api/portal/${token}/confirm`, { action: 'decline', comment: '改主意了' }, { 'accept-language': 'en-US' });
      assert.equal(again.statusCode, 409);
      assert.equal(again.json().code, 'REVISION_ALREADY_ANSWERED');
      assert.match(again.json().message, /already been answered/);
      const after = (await t.req(null, 'GET', `/api/portal/${token}`)).json();
      assert.equal(after.state, 'confirmed', 'the used link shows the answer given');
      assert.ok(after.answeredAt);

      const ev = (await timeline(order.id)).find((e) => e.type === 'order.revision_customer_confirmed');
      assert.equal(ev?.data.revisionNo, 1);
      assert.equal(ev?.data.contactName, '周工');
      assert.ok((await timeline(order.id)).some((e) => e.type === 'order.revision_customer_link'));
      const rev = (await t.req(rep.session, 'GET', `/api/v1/orders/${order.id}/revisions`)).json().items[0];
      assert.equal(rev.customer.state, 'confirmed');
      assert.equal(rev.customer.contactName, '周工');
      assert.ok(rev.customer.at >= rev.customer.requestedAt);
      const notes = await t.db.handle.db.selectFrom('outbox').select('payload').where('topic', '=', 'order.revision_customer_confirmed').where('channel', '=', 'inapp').execute();
      assert.ok(notes.some((n) => JSON.parse(n.payload).userId === rep.user.id), 'the owner is told');
      assert.equal((await askCustomer(order.id, revision.id)).statusCode, 409, 'an answered revision is not asked again');
    });

    test('declining needs a comment (localized field error, nothing recorded); the decline goes on the timeline', async () => {
      const { order, revision } = await revised();
      const token = tokenOf((await askCustomer(order.id, revision.id)).json().url);
      const bare = await t.req(null, 'POST', `/api/portal/${token}/confirm`, { action: 'decline' }, { 'accept-language': 'en-US' });
      assert.equal(bare.statusCode, 400);
      assert.deepEqual(bare.json().details.map((x: any) => x.path), ['comment']);
      assert.match(bare.json().details[0].message, /required/);
      const zh = await t.req(null, 'POST', `/api/portal/${token}/confirm`, { action: 'decline' }, { 'accept-language': 'zh-CN' });
      assert.match(zh.json().details[0].message, /必填/);
      assert.equal((await t.req(null, 'POST', `/api/portal/${token}/confirm`, { action: 'request_changes' })).statusCode, 400);
      assert.equal((await t.req(null, 'POST', `/api/portal/${token}/confirm`, { action: 'confirm', extra: 1 })).statusCode, 400);
      assert.equal((await t.req(null, 'GET', `/api/portal/${token}`)).json().state, 'requested', 'bad input records nothing');
      const no = await t.req(null, 'POST', `/api/portal/${token}/confirm`, { action: 'decline', comment: '交期太晚，不接受' });
      assert.equal(no.statusCode, 200, no.body);
      assert.equal(no.json().state, 'declined');
      const ev = (await timeline(order.id)).find((e) => e.type === 'order.revision_customer_declined');
      assert.equal(ev?.data.comment, '交期太晚，不接受');
      assert.equal((await t.req(rep.session, 'GET', `/api/v1/orders/${order.id}/revisions`)).json().items[0].customer.state, 'declined');
    });

    test('a revision rejected internally or an order cancelled since cannot be answered; a rejected one cannot be asked (409)', async () => {
      const o = await t.req(rep.session, 'POST', '/api/v1/orders', { customerId: w.customerId, promisedDate: inDays(30), lines: [{ productId: w.productId, qty: 10, unitPrice: 100_000 }], submit: true, acknowledge: [{ code: 'POSSIBLE_DUPLICATE_ORDER', reason: '测试' }] });
      const orderId = o.json().order.id;
      await t.req(admin, 'POST', '/api/v1/admin/approval-rules', { name: '大额变更', condition: { field: 'amount', op: '>=', value: 50_000_000 }, levels: [{ approverRole: 'sales_manager' }] });
      const manager = (await t.as(['sales_manager'])).session;
      const r = await t.req(rep.session, 'POST', `/api/v1/orders/${orderId}/revisions`, { reason: '追加到 500 台', lines: [{ productId: w.productId, qty: 500, unitPrice: 100_000 }] });
      assert.equal(r.json().revision.state, 'pending_approval', r.body);
      const token = tokenOf((await askCustomer(orderId, r.json().revision.id)).json().url);
      const step = (await t.req(manager, 'GET', '/api/v1/approvals')).json().items.find((a: any) => a.documentId === r.json().revision.id);
      assert.equal((await t.req(manager, 'POST', `/api/v1/approvals/${step.id}/reject`, { comment: '库存不够' })).statusCode, 200);
      await t.req(admin, 'PATCH', `/api/v1/admin/approval-rules/${(await t.req(admin, 'GET', '/api/v1/admin/approval-rules')).json().items.find((x: any) => x.name === '大额变更').id}`, { active: false });
      const late = await t.req(null, 'POST', `/api/portal/${token}/confirm`, { action: 'confirm' });
      assert.equal(late.statusCode, 409);
      assert.equal(late.json().code, 'INVALID_STATE');
      assert.equal((await askCustomer(orderId, r.json().revision.id)).statusCode, 409);

      const { order, revision } = await revised();
      const open = tokenOf((await askCustomer(order.id, revision.id)).json().url);
      assert.equal((await t.req(rep.session, 'POST', `/api/v1/orders/${order.id}/cancel`, { reason: '客户取消' })).statusCode, 200);
      assert.equal((await t.req(null, 'POST', `/api/portal/${open}/confirm`, { action: 'confirm' })).statusCode, 409);
    });

    test('two answers at once: one is recorded, the other is told the change was answered', async () => {
      const { order, revision } = await revised();
      const token = tokenOf((await askCustomer(order.id, revision.id)).json().url);
      const rs = await Promise.all([
        t.req(null, 'POST', `/api/portal/${token}/confirm`, { action: 'confirm' }),
        t.req(null, 'POST', `/api/portal/${token}/confirm`, { action: 'decline', comment: '不要' }),
        t.req(null, 'POST', `/api/portal/${token}/confirm`, { action: 'confirm' }),
      ]);
      assert.deepEqual(rs.map((r) => r.statusCode).sort(), [200, 409, 409], rs.map((r) => r.body).join('\n'));
      const answers = (await timeline(order.id)).filter((e) => e.type.startsWith('order.revision_customer_') && e.type !== 'order.revision_customer_link');
      assert.equal(answers.length, 1);
    });

    test('an expired link answers 410; a new link replaces the old one; scope, unknown and mismatched ids are 404', async () => {
      const { order, revision } = await revised();
      const first = tokenOf((await askCustomer(order.id, revision.id)).json().url);
      const second = await askCustomer(order.id, revision.id);
      assert.equal(second.statusCode, 201);
      const old = await t.req(null, 'GET', `/api/portal/${first}`);
      assert.equal(old.statusCode, 410, 'the earlier link is revoked');
      assert.equal(old.json().code, 'LINK_EXPIRED');
      await t.db.handle.db.updateTable('customerLink').set({ expiresAt: new Date(Date.now() - 1000).toISOString() }).where('id', '=', second.json().id).execute();
      const token = tokenOf(second.json().url);
      assert.equal((await t.req(null, 'GET', `/api/portal/${token}`)).statusCode, 410);
      const late = await t.req(null, 'POST', `/api/portal/${token}/confirm`, { action: 'confirm' });
      assert.equal(late.statusCode, 410);
      assert.equal((await t.req(rep.session, 'GET', `/api/v1/orders/${order.id}/revisions`)).json().items[0].customer.state, 'requested');

      assert.equal((await askCustomer(order.id, revision.id, otherRep)).statusCode, 404, "another rep's order");
      assert.equal((await askCustomer(order.id, 'nope')).statusCode, 404);
      const other = await revised();
      assert.equal((await askCustomer(order.id, other.revision.id)).statusCode, 404, 'a revision of another order');
      assert.equal((await t.req(otherRep, 'DELETE', `/api/v1/customer-links/${second.json().id}`)).statusCode, 404, 'nor can they revoke its link');
      assert.equal((await t.req(rep.session, 'POST', `/api/v1/orders/${order.id}/revisions/${revision.id}/customer-link`, { expiresInDays: 0 })).statusCode, 400);
    });
  });
}
