import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type Session, type TestApp } from '../helpers/app.ts';
import { dialects } from '../helpers/db.ts';

const address = { label: '总部', province: '广东省', city: '深圳市', district: '南山区', detail: '科技园南区 8 栋 301', recipient: '陈小姐', phone: '13800138000' };
const valid = (over: Record<string, unknown> = {}) => ({
  name: '深圳市恒通电子有限公司',
  taxId: '91350100M000100Y43',
  tier: 'B',
  contacts: [{ name: '陈静', role: '采购经理', phone: '138 0013 8000' }],
  addresses: [address],
  ...over,
});

for (const d of await dialects()) {
  describe(`customers [${d.name}]`, { skip: d.skip }, () => {
    let t: TestApp;
    let admin: Session;
    let team: string;
    before(async () => {
      t = await createTestApp(d.name);
      admin = (await t.as(['admin'])).session;
      team = (await t.req(admin, 'POST', '/api/v1/admin/teams', { name: '华南销售组' })).json().id;
    });
    after(() => t?.close());

    const count = async () => Number((await t.db.handle.db.selectFrom('customer').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

    test('a valid customer is created with a generated code, normalized mobile and one default address', async () => {
      const { session } = await t.as(['sales']);
      const r = await t.req(session, 'POST', '/api/v1/customers', valid({ name: '广州明德机械有限公司', taxId: null, contacts: [{ name: '李明', phone: '+86 139-1234-5678' }] }));
      assert.equal(r.statusCode, 201, r.body);
      const { customer, warnings } = r.json();
      assert.match(customer.code, /^C\d{5}$/);
      assert.equal(customer.contacts[0].phone, '13912345678');
      assert.equal(customer.contacts[0].isPrimary, true);
      assert.equal(customer.addresses[0].isDefault, true);
      assert.equal(customer.province, '广东省');
      assert.equal(customer.ownerId, session.userId);
      assert.deepEqual(warnings, []);
      assert.equal(customer.creditLimit, 0);
      const svc = await t.as(['aftersales']);
      const seen = await t.req(svc.session, 'GET', `/api/v1/customers/${customer.id}`);
      assert.equal(seen.statusCode, 200);
      assert.equal(seen.json().creditLimit, undefined, 'after-sales role hides customer.creditLimit (field rule)');
    });

    test('bad input names the field and writes nothing: mobile, division, tax ID', async () => {
      const { session } = await t.as(['sales']);
      const n = await count();
      const cases: [Record<string, unknown>, string][] = [
        [valid({ contacts: [{ name: '王', phone: '12345678901' }] }), 'contacts.0.phone'],
        [valid({ addresses: [{ ...address, province: '广东省', city: '杭州市', district: '西湖区' }] }), 'addresses.0.city'],
        [valid({ taxId: '91350100M000100Y44' }), 'taxId'],
      ];
      for (const [body, path] of cases) {
        const r = await t.req(session, 'POST', '/api/v1/customers', body);
        assert.equal(r.statusCode, 400, `${path}: ${r.body}`);
        assert.equal(r.json().code, 'VALIDATION_FAILED');
        const detail = r.json().details.find((x: any) => x.path === path);
        assert.ok(detail, `expected ${path} in ${r.body}`);
        assert.ok(!/undefined/.test(detail.message), detail.message);
      }
      assert.equal(await count(), n);
    });

    test('possible duplicates by normalized name, tax ID or phone are returned as warnings; out-of-scope matches cannot be opened', async () => {
      const a = await t.as(['sales']);
      const b = await t.as(['sales']);
      const first = await t.req(a.session, 'POST', '/api/v1/customers', valid({ name: '上海恒达（集团）有限公司', taxId: '91310000MA1FL0LX3F' }));
      assert.equal(first.statusCode, 201, first.body);
      const dup = await t.req(b.session, 'POST', '/api/v1/customers', valid({ name: '上海 恒达集团 股份有限公司', taxId: null, contacts: [{ name: 'x', phone: '13700137000' }], duplicateReason: '同名不同主体' }));
      assert.equal(dup.statusCode, 201);
      const [w] = dup.json().warnings;
      assert.equal(w.code, 'POSSIBLE_DUPLICATE');
      const m = w.matches.find((x: any) => x.id === first.json().customer.id);
      assert.deepEqual(m.reasons, ['name']);
      assert.equal(m.canOpen, false);
      const check = await t.req(admin, 'POST', '/api/v1/customers/duplicates', { taxId: '91310000ma1fl0lx3f', phones: ['13800138000'] });
      const match = check.json().matches.find((x: any) => x.id === first.json().customer.id);
      assert.deepEqual(match.reasons.sort(), ['phone', 'taxId']);
      assert.equal(match.canOpen, true);
      const history = (await t.req(b.session, 'GET', `/api/v1/customers/${dup.json().customer.id}/history`)).json().items;
      assert.equal(history[0].data.duplicateReason, '同名不同主体');
    });

    test("data scope: a rep gets 404 for another rep's customer and never sees it listed; team scope and admin do", async () => {
      const mgr = await t.as(['sales_manager'], { teamId: team });
      const a = await t.as(['sales'], { teamId: team });
      const b = await t.as(['sales']);
      const c = (await t.req(a.session, 'POST', '/api/v1/customers', valid({ name: '东莞精工模具厂', taxId: null, contacts: [] }))).json().customer;
      const get = await t.req(b.session, 'GET', `/api/v1/customers/${c.id}`);
      assert.equal(get.statusCode, 404);
      assert.equal(get.json().code, 'NOT_FOUND');
      assert.equal((await t.req(b.session, 'PATCH', `/api/v1/customers/${c.id}`, { tier: 'A' })).statusCode, 404);
      assert.equal((await t.req(b.session, 'GET', `/api/v1/customers/${c.id}/history`)).statusCode, 404);
      const listB = (await t.req(b.session, 'GET', '/api/v1/customers?limit=200')).json().items;
      assert.ok(!listB.some((x: any) => x.id === c.id));
      const listMgr = (await t.req(mgr.session, 'GET', '/api/v1/customers?limit=200')).json().items;
      assert.ok(listMgr.some((x: any) => x.id === c.id));
      assert.equal((await t.req(admin, 'GET', `/api/v1/customers/${c.id}`)).statusCode, 200);
      const cross = await t.req(b.session, 'POST', '/api/v1/customers', valid({ name: '抢单公司', taxId: null, ownerId: a.user.id }));
      assert.equal(cross.statusCode, 400);
      assert.equal(cross.json().details[0].path, 'ownerId');
    });

    test('every change is versioned with old → new, stale versions conflict, the owner is notified', async () => {
      const owner = await t.as(['sales']);
      const c = (await t.req(owner.session, 'POST', '/api/v1/customers', valid({ name: '佛山顺德家电配件厂', taxId: null }))).json().customer;
      const r = await t.req(admin, 'PATCH', `/api/v1/customers/${c.id}`, {
        version: 1,
        tier: 'A',
        creditLimit: 50_000_00,
        addresses: [{ ...c.addresses[0], detail: '科技园南区 9 栋 101' }],
        reason: '年度评级',
      });
      assert.equal(r.statusCode, 200, r.body);
      assert.equal(r.json().version, 2);
      const stale = await t.req(admin, 'PATCH', `/api/v1/customers/${c.id}`, { version: 1, tier: 'C' });
      assert.equal(stale.statusCode, 409);
      const history = (await t.req(admin, 'GET', `/api/v1/customers/${c.id}/history`)).json().items;
      const upd = history.find((h: any) => h.type === 'customer.updated');
      const byField = Object.fromEntries(upd.changes.map((x: any) => [x.field, x]));
      assert.deepEqual([byField.tier.old, byField.tier.new], ['B', 'A']);
      assert.deepEqual([byField.creditLimit.old, byField.creditLimit.new], [0, 5_000_000]);
      assert.equal(byField['addresses[总部].detail'].new, '科技园南区 9 栋 101');
      assert.ok(upd.actorName);
      assert.equal(upd.data.reason, '年度评级');
      const notes = await t.db.handle.db.selectFrom('outbox').select(['payload']).where('topic', '=', 'customer.changed').execute();
      assert.ok(notes.some((n) => JSON.parse(n.payload).userId === owner.user.id));
      const same = await t.req(admin, 'PATCH', `/api/v1/customers/${c.id}`, { tier: 'A' });
      assert.equal(same.json().version, 2, 'a save without changes makes no version');
    });

    test('communication log: scoped to the customer, follow-up schedules a reminder for the owner', async () => {
      const owner = await t.as(['sales']);
      const other = await t.as(['sales']);
      const c = (await t.req(owner.session, 'POST', '/api/v1/customers', valid({ name: '苏州工业园区联创科技', taxId: null }))).json().customer;
      const followUpAt = new Date(Date.now() + 3 * 86_400_000).toISOString();
      const r = await t.req(owner.session, 'POST', '/api/v1/communications', { customerId: c.id, channel: 'wechat', summary: '客户口头要求 12 月 5 日前交货，颜色改为哑光黑', occurredAt: new Date().toISOString(), followUpAt });
      assert.equal(r.statusCode, 201, r.body);
      const reminder = await t.db.handle.db.selectFrom('outbox').selectAll().where('topic', '=', 'communication.follow_up').executeTakeFirstOrThrow();
      assert.equal(JSON.parse(reminder.payload).userId, owner.user.id);
      assert.ok(Math.abs(Date.parse(reminder.nextAttemptAt) - Date.parse(followUpAt)) < 5000);
      assert.equal((await t.req(other.session, 'POST', '/api/v1/communications', { customerId: c.id, channel: 'call', summary: 'x', occurredAt: new Date().toISOString() })).statusCode, 400);
      assert.equal((await t.req(other.session, 'GET', `/api/v1/communications?customerId=${c.id}`)).json().items.length, 0);
      const mine = (await t.req(owner.session, 'GET', `/api/v1/communications?customerId=${c.id}`)).json().items;
      assert.equal(mine.length, 1);
      assert.equal(mine[0].channel, 'wechat');
      const history = (await t.req(owner.session, 'GET', `/api/v1/customers/${c.id}/history`)).json().items;
      assert.ok(history.some((h: any) => h.type === 'communication.logged'));
    });
  });
}
