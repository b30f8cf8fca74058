import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { scanStageAlerts } from '../../src/server/modules/sla/index.ts';
import { openDatabase } from '../../src/server/platform/db/database.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { dialects } from '../helpers/db.ts';
import { startWorker } from '../../src/server/main.ts';
import { cn, deliverAll, replan, shippingRule, show, slaWorld, stageNotes, worker } from './sla-helpers.ts';

/** Resolves for everyone once `n` callers have arrived (or after 10 s, so a broken lock cannot hang the suite). */
function barrier(n: number) {
  let arrived = 0;
  let open!: () => void;
  const done = new Promise<void>((r) => (open = r));
  const timer = setTimeout(open, 10_000);
  return async () => {
    if (++arrived === n) {
      clearTimeout(timer);
      open();
    }
    await done;
  };
}

for (const d of await dialects()) {
  describe(`stage reminders and escalations [${d.name}]`, { skip: d.skip }, () => {
    let t: TestApp;
    let w: Awaited<ReturnType<typeof slaWorld>>;
    before(async () => {
      t = await createTestApp(d.name);
      w = await slaWorld(t);
    });
    after(() => t?.close());
    const alertsOf = (orderId: string) => t.db.handle.db.selectFrom('stageAlert').selectAll().where('orderId', '=', orderId).orderBy('fireAt').execute();

    test('a simulated clock through the National Day week: the exact reminders and escalations, who, which level, when', async () => {
      const o = await w.order();
      // Promised Friday 9 October: shipping is due one working day before — Thursday 8 October
      // 18:00, the first working day after the 1–7 October holiday.
      await replan(t, o.id, '2026-10-09');
      const stage = await t.db.handle.db.selectFrom('orderStage').select('dueAt').where('orderId', '=', o.id).where('stage', '=', 'shipping').executeTakeFirstOrThrow();
      assert.equal(show(stage.dueAt!), '2026-10-08 18:00');
      const outbox = worker(t);
      const sent: [string, string, string][] = [];
      const names = new Map([[w.rep.user.id, 'rep'], [w.lead.id, 'lead'], [w.boss.id, 'boss'], [w.coord.id, 'coord']]);
      let seen = (await stageNotes(t)).length;
      for (let now = cn('2026-09-28T00:00'); now <= cn('2026-10-12T00:00'); now += 30 * 60_000) {
        await scanStageAlerts(t.db.handle, { now });
        await deliverAll(outbox);
        const notes = await stageNotes(t);
        for (const n of notes.slice(seen)) sent.push([show(now), n.kind, names.get(n.userId) ?? n.userId]);
        seen = notes.length;
      }
      assert.deepEqual(sent, [
        ['2026-09-30 18:00', 'stage.reminder', 'rep'], // one working day before due: the working day before the holiday
        ['2026-10-08 14:00', 'stage.reminder', 'rep'], // four working hours before due (13:00–18:00 less one)
        ['2026-10-09 09:00', 'stage.escalation', 'lead'], // due at 18:00; the first working time after is Friday 09:00
        ['2026-10-10 09:00', 'stage.escalation', 'boss'], // a working day later: the make-up Saturday
      ]);
      const alerts = await alertsOf(o.id);
      assert.deepEqual(
        alerts.map((a) => [a.kind, a.level, show(a.fireAt), a.state, JSON.parse(a.recipients).map((id: string) => names.get(id))]),
        [
          ['reminder', 1, '2026-09-30 18:00', 'sent', ['rep']],
          ['reminder', 2, '2026-10-08 14:00', 'sent', ['rep']],
          ['escalation', 1, '2026-10-09 09:00', 'sent', ['lead']],
          ['escalation', 2, '2026-10-10 09:00', 'sent', ['boss']],
        ],
      );
      const emails = await t.db.handle.db.selectFrom('outbox').select(['topic', 'payload']).where('channel', '=', 'email').where('topic', 'like', 'stage.%').execute();
      assert.deepEqual(emails.map((e) => [e.topic, names.get(JSON.parse(e.payload).userId)]).sort(), [['stage.escalation', 'boss'], ['stage.reminder', 'rep']], 'email only where the rule asks for it');
      const timeline = (await t.req(w.rep.session, 'GET', `/api/v1/orders/${o.id}/timeline`)).json().items.filter((e: any) => e.type === 'stage.reminded' || e.type === 'stage.escalated');
      assert.equal(timeline.length, 4);
      const notes = await stageNotes(t);
      assert.match(notes[0].title, /提醒：订单 .+ 的「发货」环节将于 2026-10-08 18:00 到期/);
      assert.match(notes[3].title, /超期升级（第 2 级）/);
    });

    test('two workers scanning and delivering at once send each alert once', async () => {
      const orders = [];
      for (let i = 0; i < 8; i++) orders.push(await w.order());
      for (const o of orders) await replan(t, o.id, '2026-10-09');
      const before = (await stageNotes(t)).length;
      // PostgreSQL: two connection pools, as two worker processes would have. SQLite serializes writers anyway.
      const second = d.name === 'postgres' ? openDatabase(t.db.url) : t.db.handle;
      try {
        const now = cn('2026-10-12T10:00');
        // PostgreSQL: each worker's first batch waits (inside its transaction, rows locked) until
        // the other has claimed its own, so both hold stages at once whatever the scheduler does.
        // SQLite serializes the transactions: no wait there, it would deadlock.
        const both = d.name === 'postgres' ? barrier(2) : undefined;
        const opts = (first = true) => ({ now, batchSize: 2, claimed: async () => { if (first && both) { first = false; await both(); } } });
        const [a, b] = await Promise.all([scanStageAlerts(t.db.handle, opts()), scanStageAlerts(second, opts())]);
        assert.equal(a.alerts + b.alerts, 16, 'two escalation levels per order; the reminders passed unsent while the worker was away are superseded by none (the deadline is gone)');
        if (d.name === 'postgres') assert.ok(a.stages > 0 && b.stages > 0, `both workers took stages (${a.stages}/${b.stages})`);
        await Promise.all([deliverAll(worker(t)), deliverAll(worker(t, second))]);
      } finally {
        if (second !== t.db.handle) await second.close();
      }
      const notes = (await stageNotes(t)).slice(before);
      assert.equal(notes.length, 16);
      assert.equal(notes.filter((n) => n.userId === w.lead.id && n.kind === 'stage.escalation').length, 8);
      assert.equal(notes.filter((n) => n.userId === w.boss.id && n.kind === 'stage.escalation').length, 8);
      for (const o of orders) assert.deepEqual((await alertsOf(o.id)).map((a) => [a.kind, a.level, a.state]), [['escalation', 1, 'sent'], ['escalation', 2, 'sent']]);
    });

    test('a worker that dies half-way and a new one: nothing twice, nothing lost — also with the clock set back', async () => {
      const orders = [];
      for (let i = 0; i < 5; i++) orders.push(await w.order());
      for (const o of orders) await replan(t, o.id, '2026-10-09');
      const before = (await stageNotes(t)).length;
      const now = cn('2026-10-12T10:00');
      const first = await scanStageAlerts(t.db.handle, { now, batchSize: 2, maxBatches: 1 });
      assert.deepEqual([first.stages, first.alerts], [2, 4], 'the first worker got through one batch');
      // Its deliveries never ran. A new worker instance picks up where it stopped.
      const second = await scanStageAlerts(t.db.handle, { now });
      assert.equal(second.alerts, 6);
      assert.equal((await scanStageAlerts(t.db.handle, { now })).alerts, 0, 'a second pass finds nothing');
      assert.equal((await scanStageAlerts(t.db.handle, { now: now - 86_400_000 })).alerts, 0, 'clock set back a day');
      const w2 = worker(t);
      await deliverAll(w2);
      assert.equal((await stageNotes(t)).length - before, 10, 'all ten escalations, each once');
      // A job run again after its delivery (the attempt was never recorded) sends nothing.
      const job = await t.db.handle.db.selectFrom('outbox').select(['id', 'payload']).where('channel', '=', 'stage_alert').orderBy('createdAt', 'desc').executeTakeFirstOrThrow();
      const { createStageAlertHandler } = await import('../../src/server/modules/sla/index.ts');
      await createStageAlertHandler(t.db.handle, t.config)({ id: job.id, channel: 'stage_alert', topic: 'stage.escalation', payload: JSON.parse(job.payload), attempt: 2 });
      await deliverAll(w2);
      assert.equal((await stageNotes(t)).length - before, 10);
    });

    test('reassigning a stage while its reminder is queued: the new owner gets it, the old one does not', async () => {
      const o = await w.order();
      await replan(t, o.id, '2026-10-09');
      const before = (await stageNotes(t)).length;
      const scan = await scanStageAlerts(t.db.handle, { now: cn('2026-10-08T15:00') });
      assert.equal(scan.alerts, 1, 'the latest reminder only; the one-day reminder the worker missed is superseded');
      const r = await t.req(w.rep.session, 'PATCH', `/api/v1/orders/${o.id}/stages/shipping`, { ownerId: w.coord.id, reason: '跟单员接手发货' });
      assert.equal(r.statusCode, 200, r.body);
      await deliverAll(worker(t));
      const notes = (await stageNotes(t)).slice(before).filter((n) => n.kind === 'stage.reminder');
      assert.deepEqual(notes.map((n) => n.userId), [w.coord.id]);
      const alerts = await alertsOf(o.id);
      assert.deepEqual(alerts.map((a) => [a.kind, a.level, a.state, a.note]), [['reminder', 1, 'dropped', 'superseded'], ['reminder', 2, 'sent', null]]);
    });

    test('a disabled owner: the stage goes to the role queue, the queue is reminded and the manager is told', async () => {
      const rep2 = await t.as(['sales'], { managerId: w.lead.id });
      const o = await w.order();
      const r = await t.req(w.rep.session, 'PATCH', `/api/v1/orders/${o.id}/stages/shipping`, { ownerId: rep2.user.id, reason: '交接' });
      assert.equal(r.statusCode, 200, r.body);
      await replan(t, o.id, '2026-10-09');
      await deliverAll(worker(t)); // the hand-over notice
      const before = (await stageNotes(t)).length;
      await scanStageAlerts(t.db.handle, { now: cn('2026-10-08T15:00') });
      assert.equal((await t.req(w.admin, 'PATCH', `/api/v1/admin/users/${rep2.user.id}`, { active: false })).statusCode, 200);
      const moved = await t.db.handle.db.selectFrom('orderStage').select(['stage', 'ownerId', 'ownerRole']).where('orderId', '=', o.id).where('stage', 'in', ['shipping', 'preparation']).orderBy('stage').execute();
      assert.deepEqual(moved, [{ stage: 'preparation', ownerId: w.rep.user.id, ownerRole: null }, { stage: 'shipping', ownerId: null, ownerRole: 'coordinator' }], 'at once, in the transaction that disabled the owner');
      await deliverAll(worker(t));
      const notes = (await stageNotes(t)).slice(before);
      assert.deepEqual(notes.map((n) => [n.kind, n.userId]).sort(), [['stage.owner_disabled', w.lead.id], ['stage.reminder', w.coord.id]].sort());
      const stage = await t.db.handle.db.selectFrom('orderStage').select(['ownerId', 'ownerRole']).where('orderId', '=', o.id).where('stage', '=', 'shipping').executeTakeFirstOrThrow();
      assert.deepEqual(stage, { ownerId: null, ownerRole: 'coordinator' });
      const types = (await t.req(w.admin, 'GET', `/api/v1/orders/${o.id}/timeline`)).json().items.map((e: any) => e.type);
      assert.ok(types.includes('stage.reassigned') && types.includes('stage.reminded'));
    });

    test('a stage finished before its alert goes out sends nothing; a finished stage is not scanned again', async () => {
      const o = await w.order();
      await replan(t, o.id, '2026-10-09');
      await scanStageAlerts(t.db.handle, { now: cn('2026-10-08T15:00') });
      await t.db.handle.db.updateTable('orderStage').set({ completedAt: new Date().toISOString() }).where('orderId', '=', o.id).where('stage', '=', 'shipping').execute();
      const before = (await stageNotes(t)).length;
      await deliverAll(worker(t));
      assert.equal((await stageNotes(t)).length, before);
      assert.deepEqual((await alertsOf(o.id)).map((a) => [a.level, a.state, a.note]), [[1, 'dropped', 'superseded'], [2, 'dropped', 'stage_closed']]);
    });
  });
}

