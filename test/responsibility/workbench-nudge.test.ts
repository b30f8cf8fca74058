import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type Session, type TestApp } from '../helpers/app.ts';
import { dialects } from '../helpers/db.ts';
import { createWorkbench, runDigest } from '../../src/server/modules/workbench/index.ts';
import { confirmedOrder, dueAgo } from './helpers.ts';

/** An instant at the given China hour today. */
const chinaHour = (h: number) => {
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
  return new Date(`${day}T${String(h).padStart(2, '0')}:30:00+08:00`);
};

for (const d of await dialects()) {
  describe(`workbench: bulk nudge, stage filter, daily digest [${d.name}]`, { skip: d.skip }, () => {
    let t: TestApp;
    let admin: Session;
    before(async () => {
      t = await createTestApp(d.name);
      admin = (await t.as(['admin'])).session;
    });
    after(() => t?.close());

    const inapp = async (topic: string) =>
      (await t.db.handle.db.selectFrom('outbox').select('payload').where('channel', '=', 'inapp').where('topic', '=', topic).execute()).map((r) => JSON.parse(r.payload) as { userId: string; title: string; body: string });

    test('the rep sees their late orders with the stage, owner and due; filter by stage; nothing of other reps', async () => {
      const rep = await t.as(['sales']);
      const { order } = await confirmedOrder(t, admin, rep.session);
      await dueAgo(t, order.id, 'preparation', 2 * 1440);
      const items = (await t.req(rep.session, 'GET', '/api/v1/workbench')).json().items;
      const mine = items.find((i: any) => i.orderId === order.id);
      assert.deepEqual(mine.reasons, ['late_stage']);
      assert.deepEqual([mine.stage.stage, mine.stage.state, mine.stage.ownerId, mine.nextActionKey], ['preparation', 'late', rep.user.id, 'late_stage']);
      assert.ok(mine.stage.delayMinutes >= 2 * 1440 - 1 && mine.stage.dueAt);
      assert.equal((await t.req(rep.session, 'GET', '/api/v1/workbench?stage=shipping')).json().items.length, 0);
      assert.equal((await t.req(rep.session, 'GET', '/api/v1/workbench?stage=preparation')).json().items.length, 1);
      assert.equal((await t.req(rep.session, 'GET', '/api/v1/workbench?stage=nope')).statusCode, 400);
      const other = (await t.as(['sales'])).session;
      assert.deepEqual((await t.req(other, 'GET', '/api/v1/workbench')).json().items, []);
    });

    test('bulk nudge: per-item results, each on its timeline, one notification per owner listing their stages', async () => {
      const rep = await t.as(['sales']);
      const planner = await t.as(['planner']);
      const a = (await confirmedOrder(t, admin, rep.session)).order;
      const b = (await confirmedOrder(t, admin, rep.session)).order;
      const c = (await confirmedOrder(t, admin, rep.session)).order;
      for (const o of [b, c]) assert.equal((await t.req(rep.session, 'PATCH', `/api/v1/orders/${o.id}/stages/preparation`, { ownerId: planner.user.id, reason: '生产负责备货' })).statusCode, 200);
      const foreign = (await confirmedOrder(t, admin, (await t.as(['sales'])).session)).order;
      const before = (await inapp('stage.nudged')).length;

      const r = await t.req(rep.session, 'POST', '/api/v1/workbench/nudge', {
        items: [
          { orderId: a.id, stage: 'preparation' },
          { orderId: b.id, stage: 'preparation' },
          { orderId: c.id, stage: 'preparation' },
          { orderId: c.id, stage: 'preparation' },
          { orderId: foreign.id, stage: 'preparation' },
          { orderId: a.id, stage: 'review' },
        ],
        message: '客户催货',
      });
      assert.equal(r.statusCode, 200, r.body);
      assert.deepEqual(
        r.json().items.map((i: any) => [i.orderId, i.stage, i.ok, i.code ?? null]),
        [
          [a.id, 'preparation', true, null],
          [b.id, 'preparation', true, null],
          [c.id, 'preparation', true, null],
          [foreign.id, 'preparation', false, 'NOT_FOUND'],
          [a.id, 'review', false, 'INVALID_STATE'],
        ],
      );
      assert.equal(r.json().notified, 2);
      const sent = (await inapp('stage.nudged')).slice(before);
      assert.deepEqual(sent.map((n) => n.userId).sort(), [planner.user.id, rep.user.id].sort());
      const plannerNote = sent.find((n) => n.userId === planner.user.id)!;
      assert.ok(plannerNote.body.includes(b.number) && plannerNote.body.includes(c.number) && plannerNote.body.includes('客户催货'), plannerNote.body);
      assert.ok(plannerNote.title.includes('2'));
      for (const o of [a, b, c]) {
        const tl = (await t.req(rep.session, 'GET', `/api/v1/orders/${o.id}/timeline`)).json().items.filter((e: any) => e.type === 'stage.nudged');
        assert.equal(tl.length, 1, 'each nudge on its own timeline, once');
      }
      const foreignTl = await t.db.handle.db.selectFrom('event').select('id').where('entityId', '=', foreign.id).where('type', '=', 'stage.nudged').execute();
      assert.equal(foreignTl.length, 0);

      for (const [lang, word] of [
        ['zh-CN', 'items'],
        ['en-US', 'items'],
      ]) {
        const bad = await t.req(rep.session, 'POST', '/api/v1/workbench/nudge', { items: [] }, { 'accept-language': lang });
        assert.equal(bad.statusCode, 400);
        assert.equal(bad.json().details[0].path, word);
      }
      const badStage = await t.req(rep.session, 'POST', '/api/v1/workbench/nudge', { items: [{ orderId: a.id, stage: 'packing' }] }, { 'accept-language': 'en-US' });
      assert.equal(badStage.json().details[0].path, 'items.0.stage');
      assert.equal((await t.req(rep.session, 'POST', '/api/v1/workbench/nudge', { items: Array.from({ length: 201 }, () => ({ orderId: a.id, stage: 'preparation' })) })).statusCode, 400);
      assert.equal((await inapp('stage.nudged')).length, before + 2, 'refusals sent nothing');
    });

    test('the daily digest: not before the configured hour, then once per user and day even with workers racing', async () => {
      const rep = await t.as(['sales']);
      const { order } = await confirmedOrder(t, admin, rep.session);
      // Late already at the digest's simulated 10:30 China time, whatever the real time of day (600 minutes ago was after 10:30 from 20:30 on).
      await dueAgo(t, order.id, 'preparation', 2 * 1440);
      const idle = await t.as(['sales']);
      assert.equal((await t.req(admin, 'PUT', '/api/v1/admin/settings/workbench.digestHour', { value: 25 })).statusCode, 400);
      assert.equal((await t.req(admin, 'PUT', '/api/v1/admin/settings/workbench.digestHour', { value: 9 })).statusCode, 200);
      const build = createWorkbench(t.db.handle.db, t.config, t.services.shipping.exceptions);
      assert.equal(await runDigest(t.db.handle.db, t.config, build, chinaHour(8)), 0, 'before 09:00 China time nothing is sent');
      const runs = await Promise.all([0, 1, 2].map(() => runDigest(t.db.handle.db, t.config, build, chinaHour(10))));
      const digests = await inapp('workbench.digest');
      const forRep = digests.filter((n) => n.userId === rep.user.id);
      assert.equal(forRep.length, 1, `exactly one digest (runs sent ${runs.join('+')})`);
      assert.ok(forRep[0].body.includes(order.number), forRep[0].body);
      assert.ok(!digests.some((n) => n.userId === idle.user.id), 'a user with nothing at risk gets none');
      assert.equal(await runDigest(t.db.handle.db, t.config, build, chinaHour(15)), 0, 'later the same day: already sent');
      assert.equal((await t.db.handle.db.selectFrom('digestSent').select('userId').where('userId', '=', rep.user.id).execute()).length, 1);
      await t.req(admin, 'PUT', '/api/v1/admin/settings/workbench.digestHour', { value: null });
      const tomorrow = new Date(chinaHour(10).getTime() + 86_400_000);
      assert.equal(await runDigest(t.db.handle.db, t.config, build, tomorrow), 0, 'switched off');
    });
  });
}
