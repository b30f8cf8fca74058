import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { salesGroupBys } from '../../src/contracts/sales-report.ts';
import { localDate } from '../../src/server/platform/dates.ts';
import { systemActor, type Actor } from '../../src/server/platform/http/actor.ts';
import { createSalesReportService } from '../../src/server/modules/responsibility/sales-report.service.ts';
import { plan } from '../../src/server/modules/responsibility/sales-report.repository.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { dialects } from '../helpers/db.ts';
import { insertCustomers, insertUsers, seededInts } from '../helpers/factories.ts';

const AT = '2026-01-01T00:00:00.000Z';
const USERS = ['sm-u0', 'sm-u1', 'sm-u2'];
const CUSTOMERS = ['sm-c0', 'sm-c1', 'sm-c2', 'sm-c3'];
const STATUSES = ['draft', 'pending_approval', 'confirmed', 'shipped', 'completed', 'on_hold', 'cancelled'] as const;
// 2025-12-20 … 2026-04-20: month ends, the New York DST change (2026-03-08) and China's midnight.
const START = Date.parse('2025-12-20T00:00:00.000Z');
const SPAN = 121 * 86_400_000;

type Order = { id: string; customerId: string; ownerId: string; status: string; confirmedAt: string | null; net: number; gross: number; createdAt: string };

describe('sales plan (pure)', () => {
  test('a China month is its UTC month plus 8 hours before it, minus its own last 8 hours', () => {
    const p = plan({ from: '2026-05-31T16:00:00.000Z', before: '2026-06-30T16:00:00.000Z' });
    assert.deepEqual(p.months, [{ month: '2026-06', sign: 1 }]);
    assert.deepEqual(p.ranges, [
      { from: '2026-05-31T16:00:00.000Z', before: '2026-06-01T00:00:00.000Z', sign: 1 },
      { from: '2026-06-30T16:00:00.000Z', before: '2026-07-01T00:00:00.000Z', sign: -1 },
    ]);
  });
  test('a few days inside one month read the index only; whole UTC months read the summary only', () => {
    assert.deepEqual(plan({ from: '2026-06-10T00:00:00.000Z', before: '2026-06-12T00:00:00.000Z' }), { months: [], ranges: [{ from: '2026-06-10T00:00:00.000Z', before: '2026-06-12T00:00:00.000Z', sign: 1 }] });
    assert.deepEqual(plan({ from: '2026-01-01T00:00:00.000Z', before: '2026-04-01T00:00:00.000Z' }).ranges, []);
    assert.deepEqual(plan({ from: '2026-01-01T00:00:00.000Z', before: '2026-04-01T00:00:00.000Z' }).months.map((m) => m.month), ['2026-01', '2026-02', '2026-03']);
  });
});