for (const d of await dialects()) {
  describe(`alert channels, rule changes and the worker loop [${d.name}]`, { skip: d.skip }, () => {
    let t: TestApp;
    let w: Awaited<ReturnType<typeof slaWorld>>;
    before(async () => {
      t = await createTestApp(d.name, { slaScanMs: 100 });
      w = await slaWorld(t);
    });
    after(() => t?.close());

    test('the webhook channel: group robots subscribed to stage events get the escalations whose level asks for it, and only those', async () => {
      const hook = await t.req(w.admin, 'POST', '/api/v1/admin/webhooks', { name: '跟单群', url: 'http://127.0.0.1:9/robot', preset: 'wecom', topics: ['stage.*'] });
      assert.equal(hook.statusCode, 201, hook.body);
      const rule = shippingRule.escalations.map((e, i) => (i === 0 ? { ...e, channels: ['inapp', 'webhook'] } : e));
      assert.equal((await t.req(w.admin, 'PATCH', `/api/v1/admin/sla-rules/${w.ruleId}`, { escalations: rule })).statusCode, 200);
      const o = await w.order();
      await replan(t, o.id, '2026-10-09');
      await scanStageAlerts(t.db.handle, { now: cn('2026-10-12T10:00') });
      await deliverAll(worker(t));
      const rows = await t.db.handle.db.selectFrom('outbox').select(['topic', 'payload']).where('channel', '=', 'webhook').execute();
      const mine = rows.map((r) => JSON.parse(r.payload).event).filter((e: any) => e.entityId === o.id);
      assert.deepEqual(mine.map((e: any) => [e.type, e.data.level]), [['stage.escalated', 1]]);
      assert.match(mine[0].data.title, /超期升级（第 1 级）/);
      assert.equal((await t.req(w.admin, 'PATCH', `/api/v1/admin/sla-rules/${w.ruleId}`, { escalations: shippingRule.escalations })).statusCode, 200);
    });

    test('a rule change re-times the alerts not yet sent, at once; what was sent for a deadline is not sent again', async () => {
      const o = await w.order();
      await replan(t, o.id, '2026-10-09');
      await scanStageAlerts(t.db.handle, { now: cn('2026-10-08T10:00') });
      const stageRow = () => t.db.handle.db.selectFrom('orderStage').select('nextAlertAt').where('orderId', '=', o.id).where('stage', '=', 'shipping').executeTakeFirstOrThrow();
      assert.equal(show((await stageRow()).nextAlertAt!), '2026-10-08 14:00', 'next: reminder 2, four working hours before due');
      const reminders = [shippingRule.reminders[0], { before: { amount: 6, unit: 'working_hours' }, channels: ['inapp'] }];
      const r = await t.req(w.admin, 'PATCH', `/api/v1/admin/sla-rules/${w.ruleId}`, { reminders });
      assert.equal(r.statusCode, 200, r.body);
      await scanStageAlerts(t.db.handle, { now: cn('2026-10-08T10:30') });
      assert.equal(show((await stageRow()).nextAlertAt!), '2026-10-08 11:00', 'six working hours before 18:00, with the lunch break, is 11:00');
      await scanStageAlerts(t.db.handle, { now: cn('2026-10-08T11:00') });
      const alerts = await t.db.handle.db.selectFrom('stageAlert').select(['level', 'fireAt', 'state']).where('orderId', '=', o.id).where('kind', '=', 'reminder').orderBy('level').execute();
      assert.deepEqual(alerts.map((a) => [a.level, show(a.fireAt), a.state]), [[1, '2026-09-30 18:00', 'queued'], [2, '2026-10-08 11:00', 'queued']]);
      assert.equal((await t.req(w.admin, 'PATCH', `/api/v1/admin/sla-rules/${w.ruleId}`, { reminders: shippingRule.reminders })).statusCode, 200);
    });

    test('the worker started by the server scans on its own and delivers', async () => {
      const o = await w.order();
      await replan(t, o.id, '2026-10-09');
      const running = startWorker(t.ctx);
      try {
        const until = Date.now() + 10_000;
        let sent: { level: number; state: string }[] = [];
        while (Date.now() < until) {
          sent = await t.db.handle.db.selectFrom('stageAlert').select(['level', 'state']).where('orderId', '=', o.id).where('state', '=', 'sent').orderBy('level').execute();
          if (sent.length === 2) break;
          await new Promise((r) => setTimeout(r, 100));
        }
        assert.deepEqual(sent, [{ level: 1, state: 'sent' }, { level: 2, state: 'sent' }], 'both escalation levels of a deadline weeks past, from the real clock');
      } finally {
        await running.stop();
      }
    });
  });
}
