import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { stageNames } from '../../src/contracts/stages.ts';
import { systemActor, type Actor } from '../../src/server/platform/http/actor.ts';
import { delayGroups, LEAD_BUCKET_MINUTES, leadTimeBuckets, monthSplit } from '../../src/server/modules/responsibility/reports.repository.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { dialects } from '../helpers/db.ts';
import { insertCustomers, insertUsers, seededInts } from '../helpers/factories.ts';

const AT = '2026-01-01T00:00:00.000Z';
const USERS = ['st-u0', 'st-u1'];
// Completion days 2025-12-25 … 2026-04-10: four month ends inside.
const FIRST_DAY = Date.parse('2025-12-25T00:00:00.000Z');
const DAYS = 107;
const day = (i: number) => new Date(FIRST_DAY + i * 86_400_000).toISOString().slice(0, 10);

/** `orderOwner` (not a stage column) is the order's owner: a rep's scope follows it. */
type Stage = { orderId: string; orderOwner: string; stage: string; ownerId: string | null; delayReason: string | null; completedDate: string | null; leadMinutes: number | null; delayMinutes: number | null };

describe('stage month split (pure)', () => {
  test('whole months inside a range come from the summary, the days at its ends from the index', () => {
    assert.deepEqual(monthSplit({ from: '2026-01-15', to: '2026-04-10' }), { months: { first: '2026-02', last: '2026-03' }, days: [{ from: '2026-01-15', to: '2026-01-31' }, { from: '2026-04-01', to: '2026-04-10' }] });
    assert.deepEqual(monthSplit({ from: '2026-02-01', to: '2026-02-28' }), { months: { first: '2026-02', last: '2026-02' }, days: [] });
    assert.deepEqual(monthSplit({ from: '2025-12-31', to: '2026-01-30' }), { months: null, days: [{ from: '2025-12-31', to: '2026-01-30' }] });
    assert.deepEqual(monthSplit({}), { months: { first: undefined, last: undefined }, days: [] });
    assert.deepEqual(monthSplit({ to: '2026-03-05' }), { months: { first: undefined, last: '2026-02' }, days: [{ from: '2026-03-01', to: '2026-03-05' }] });
  });
});

