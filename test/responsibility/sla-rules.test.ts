import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { addWorkingTime, buildCalendar, promisedEnd } from '../../src/server/modules/sla/index.ts';
import { loadYears } from '../../src/server/modules/sla/sla.config.ts';
import { createTestApp, type Session, type TestApp } from '../helpers/app.ts';
import { dialects } from '../helpers/db.ts';
import { inDays, orderWorld } from '../orders/helpers.ts';
import { shippingRule } from './sla-helpers.ts';

for (const d of await dialects()) {
  describe(`SLA rules: /admin/sla-rules [${d.name}]`, { skip: d.skip }, () => {
    let t: TestApp;
    let admin: Session;
    let rep: Awaited<ReturnType<TestApp['as']>>;
    let world: Awaited<ReturnType<typeof orderWorld>>;
    before(async () => {
      t = await createTestApp(d.name);
      admin = (await t.as(['admin'])).session;
      rep = await t.as(['sales']);
      world = await orderWorld(t, admin, rep.session, { stock: 1000 });
    });
    after(() => t?.close());
    const rules = async () => (await t.req(admin, 'GET', '/api/v1/admin/sla-rules')).json().items as any[];
    const ruleOf = async (stage: string) => (await rules()).find((r) => r.stage === stage);
    const order = async (promised = 20) => {
      const r = await t.req(rep.session, 'POST', '/api/v1/orders', { customerId: world.customerId, promisedDate: inDays(promised), lines: [{ productId: world.productId, qty: 1, unitPrice: 100_000 }], submit: true, acknowledge: [{ code: 'POSSIBLE_DUPLICATE_ORDER', reason: 't' }] });
      assert.equal(r.statusCode, 201, r.body);
      return r.json().order;
    };
    const stages = async (id: string): Promise<Record<string, any>> => Object.fromEntries((await t.db.handle.db.selectFrom('orderStage').selectAll().where('orderId', '=', id).execute()).map((s) => [s.stage, s]));

    test('the seeded rule set keeps the former defaults: review 24 h after submit, preparation/shipping/delivery from the promised day', async () => {
      const list = await rules();
      assert.deepEqual(
        list.map((r) => [r.stage, r.due.anchor, r.due.amount, r.due.unit]),
        [
          ['review', 'order.submitted', 24, 'hours'],
          ['preparation', 'promised_date', -48, 'hours'],
          ['shipping', 'promised_date', -24, 'hours'],
          ['delivery', 'promised_date', 0, 'hours'],
        ],
      );
      const o = await order(10);
      const s = await stages(o.id);
      assert.equal(s.delivery.dueAt, new Date(`${inDays(10)}T23:59:59+08:00`).toISOString());
      assert.equal(s.shipping.dueAt, new Date(Date.parse(`${inDays(10)}T23:59:59+08:00`) - 86_400_000).toISOString());
      assert.equal(Date.parse(s.review.dueAt) - Date.parse(s.review.startedAt), 24 * 3_600_000);
      assert.ok(s.shipping.nextAlertAt, 'queued for the reminder scan');
    });

    test('an admin sets review due 4 working hours after submit and shipping one working day before the promised day', async () => {
      const review = await ruleOf('review');
      const r = await t.req(admin, 'PATCH', `/api/v1/admin/sla-rules/${review.id}`, { due: { anchor: 'order.submitted', amount: 4, unit: 'working_hours' }, version: review.version });
      assert.equal(r.statusCode, 200, r.body);
      assert.equal(r.json().version, review.version + 1);
      const shipping = await ruleOf('shipping');
      assert.equal((await t.req(admin, 'PATCH', `/api/v1/admin/sla-rules/${shipping.id}`, { due: shippingRule.due })).statusCode, 200);
      const o = await order(20);
      const s = await stages(o.id);
      const cal = buildCalendar(await loadYears(t.db.handle.db), 'Asia/Shanghai');
      assert.equal(s.review.dueAt, new Date(addWorkingTime(Date.parse(s.review.startedAt), { hours: 4 }, cal)).toISOString());
      const due = new Date(Date.parse(s.shipping.dueAt) + 8 * 3_600_000);
      assert.ok(due.getUTCHours() === 18 && due.getUTCMinutes() === 0, `shipping due at the end of a working day, got ${s.shipping.dueAt}`);
      assert.ok(Date.parse(s.shipping.dueAt) < promisedEnd(inDays(20)) - 6 * 3_600_000);
      assert.equal((await t.req(admin, 'PATCH', `/api/v1/admin/sla-rules/${review.id}`, { name: 'x', version: review.version })).statusCode, 409, 'stale version');
      const history = await t.db.handle.db.selectFrom('event').select(['type', 'data']).where('entityType', '=', 'sla_rule').where('entityId', '=', review.id).execute();
      assert.equal(history.length, 1);
      assert.deepEqual(JSON.parse(history[0].data).before.due, review.due, 'the former rule is on the audit log');
    });

    test('a rule referencing an unknown event is refused with a localized field error and changes nothing', async () => {
      const shipping = await ruleOf('shipping');
      const zh = await t.req(admin, 'PATCH', `/api/v1/admin/sla-rules/${shipping.id}`, { due: { anchor: 'order.paid', amount: 1, unit: 'working_days' } }, { 'accept-language': 'zh-CN' });
      assert.equal(zh.statusCode, 400);
      assert.equal(zh.json().code, 'VALIDATION_FAILED');
      const detail = zh.json().details.find((x: any) => x.path === 'due.anchor');
      assert.ok(detail?.message.includes('未知的锚点事件'), zh.body);
      const en = await t.req(admin, 'POST', '/api/v1/admin/sla-rules', { ...shippingRule, stage: 'billing', due: { anchor: 'invoice.sent', amount: 1, unit: 'working_days' } }, { 'accept-language': 'en-US' });
      assert.equal(en.statusCode, 400);
      assert.ok(en.json().details.find((x: any) => x.path === 'due.anchor')?.message.includes('unknown anchor event'), en.body);
      assert.deepEqual(await ruleOf('shipping'), shipping);
      assert.equal(await ruleOf('billing'), undefined);
    });

    test('other bad rules: unknown role, missing user, a second rule for a stage, levels out of order, non-admins', async () => {
      const bad = async (body: unknown, path: string, code: string) => {
        const r = await t.req(admin, 'POST', '/api/v1/admin/sla-rules', body, { 'accept-language': 'en-US' });
        assert.equal(r.statusCode, 400, r.body);
        const detail = r.json().details.find((x: any) => x.path === path);
        assert.ok(detail, `${path} in ${r.body}`);
        if (code) assert.equal(detail.code, code);
      };
      await bad({ ...shippingRule, stage: 'billing', owner: { type: 'role', role: 'wizard' } }, 'owner.role', 'unknown_role');
      await bad({ ...shippingRule, stage: 'billing', escalations: [{ ...shippingRule.escalations[0], to: { type: 'user', userId: 'nobody' } }] }, 'escalations.0.to.userId', 'not_found');
      await bad({ ...shippingRule, stage: 'shipping' }, 'stage', 'taken');
      await bad({ ...shippingRule, stage: 'billing', escalations: [shippingRule.escalations[1]] }, 'escalations.0.level', '');
      const mgr = (await t.as(['sales_manager'])).session;
      assert.equal((await t.req(mgr, 'GET', '/api/v1/admin/sla-rules')).statusCode, 403);
      assert.equal((await t.req(mgr, 'POST', '/api/v1/admin/sla-rules/dry-run', { rules: [] })).statusCode, 403);
    });

    test('a new rule with a role-queue owner: new orders put the stage in that queue', async () => {
      const r = await t.req(admin, 'POST', '/api/v1/admin/sla-rules', { ...shippingRule, stage: 'billing', name: '开票回款', owner: { type: 'role', role: 'finance' }, due: { anchor: 'order.delivered', amount: 3, unit: 'working_days' } });
      assert.equal(r.statusCode, 201, r.body);
      const o = await order(20);
      const s = await stages(o.id);
      assert.deepEqual([s.billing.ownerId, s.billing.ownerRole, s.billing.dueAt], [null, 'finance', null], 'due once the order is delivered');
      assert.equal(s.shipping.ownerId, rep.user.id);
    });

    test('dry run: due times and how many stages would be late or reminded under the proposed rules, changing nothing', async () => {
      const o = await order(5);
      const before = await stages(o.id);
      const proposal = { ...shippingRule, stage: 'shipping', due: { anchor: 'promised_date', amount: -30, unit: 'working_days' } };
      const r = await t.req(admin, 'POST', '/api/v1/admin/sla-rules/dry-run', { rules: [proposal] });
      assert.equal(r.statusCode, 200, r.body);
      const body = r.json();
      const ship = body.stages.find((s: any) => s.stage === 'shipping');
      assert.ok(body.orders >= 1);
      assert.equal(ship.late, ship.withDue, 'thirty working days before any promised date within 20 days is past');
      assert.ok(ship.late >= 1 && ship.escalated >= 1);
      const sample = body.samples.find((x: any) => x.orderId === o.id && x.stage === 'shipping');
      assert.equal(sample.state, 'late');
      assert.ok(Date.parse(sample.proposedDueAt) < Date.now());
      assert.equal(sample.currentDueAt, before.shipping.dueAt);
      const relaxed = (await t.req(admin, 'POST', '/api/v1/admin/sla-rules/dry-run', { rules: [{ ...proposal, due: { anchor: 'promised_date', amount: 0, unit: 'hours' }, reminders: [] }] })).json();
      assert.equal(relaxed.stages.find((s: any) => s.stage === 'shipping').late, 0);
      const unknown = await t.req(admin, 'POST', '/api/v1/admin/sla-rules/dry-run', { rules: [{ ...proposal, due: { ...proposal.due, anchor: 'order.lost' } }] });
      assert.equal(unknown.statusCode, 400);
      assert.deepEqual(await stages(o.id), before, 'a dry run changes nothing');
    });
  });
}
