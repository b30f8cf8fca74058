import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { CompiledQuery, sql } from 'kysely';
import { loadActor } from '../../src/server/modules/admin/index.ts';
import { splitSearch } from '../../src/server/modules/orders/order-list.ts';
import { selectOrders, textCandidates } from '../../src/server/modules/orders/orders.repository.ts';
import { createTestApp, type Session, type TestApp } from '../helpers/app.ts';
import { dialects } from '../helpers/db.ts';
import { inDays, orderWorld } from './helpers.ts';

for (const d of await dialects()) {
  describe(`order list: search by order or PO number through the indexes [${d.name}]`, { skip: d.skip }, () => {
    let t: TestApp;
    let admin: Session;
    let adminId: string;
    let rep: { session: Session; id: string };
    let other: Session;
    const made: { id: string; number: string; customerPo: string | null }[] = [];
    before(async () => {
      t = await createTestApp(d.name);
      const a = await t.as(['admin']);
      admin = a.session;
      adminId = a.user.id;
      const r = await t.as(['sales']);
      rep = { session: r.session, id: r.user.id };
      other = (await t.as(['sales'])).session;
      const w = await orderWorld(t, admin, rep.session, { stock: 1000 });
      for (let i = 0; i < 12; i++) {
        const po = i % 3 === 0 ? `4500${String(i).padStart(4, '0')}` : null;
        const res = await t.req(rep.session, 'POST', '/api/v1/orders', { customerId: w.customerId, promisedDate: inDays(30), priority: 'normal', customerPo: po, submit: true, lines: [{ productId: w.productId, qty: i + 1, unitPrice: 100_000, spec: {} }] });
        assert.equal(res.statusCode, 201, res.body);
        const o = res.json().order;
        made.push({ id: o.id, number: o.number, customerPo: po });
      }
    });
    after(() => t?.close());

    const listed = async (s: Session, q: string) => {
      const r = await t.req(s, 'GET', `/api/v1/orders?limit=200&q=${encodeURIComponent(q)}`);
      assert.equal(r.statusCode, 200, r.body);
      return (r.json().items as { number: string }[]).map((o) => o.number).sort();
    };
    const counted = async (s: Session, q: string) => (await t.req(s, 'GET', `/api/v1/orders/counts?q=${encodeURIComponent(q)}`)).json().total as number;
    const numbers = (f: (o: (typeof made)[number]) => boolean) => made.filter(f).map((o) => o.number).sort();

    test('a whole number, its start, its end (sequence, date + sequence) and lower case find exactly the orders that match', async () => {
      const n = made[7].number;
      assert.match(n, /^[A-Z]+-\d+-\d+$/, 'numbers look like SO-20261127-0042');
      assert.deepEqual(await listed(rep.session, n), [n]);
      assert.deepEqual(await listed(rep.session, n.toLowerCase()), [n]);
      const start = n.slice(0, n.length - 2);
      assert.deepEqual(await listed(rep.session, start), numbers((o) => o.number.startsWith(start)));
      const seq = n.split('-').pop()!;
      assert.deepEqual(await listed(rep.session, seq), numbers((o) => o.number.endsWith(seq)));
      const dateSeq = n.split('-').slice(1).join('-');
      assert.deepEqual(await listed(rep.session, dateSeq), [n]);
      assert.equal(await counted(rep.session, seq), numbers((o) => o.number.endsWith(seq)).length);
      assert.deepEqual(await listed(rep.session, '9999-9999'), []);
    });

    test('a PO number by its start; the list, the tab counts and the export agree', async () => {
      assert.deepEqual(await listed(rep.session, '4500'), numbers((o) => !!o.customerPo));
      assert.deepEqual(await listed(rep.session, '45000009'), numbers((o) => o.customerPo === '45000009'));
      assert.equal(await counted(rep.session, '4500'), 4);
      const x = await t.req(rep.session, 'GET', `/api/v1/orders/export.xlsx?q=4500`);
      assert.equal(x.statusCode, 200);
      assert.equal(x.headers['x-total-count'], '4');
    });

    test('another rep searching a number of orders out of scope finds nothing; free text still searches customer names', async () => {
      assert.deepEqual(await listed(other, made[0].number), []);
      assert.equal(await counted(other, made[0].number), 0);
      assert.equal((await listed(rep.session, '宁波客户')).length, made.length);
    });

    test('the number search is answered by indexes, not a scan of the orders', async () => {
      const db = t.db.handle.db;
      const actor = (await loadActor(db, adminId, 'session'))!;
      for (const q of ['0042', 'SO-2026']) {
        const { filter, match } = await splitSearch(db, { q });
        assert.ok(match, `${q} is a number search`);
        const query = selectOrders(db, actor, filter).where(match).orderBy('salesOrder.id', 'desc').limit(51).compile();
        // A 12-row table is read whole whatever its indexes: on PostgreSQL, ask the planner as if scans were dear.
        const plan = await db.transaction().execute(async (trx) => {
          if (d.name === 'postgres') await sql`set local enable_seqscan = off`.execute(trx);
          const rows = (await trx.executeQuery(CompiledQuery.raw(`${d.name === 'postgres' ? 'explain' : 'explain query plan'} ${query.sql}`, [...query.parameters]))).rows as Record<string, string>[];
          return rows.map((r) => r['QUERY PLAN'] ?? r.detail).join('\n');
        });
        assert.match(plan, q === '0042' ? /sales_order_number_rev_idx/ : /sales_order_number_(key|unique|idx)|sqlite_autoindex_sales_order/, plan);
        assert.doesNotMatch(plan, /Seq Scan on sales_order|SCAN sales_order(?! USING)/, plan);
      }
    });

    test('a text with no digit or with spaces is free text (wildcards literal), not a number search', async () => {
      const db = t.db.handle.db;
      assert.equal((await splitSearch(db, { q: 'SO-' })).match, null);
      assert.equal((await splitSearch(db, { q: '宁波 0042' })).match, null);
      assert.equal((await splitSearch(db, { q: '100%' })).match, null);
      assert.ok((await splitSearch(db, { q: 'so-20261127-0042' })).match);
    });

    test('free text is read through the trigram candidates (migration 0034) and finds exactly what the substring scan finds, after PO edits too', async () => {
      const db = t.db.handle.db;
      const w = await orderWorld(t, admin, rep.session, { stock: 1000 });
      const pos = ['宁波采购 A-7', 'po/杭州-100%', 'Contract Ab_C 9', null];
      const extra: { id: string; number: string; customerPo: string | null }[] = [];
      for (const po of pos) {
        const res = await t.req(rep.session, 'POST', '/api/v1/orders', { customerId: w.customerId, promisedDate: inDays(30), priority: 'normal', customerPo: po, lines: [{ productId: w.productId, qty: 1, unitPrice: 100_000, spec: {} }] });
        assert.equal(res.statusCode, 201, res.body);
        extra.push({ id: res.json().order.id, number: res.json().order.number, customerPo: po });
      }
      // A draft's PO edited: the trigram index follows (SQLite: the order_text triggers).
      const edited = await t.req(rep.session, 'PATCH', `/api/v1/orders/${extra[3]!.id}`, { customerPo: '温州采购 Z', version: 1 });
      assert.equal(edited.statusCode, 200, edited.body);
      extra[3]!.customerPo = '温州采购 Z';
      const customers = new Map((await db.selectFrom('customer').select(['id', 'name']).execute()).map((c) => [c.id, c.name.toLowerCase()]));
      const all = [...made, ...extra];
      const orderCustomer = new Map((await db.selectFrom('salesOrder').select(['id', 'customerId']).execute()).map((o) => [o.id, o.customerId]));
      const expected = (q: string) => {
        const x = q.toLowerCase();
        return all.filter((o) => (o.number ?? '').toLowerCase().includes(x) || (o.customerPo ?? '').toLowerCase().includes(x) || customers.get(orderCustomer.get(o.id)!)!.includes(x)).map((o) => o.id).sort();
      };
      // Drafts have no number yet: compare ids.
      const found = async (q: string) => ((await t.req(rep.session, 'GET', `/api/v1/orders?limit=200&q=${encodeURIComponent(q)}`)).json().items as { id: string }[]).map((o) => o.id).sort();
      for (const q of ['宁波采购', '采购 a', 'contract ab_c', 'AB_C', '-100%', '温州采购', '杭州', '采购', 'no such text 无此', '宁波客户', 'Z']) {
        assert.deepEqual(await found(q), expected(q), q);
        assert.equal(await counted(rep.session, q), expected(q).length, q);
      }
      // Rare texts of 3+ characters are candidate lists, short or common ones the scan.
      assert.ok((await splitSearch(db, { q: '宁波采购' })).filter.ids);
      assert.deepEqual((await splitSearch(db, { q: 'no such text 无此' })).filter.ids, []);
      assert.equal((await splitSearch(db, { q: '杭州' })).filter.ids, undefined);
      assert.equal(await textCandidates(db, '宁波客户', 3), null, 'more candidates than the cap: scan');
    });
  });
}