for (const d of await dialects()) {
  describe(`sales_month summary [${d.name}]`, { skip: d.skip }, () => {
    let t: TestApp;
    const orders = new Map<string, Order>();
    const random = seededInts(20261128);

    before(async () => {
      t = await createTestApp(d.name);
      const db = t.db.handle.db;
      await insertUsers(db, USERS);
      await insertCustomers(db, USERS[0]!, CUSTOMERS.map((id, i) => ({ id, name: `月汇总客户${i}` })));
      const when = () => new Date(START + random(SPAN / 60_000) * 60_000).toISOString();
      for (let i = 0; i < 400; i++) {
        const status = STATUSES[random(STATUSES.length)]!;
        const net = 1_000 + random(1_000_000);
        const o: Order = { id: `sm-o${i}`, customerId: CUSTOMERS[random(CUSTOMERS.length)]!, ownerId: USERS[random(USERS.length)]!, status, confirmedAt: status === 'draft' || status === 'pending_approval' || (status === 'cancelled' && random(2)) ? null : AT, net, gross: net + Math.floor(net * 0.13), createdAt: when() };
        orders.set(o.id, o);
        await db.insertInto('salesOrder').values({ ...o, number: `SM-${i}`, currency: 'CNY', promisedDate: '2026-06-01', priority: 'normal', nonStandard: 0, createdBy: USERS[0], tax: o.gross - o.net, linesHash: 'x', warnings: '[]', customFields: '{}', version: 1, updatedAt: AT } as never).execute();
      }
      // Every kind of write the summary must follow, each in its own transaction or several in one.
      const ids = [...orders.keys()];
      for (let i = 0; i < 200; i++) {
        const o = orders.get(ids[random(ids.length)]!)!;
        const patch: Partial<Order> = [
          () => ({ status: 'cancelled' }),
          () => ({ status: 'confirmed', confirmedAt: o.confirmedAt ?? AT }),
          () => ({ net: o.net + 500, gross: o.gross + 565 }),
          () => ({ ownerId: USERS[random(USERS.length)]! }),
          () => ({ customerId: CUSTOMERS[random(CUSTOMERS.length)]! }),
          () => ({ createdAt: when() }),
          () => ({ status: 'completed' }),
        ][random(7)]!();
        if (i % 3 === 0) {
          const net = (patch.net ?? o.net) + 1;
          await t.db.handle.db.transaction().execute(async (tx) => {
            await tx.updateTable('salesOrder').set(patch as never).where('id', '=', o.id).execute();
            await tx.updateTable('salesOrder').set({ net }).where('id', '=', o.id).execute();
          });
          Object.assign(o, patch, { net });
        } else {
          await t.db.handle.db.updateTable('salesOrder').set(patch as never).where('id', '=', o.id).execute();
          Object.assign(o, patch);
        }
      }
      for (const id of ids.slice(0, 20)) {
        await t.db.handle.db.deleteFrom('salesOrder').where('id', '=', id).execute();
        orders.delete(id);
      }
    });
    after(() => t?.close());

    const counted = () => [...orders.values()].filter((o) => o.confirmedAt !== null && o.status !== 'cancelled');

    test('after inserts, updates of every watched column, multi-statement transactions and deletes, the summary equals the orders', async () => {
      const rows = await sql<{ month: string; c: string; u: string; orders: unknown; net: unknown; gross: unknown }>`select month, customer_id as c, owner_id as u, orders, net, gross from sales_month where orders <> 0 order by month, customer_id, owner_id`.execute(t.db.handle.db);
      const expected = new Map<string, { orders: number; net: number; gross: number }>();
      for (const o of counted()) {
        const k = `${o.createdAt.slice(0, 7)}|${o.customerId}|${o.ownerId}`;
        const e = expected.get(k) ?? { orders: 0, net: 0, gross: 0 };
        expected.set(k, { orders: e.orders + 1, net: e.net + o.net, gross: e.gross + o.gross });
      }
      const actual = new Map(rows.rows.map((r) => [`${r.month}|${r.c}|${r.u}`, { orders: Number(r.orders), net: Number(r.net), gross: Number(r.gross) }]));
      assert.deepEqual(actual, expected);
    });

    test('the report equals a count of the orders, in four time zones, for random ranges and every grouping and scope', async () => {
      const all: Actor = { ...systemActor, dataScope: 'all' };
      const own: Actor = { ...systemActor, id: USERS[1]!, dataScope: 'own' };
      for (const tz of ['Asia/Shanghai', 'America/New_York', 'UTC', 'Asia/Kolkata']) {
        const svc = createSalesReportService(t.db.handle.db, tz);
        for (let i = 0; i < 6; i++) {
          const a = localDate(new Date(START + random(SPAN)), tz);
          const b = localDate(new Date(START + random(SPAN)), tz);
          const [from, to] = a <= b ? [a, b] : [b, a];
          for (const actor of [all, own]) {
            const mine = counted().filter((o) => (actor.dataScope === 'all' || o.ownerId === actor.id) && localDate(new Date(o.createdAt), tz) >= from && localDate(new Date(o.createdAt), tz) <= to);
            for (const groupBy of salesGroupBys) {
              const r = await svc.report(actor, { from, to, groupBy }, 'zh-CN');
              const keyOf = (o: Order) => (groupBy === 'owner' ? o.ownerId : groupBy === 'month' ? localDate(new Date(o.createdAt), tz).slice(0, 7) : o.customerId);
              const expected = new Map<string, { orders: number; gross: number }>();
              for (const o of mine) {
                const e = expected.get(keyOf(o)) ?? { orders: 0, gross: 0 };
                expected.set(keyOf(o), { orders: e.orders + 1, gross: e.gross + o.gross });
              }
              const actual = new Map(r.items.filter((x) => x.orders > 0).map((x) => [x.key, { orders: x.orders, gross: x.gross }]));
              assert.deepEqual(actual, expected, `${tz} ${from}…${to} ${groupBy} ${actor.dataScope}`);
              assert.equal(r.totals.orders, mine.length);
              if (groupBy === 'customer_month') {
                for (const item of r.items) {
                  for (const m of item.months ?? []) {
                    const n = mine.filter((o) => o.customerId === item.key && localDate(new Date(o.createdAt), tz).slice(0, 7) === m.month);
                    assert.deepEqual({ orders: m.orders, gross: m.gross }, { orders: n.length, gross: n.reduce((s, o) => s + o.gross, 0) }, `${tz} ${item.key} ${m.month}`);
                  }
                }
              }
            }
          }
        }
      }
    });
  });
}