for (const d of await dialects()) {
  describe(`stage_month summary [${d.name}]`, { skip: d.skip }, () => {
    let t: TestApp;
    const stages = new Map<string, Stage>();
    const random = seededInts(20261128);

    before(async () => {
      t = await createTestApp(d.name);
      const db = t.db.handle.db;
      await insertUsers(db, USERS);
      await insertCustomers(db, USERS[0]!, [{ id: 'st-c0', name: '环节汇总客户' }]);
      const finish = () => ({ completedDate: day(random(DAYS)), leadMinutes: random(5) === 0 ? null : random(3000), delayMinutes: random(3) === 0 ? random(4000) + 1 : 0 });
      for (let i = 0; i < 80; i++) {
        const orderId = `st-o${i}`;
        const ownerId = USERS[i % 2]!;
        await db.insertInto('salesOrder').values({ id: orderId, customerId: 'st-c0', ownerId, status: 'confirmed', confirmedAt: AT, net: 100, gross: 113, createdAt: AT, number: `ST-${i}`, currency: 'CNY', promisedDate: '2026-06-01', priority: 'normal', nonStandard: 0, createdBy: USERS[0], tax: 13, linesHash: 'x', warnings: '[]', customFields: '{}', version: 1, updatedAt: AT } as never).execute();
        const rows = stageNames.map((stage) => ({ orderId, orderOwner: ownerId, stage, ownerId, delayReason: random(2) ? null : 'capacity', ...(random(3) ? finish() : { completedDate: null, leadMinutes: null, delayMinutes: null }) }));
        await db.insertInto('orderStage').values(rows.map(({ orderOwner: _, ...r }) => ({ ...r, dueAt: null, startedAt: AT, completedAt: r.completedDate ? `${r.completedDate}T04:00:00.000Z` : null, skipped: 0 })) as never).execute();
        for (const r of rows) stages.set(`${orderId}:${r.stage}`, r);
      }
      // Every kind of write the summary must follow, alone or several in one transaction.
      const keys = [...stages.keys()];
      const patchOf = (s: Stage): Partial<Stage> =>
        [
          () => finish(),
          () => ({ completedDate: null, leadMinutes: null, delayMinutes: null }),
          () => ({ leadMinutes: s.leadMinutes === null ? 5 : s.leadMinutes + LEAD_BUCKET_MINUTES }),
          () => ({ delayMinutes: (s.delayMinutes ?? 0) + 30 }),
          () => ({ delayMinutes: 0 }),
          () => ({ completedDate: day(random(DAYS)) }),
          () => ({ ownerId: random(3) ? USERS[random(2)]! : null }),
          () => ({ delayReason: [null, 'capacity', 'material'][random(3)]! }),
        ][random(8)]!();
      const apply = async (db: typeof t.db.handle.db, s: Stage, patch: Partial<Stage>) => {
        await db.updateTable('orderStage').set(patch as never).where('orderId', '=', s.orderId).where('stage', '=', s.stage as never).execute();
        Object.assign(s, patch);
      };
      for (let i = 0; i < 300; i++) {
        const s = stages.get(keys[random(keys.length)]!)!;
        if (i % 3 === 0) await t.db.handle.db.transaction().execute(async (tx) => {
          await apply(tx, s, patchOf(s));
          await apply(tx, s, patchOf(s));
        });
        else await apply(t.db.handle.db, s, patchOf(s));
      }
      for (const k of keys.slice(0, 21)) {
        const s = stages.get(k)!;
        await t.db.handle.db.deleteFrom('orderStage').where('orderId', '=', s.orderId).where('stage', '=', s.stage as never).execute();
        stages.delete(k);
      }
    });
    after(() => t?.close());

    const finished = () => [...stages.values()].filter((s) => s.completedDate !== null);
    const bucketOf = (s: Stage) => (s.leadMinutes === null ? -1 : Math.trunc(s.leadMinutes / LEAD_BUCKET_MINUTES));

    test('after inserts, updates of every watched column, multi-statement transactions and deletes, both summaries equal the stages', async () => {
      const rows = await sql<{ month: string; stage: string; bucket: number; stages: unknown; late: unknown; minutes: unknown }>`select month, stage, bucket, sum(stages) as stages, sum(late) as late, sum(late_minutes) as minutes from stage_month group by month, stage, bucket having sum(stages) <> 0`.execute(t.db.handle.db);
      const expected = new Map<string, { stages: number; late: number; minutes: number }>();
      for (const s of finished()) {
        const k = `${s.completedDate!.slice(0, 7)}|${s.stage}|${bucketOf(s)}`;
        const e = expected.get(k) ?? { stages: 0, late: 0, minutes: 0 };
        expected.set(k, { stages: e.stages + 1, late: e.late + ((s.delayMinutes ?? 0) > 0 ? 1 : 0), minutes: e.minutes + (s.delayMinutes ?? 0) });
      }
      const actual = new Map(rows.rows.map((r) => [`${r.month}|${r.stage}|${Number(r.bucket)}`, { stages: Number(r.stages), late: Number(r.late), minutes: Number(r.minutes) }]));
      assert.deepEqual(actual, expected);
      const byOwner = await sql<{ k: string; stages: unknown; late: unknown; minutes: unknown }>`select month || '|' || stage || '|' || owner_id || '|' || reason as k, sum(stages) as stages, sum(late) as late, sum(late_minutes) as minutes from stage_owner_month group by month, stage, owner_id, reason having sum(stages) <> 0`.execute(t.db.handle.db);
      const expectedByOwner = new Map<string, { stages: number; late: number; minutes: number }>();
      for (const s of finished()) {
        const k = `${s.completedDate!.slice(0, 7)}|${s.stage}|${s.ownerId ?? ''}|${s.delayReason ?? ''}`;
        const e = expectedByOwner.get(k) ?? { stages: 0, late: 0, minutes: 0 };
        expectedByOwner.set(k, { stages: e.stages + 1, late: e.late + ((s.delayMinutes ?? 0) > 0 ? 1 : 0), minutes: e.minutes + (s.delayMinutes ?? 0) });
      }
      assert.deepEqual(new Map(byOwner.rows.map((r) => [r.k, { stages: Number(r.stages), late: Number(r.late), minutes: Number(r.minutes) }])), expectedByOwner);
    });

    test('lead-time buckets and delays by stage, month, owner and reason equal a count of the stages, for random ranges, in the whole scope and in a rep scope', async () => {
      const all: Actor = { ...systemActor, dataScope: 'all' };
      const own: Actor = { ...systemActor, id: USERS[1]!, dataScope: 'own' };
      const ranges = [{}, { from: day(0) }, { to: day(DAYS - 1) }, ...Array.from({ length: 10 }, () => [day(random(DAYS)), day(random(DAYS))].sort()).map(([from, to]) => ({ from, to }))];
      const sorted = <T>(xs: T[]) => xs.map((x) => JSON.stringify(x)).sort();
      for (const range of ranges) {
        for (const actor of [all, own]) {
          const mine = finished().filter((s) => (!range.from || s.completedDate! >= range.from) && (!range.to || s.completedDate! <= range.to) && (actor.dataScope === 'all' || s.orderOwner === actor.id));
          const label = `${JSON.stringify(range)} ${actor.dataScope}`;
          const lead = new Map<string, { stage: string; bucket: number; n: number; onTime: number }>();
          for (const s of mine.filter((x) => x.leadMinutes !== null)) {
            const k = `${s.stage}:${bucketOf(s)}`;
            const e = lead.get(k) ?? { stage: s.stage, bucket: bucketOf(s), n: 0, onTime: 0 };
            lead.set(k, { ...e, n: e.n + 1, onTime: e.onTime + ((s.delayMinutes ?? 0) > 0 ? 0 : 1) });
          }
          assert.deepEqual(sorted(await leadTimeBuckets(t.db.handle.db, actor, range)), sorted([...lead.values()]), `lead ${label}`);
          for (const groupBy of ['stage', 'month', 'owner', 'reason'] as const) {
            const groups = new Map<string | null, { key: string | null; stages: number; lateStages: number; lateMinutes: number }>();
            // Reasons explain delays: only late stages count there.
            for (const s of mine.filter((x) => groupBy !== 'reason' || (x.delayMinutes ?? 0) > 0)) {
              const key = { stage: s.stage, month: s.completedDate!.slice(0, 7), owner: s.ownerId, reason: s.delayReason }[groupBy];
              const e = groups.get(key) ?? { key, stages: 0, lateStages: 0, lateMinutes: 0 };
              groups.set(key, { key, stages: e.stages + 1, lateStages: e.lateStages + ((s.delayMinutes ?? 0) > 0 ? 1 : 0), lateMinutes: e.lateMinutes + (s.delayMinutes ?? 0) });
            }
            assert.deepEqual(sorted(await delayGroups(t.db.handle.db, actor, groupBy, range)), sorted([...groups.values()]), `${groupBy} ${label}`);
          }
        }
      }
    });
  });
}
