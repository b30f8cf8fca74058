import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type Session, type TestApp } from '../helpers/app.ts';
import { dialects } from '../helpers/db.ts';

for (const d of await dialects()) {
  describe(`approval-gated customer fields [${d.name}]`, { skip: d.skip }, () => {
    let t: TestApp;
    let admin: Session;
    let team: string;
    before(async () => {
      t = await createTestApp(d.name);
      admin = (await t.as(['admin'])).session;
      team = (await t.req(admin, 'POST', '/api/v1/admin/teams', { name: '华东一组' })).json().id;
    });
    after(() => t?.close());

    test('admin settings: gated fields are configurable; bad values are 400', async () => {
      const all = (await t.req(admin, 'GET', '/api/v1/admin/settings')).json();
      assert.deepEqual(all['customer.approvalFields'], ['creditLimit', 'taxId', 'invoice']);
      const bad = await t.req(admin, 'PUT', '/api/v1/admin/settings/customer.approvalFields', { value: ['creditLimit', 'shoeSize'] });
      assert.equal(bad.statusCode, 400);
      const ok = await t.req(admin, 'PUT', '/api/v1/admin/settings/customer.approvalFields', { value: ['creditLimit', 'taxId', 'invoice', 'paymentTermsDays'] });
      assert.equal(ok.statusCode, 200);
      const { session } = await t.as(['sales']);
      assert.equal((await t.req(session, 'PUT', '/api/v1/admin/settings/company.name', { value: 'x' })).statusCode, 403);
    });

    test("a rep's credit-limit change waits for the team manager; other fields apply at once; approval applies it", async () => {
      const mgr = await t.as(['sales_manager'], { teamId: team });
      const rep = await t.as(['sales'], { teamId: team, managerId: mgr.user.id });
      const c = (await t.req(rep.session, 'POST', '/api/v1/customers', { name: '杭州远景照明', creditLimit: 0 })).json().customer;
      const r = await t.req(rep.session, 'PATCH', `/api/v1/customers/${c.id}`, { creditLimit: 200_000_00, paymentTermsDays: 60, tier: 'A', reason: '年框合同' });
      assert.equal(r.statusCode, 200, r.body);
      const after = r.json();
      assert.equal(after.tier, 'A', 'ungated field applied');
      assert.equal(after.creditLimit, 0, 'gated field not applied yet');
      assert.equal(after.paymentTermsDays, 30);
      assert.equal(after.pendingChanges.length, 1);
      const pending = after.pendingChanges[0];
      assert.deepEqual(
        pending.changes.map((x: any) => [x.field, x.old, x.new]).sort(),
        [
          ['creditLimit', 0, 20_000_000],
          ['paymentTermsDays', 30, 60],
        ],
      );
      const notes = await t.db.handle.db.selectFrom('outbox').select('payload').where('topic', '=', 'customer.change_requested').execute();
      assert.ok(notes.some((n) => JSON.parse(n.payload).userId === mgr.user.id), 'the manager is asked');

      assert.equal((await t.req(rep.session, 'POST', `/api/v1/customer-change-requests/${pending.id}/approve`, {})).statusCode, 403, 'a rep cannot approve');
      const inbox = (await t.req(mgr.session, 'GET', '/api/v1/customer-change-requests?state=pending')).json().items;
      assert.ok(inbox.some((x: any) => x.id === pending.id));
      const outsider = await t.as(['sales_manager']);
      assert.equal((await t.req(outsider.session, 'POST', `/api/v1/customer-change-requests/${pending.id}/approve`, {})).statusCode, 404, 'another team cannot decide');
      const ok = await t.req(mgr.session, 'POST', `/api/v1/customer-change-requests/${pending.id}/approve`, { comment: '同意' });
      assert.equal(ok.statusCode, 200, ok.body);
      assert.equal(ok.json().state, 'approved');
      const now = (await t.req(rep.session, 'GET', `/api/v1/customers/${c.id}`)).json();
      assert.equal(now.creditLimit, 20_000_000);
      assert.equal(now.paymentTermsDays, 60);
      assert.deepEqual(now.pendingChanges, []);
      assert.equal((await t.req(mgr.session, 'POST', `/api/v1/customer-change-requests/${pending.id}/reject`, { comment: 'x' })).statusCode, 409, 'decided once');
      const types = (await t.req(rep.session, 'GET', `/api/v1/customers/${c.id}/history`)).json().items.map((h: any) => h.type);
      assert.deepEqual(types.slice(0, 4), ['customer.change_approved', 'customer.updated', 'customer.change_requested', 'customer.updated']);
    });

    test('rejection needs a comment, leaves the customer unchanged and tells the requester', async () => {
      const mgr = await t.as(['sales_manager'], { teamId: team });
      const rep = await t.as(['sales'], { teamId: team });
      const c = (await t.req(rep.session, 'POST', '/api/v1/customers', { name: '嘉兴恒力纺织' })).json().customer;
      const pending = (await t.req(rep.session, 'PATCH', `/api/v1/customers/${c.id}`, { taxId: '91440300MA5DC12341' })).json().pendingChanges[0];
      assert.equal((await t.req(mgr.session, 'POST', `/api/v1/customer-change-requests/${pending.id}/reject`, {})).statusCode, 400);
      const r = await t.req(mgr.session, 'POST', `/api/v1/customer-change-requests/${pending.id}/reject`, { comment: '税号与营业执照不符' });
      assert.equal(r.json().state, 'rejected');
      assert.equal((await t.req(rep.session, 'GET', `/api/v1/customers/${c.id}`)).json().taxId, null);
      const notes = await t.db.handle.db.selectFrom('outbox').select('payload').where('topic', '=', 'customer.change_rejected').execute();
      assert.ok(notes.some((n) => JSON.parse(n.payload).userId === rep.user.id));
    });
  });
}
