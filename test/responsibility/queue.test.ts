import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { scanStageAlerts } from '../../src/server/modules/sla/index.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { dialects } from '../helpers/db.ts';
import { dueAgo } from './helpers.ts';
import { cn, deliverAll, replan, shippingRule, slaWorld, stageNotes, worker } from './sla-helpers.ts';

/**
 * A stage whose rule gives it to a role queue (no named owner): the stage API and the
 * workbench say which queue (待认领 · 跟单员), a holder of the role claims it (one of two at
 * once), and escalation "to the owner's manager" reaches the managers of the queue's members,
 * or the sales managers when none of them has one.
 */
for (const d of await dialects()) {
  describe(`role-queued stages: queueRole, claim, escalation to the queue's managers [${d.name}]`, { skip: d.skip }, () => {
    let t: TestApp;
    let w: Awaited<ReturnType<typeof slaWorld>>;
    let team: string;
    before(async () => {
      t = await createTestApp(d.name);
      w = await slaWorld(t);
      // Coordinators see their team's orders: the rep is in their team.
      team = (await t.req(w.admin, 'POST', '/api/v1/admin/teams', { name: '华东跟单组' })).json().id;
      assert.equal((await t.req(w.admin, 'PATCH', `/api/v1/admin/users/${w.rep.user.id}`, { teamId: team })).statusCode, 200);
      const r = await t.req(w.admin, 'PATCH', `/api/v1/admin/sla-rules/${w.ruleId}`, { owner: { type: 'role', role: 'coordinator' } });
      assert.equal(r.statusCode, 200, r.body);
    });
    after(() => t?.close());

    const escalatedTo = async (orderId: string) => {
      const before = (await stageNotes(t)).length;
      await replan(t, orderId, '2026-10-09'); // due Thursday 8 October 18:00
      await scanStageAlerts(t.db.handle, { now: cn('2026-10-09T10:00') }); // level 1 only (level 2 comes a working day later)
      await deliverAll(worker(t));
      const notes = (await stageNotes(t)).slice(before).filter((n) => n.kind === 'stage.escalation');
      const alert = await t.db.handle.db.selectFrom('stageAlert').select(['recipients', 'note']).where('orderId', '=', orderId).where('kind', '=', 'escalation').where('level', '=', 1).executeTakeFirstOrThrow();
      return { users: notes.map((n) => n.userId).sort(), note: alert.note };
    };

    test('the stage API and the workbench name the queue; a holder of the role claims it, others cannot', async () => {
      const o = await w.order();
      const stages = (await t.req(w.rep.session, 'GET', `/api/v1/orders/${o.id}`)).json().stages;
      const shipping = stages.find((s: any) => s.stage === 'shipping');
      assert.deepEqual([shipping.ownerId, shipping.ownerName, shipping.queueRole], [null, null, 'coordinator']);
      assert.equal(stages.find((s: any) => s.stage === 'preparation').queueRole, null, 'a named owner has no queue');

      await dueAgo(t, o.id, 'shipping', 90);
      const coord = await t.as(['coordinator'], { teamId: team });
      const item = (await t.req(coord.session, 'GET', '/api/v1/workbench')).json().items.find((i: any) => i.orderId === o.id);
      assert.deepEqual([item.stage.stage, item.stage.ownerId, item.stage.queueRole, item.nextActionKey], ['shipping', null, 'coordinator', 'late_stage']);

      const claim = (s: typeof w.rep.session, stage = 'shipping', id = o.id) => t.req(s, 'POST', `/api/v1/orders/${id}/stages/${stage}/claim`, {});
      const notInQueue = await claim(w.rep.session, 'shipping');
      assert.equal(notInQueue.statusCode, 403, 'the rep does not hold the coordinator role');
      assert.equal((await claim((await t.as(['sales'])).session)).statusCode, 404, 'out of scope: as if it did not exist');
      assert.equal((await claim(coord.session, 'packing')).statusCode, 400);
      assert.equal((await claim(coord.session, 'preparation')).statusCode, 409, 'a stage with a named owner is not in a queue');

      const other = await t.as(['coordinator'], { teamId: team });
      const [a, b] = await Promise.all([claim(coord.session), claim(other.session)]);
      assert.deepEqual([a.statusCode, b.statusCode].sort(), [200, 409], 'two claims at once: one wins');
      const winner = a.statusCode === 200 ? coord : other;
      const after = (a.statusCode === 200 ? a : b).json().items.find((s: any) => s.stage === 'shipping');
      assert.deepEqual([after.ownerId, after.queueRole], [winner.user.id, null]);
      const events = (await t.req(w.rep.session, 'GET', `/api/v1/orders/${o.id}/timeline`)).json().items.filter((e: any) => e.type === 'stage.claimed');
      assert.equal(events.length, 1);
      assert.deepEqual([events[0].stage, events[0].actorId, events[0].data.role, events[0].data.to], ['shipping', winner.user.id, 'coordinator', winner.user.id]);
      assert.equal((await claim(other.session)).statusCode, 409, 'already claimed');
    });

    test("escalation to the owner's manager of a queued stage: the queue members' managers, else the sales managers", async () => {
      // Every coordinator so far has no manager: the sales managers answer for the queue.
      const first = await escalatedTo((await w.order()).id);
      const salesManagers = (await t.db.handle.db.selectFrom('userRole').innerJoin('appUser', 'appUser.id', 'userRole.userId').select('appUser.id').where('roleKey', '=', 'sales_manager').where('active', '=', 1).execute()).map((r) => r.id).sort();
      assert.ok(salesManagers.includes(w.boss.id));
      assert.deepEqual(first.users, salesManagers);
      assert.equal(first.note, 'queue_no_manager');

      // A coordinator with a team leader: the leader hears of the queue's late stage, nobody else.
      const teamLead = await t.user(['sales']);
      await t.user(['coordinator'], { managerId: teamLead.id });
      const second = await escalatedTo((await w.order()).id);
      assert.deepEqual(second.users, [teamLead.id]);
      assert.equal(second.note, 'queue_managers');
      const tl = (await t.req(w.rep.session, 'GET', `/api/v1/orders/${(await t.db.handle.db.selectFrom('stageAlert').select('orderId').where('note', '=', 'queue_managers').executeTakeFirstOrThrow()).orderId}/timeline`)).json().items.find((e: any) => e.type === 'stage.escalated');
      assert.deepEqual([tl.data.level, tl.data.recipients, tl.data.recipientNames.length], [1, [teamLead.id], 1]);

      // A stage with a named owner still goes to that owner's manager.
      const r = await t.req(w.admin, 'PATCH', `/api/v1/admin/sla-rules/${w.ruleId}`, { owner: shippingRule.owner });
      assert.equal(r.statusCode, 200, r.body);
      const named = await escalatedTo((await w.order()).id);
      assert.deepEqual(named.users, [w.lead.id]);
      assert.equal(named.note, null);
    });
  });
}
