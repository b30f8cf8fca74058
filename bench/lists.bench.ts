/**
 * The order list and the order timeline at 1,000,000 orders: seeds a fresh database
 * server-side (orders, one line each, three timeline events each, spread over two years,
 * statuses, priorities, 2,000 customers and 50 owners), then times the real routes through
 * the app (`inject`, no network) — as an admin (all scope) and as a sales rep (own scope),
 * with the list's filters and its next pages. Prints p50/p99 per case.
 * `node --import tsx bench/lists.bench.ts [orders]` runs it alone.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { orderStatuses, priorities } from '../src/contracts/orders.ts';
import { buildApp } from '../src/server/app.ts';
import { openAndMigrate } from '../src/server/bootstrap.ts';
import { loadConfig } from '../src/server/config.ts';
import { createUsersService } from '../src/server/modules/admin/index.ts';
import type { DbHandle } from '../src/server/platform/db/database.ts';
import { systemActor } from '../src/server/platform/http/actor.ts';
import { withPostgresDatabase } from './util.ts';

const CUSTOMERS = 2000;
const AT = '2026-01-01T00:00:00.000Z';

export interface ListFigures {
  dialect: string;
  orders: number;
  case: string;
  p50Ms: number;
  p99Ms: number;
}

const series = (dialect: 'sqlite' | 'postgres', count: number) =>
  dialect === 'postgres' ? sql`select generate_series(0::bigint, ${sql.lit(count - 1)}) as n` : sql`with recursive g(n) as (select 0 union all select n + 1 from g where n < ${sql.lit(count - 1)}) select n from g`;

/** Seeds `orders` orders owned by `owners` (round robin) in a few statements. */
async function seed(handle: DbHandle, orders: number, owners: string[], productId: string): Promise<number> {
  const t0 = performance.now();
  const db = handle.db;
  const d = handle.dialect;
  for (let i = 0; i < CUSTOMERS; i += 500) {
    await db
      .insertInto('customer')
      .values(Array.from({ length: Math.min(500, CUSTOMERS - i) }, (_, j) => ({ id: `c${i + j}`, code: `LC${i + j}`, name: `列表客户${i + j}有限公司`, nameKey: `列表客户${i + j}`, tier: 'B', ownerId: owners[(i + j) % owners.length]!, paymentTermsDays: 30, creditLimit: 0, currency: 'CNY', status: 'active', version: 1, createdAt: AT, updatedAt: AT }) as never))
      .execute();
  }
  const n = sql.ref('n');
  const text = (e: unknown) => (d === 'postgres' ? sql`(${e})::text` : sql`cast(${e} as text)`);
  const pick = (list: readonly string[], e: unknown) => sql`case ${sql.join(list.map((v, i) => sql`when ${e} = ${sql.lit(i)} then ${sql.lit(v)}`), sql` `)} end`;
  const owner = pick(owners, sql`${n} % ${sql.lit(owners.length)}`);
  // Ids sort like UUIDv7 (time order): zero-padded, so the newest order has the largest id.
  const id = d === 'postgres' ? sql`'o' || lpad((${n})::text, 9, '0')` : sql`'o' || substr('000000000' || ${n}, -9)`;
  const day = sql`(${n} * 730 / ${sql.lit(orders)})`;
  const created = d === 'postgres' ? sql`to_char(timestamp '2025-01-01' + (${day}) * interval '1 day', 'YYYY-MM-DD"T"HH24:MI:SS.000"Z"')` : sql`strftime('%Y-%m-%dT%H:%M:%S.000Z', '2025-01-01', '+' || (${day}) || ' days')`;
  const promised = d === 'postgres' ? sql`to_char(date '2025-01-20' + (${day})::int, 'YYYY-MM-DD')` : sql`date('2025-01-20', '+' || (${day}) || ' days')`;
  await sql`insert into sales_order (id, number, customer_id, currency, promised_date, priority, non_standard, status, owner_id, created_by, net, tax, gross, lines_hash, warnings, version, created_at, updated_at)
    select ${id}, 'SO-' || ${text(n)}, 'c' || ${text(sql`${n} % ${sql.lit(CUSTOMERS)}`)}, 'CNY', ${promised}, ${pick(priorities, sql`${n} % 4`)}, 0, ${pick(orderStatuses, sql`(${n} * 7) % ${sql.lit(orderStatuses.length)}`)}, ${owner}, ${owner}, 100000, 13000, 113000, 'x', case when ${n} % 10 = 0 then '[{"code":"PRICE_BELOW_LIST","severity":"soft","lineNo":1,"details":{}}]' else '[]' end, 1, ${created}, ${created}
    from (${series(d, orders)}) s`.execute(db);
  await sql`insert into order_line (id, order_id, line_no, product_id, qty, unit_price, list_price, discount_bp, tax_rate_bp, net, tax, spec, reserved_qty, short_qty)
    select 'l' || ${text(n)}, ${id}, 1, ${productId}, 1000, 100000, 100000, 0, 1300, 100000, 13000, '{}', 0, 0
    from (${series(d, orders)}) s`.execute(db);
  const evId = d === 'postgres' ? sql`'e' || lpad((${n})::text, 10, '0')` : sql`'e' || substr('0000000000' || ${n}, -10)`;
  const orderOfEvent = d === 'postgres' ? sql`'o' || lpad((${n} / 3)::text, 9, '0')` : sql`'o' || substr('000000000' || (${n} / 3), -9)`;
  await sql`insert into event (id, entity_type, entity_id, type, actor_id, at, stage, data)
    select ${evId}, 'order', ${orderOfEvent}, ${pick(['order.created', 'order.submitted', 'order.confirmed'], sql`${n} % 3`)}, ${pick(owners, sql`(${n} / 3) % ${sql.lit(owners.length)}`)}, ${AT}, 'review', '{"amount":113000}'
    from (${series(d, orders * 3)}) s`.execute(db);
  await sql`analyze`.execute(db);
  return Math.round(performance.now() - t0) / 1000;
}

function percentiles(ms: number[]) {
  ms.sort((a, b) => a - b);
  const at = (p: number) => Math.round(ms[Math.min(ms.length - 1, Math.floor(ms.length * p))]! * 10) / 10;
  return { p50Ms: at(0.5), p99Ms: at(0.99) };
}

async function runOne(databaseUrl: string, orders: number, samples: number): Promise<ListFigures[]> {
  const handle = await openAndMigrate({ databaseUrl });
  const { app } = await buildApp({ config: loadConfig({}, { databaseUrl, logLevel: 'silent' }), handle, logger: false });
  try {
    await app.ready();
    const users = createUsersService(handle.db);
    const admin = await users.create(systemActor, { username: 'list_admin', displayName: '管理员', password: 'passw0rd!', roles: ['admin'], teamId: null, managerId: null, email: null });
    const owners = [admin.id];
    for (let i = 0; i < 49; i++) owners.push((await users.create(systemActor, { username: `list_rep${i}`, displayName: `销售${i}`, password: 'passw0rd!', roles: ['sales'], teamId: null, managerId: null, email: null })).id);
    const session = async (username: string) => {
      const r = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: 'passw0rd!' } });
      return { cookie: `gendan_sid=${r.cookies.find((c) => c.name === 'gendan_sid')!.value}` };
    };
    const headers = { admin: await session('list_admin'), rep: await session('list_rep0') };
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'list_admin', password: 'passw0rd!' } });
    const product = await app.inject({ method: 'POST', url: '/api/v1/products', payload: { sku: 'L-1', name: '列表产品', unit: '件', listPrice: 100_000 }, headers: { cookie: `gendan_sid=${login.cookies.find((c) => c.name === 'gendan_sid')!.value}`, 'x-csrf-token': login.json().csrfToken } });
    const seconds = await seed(handle, orders, owners, product.json().id);
    console.log(`${handle.dialect}: seeded ${orders.toLocaleString()} orders (+ lines, ${(orders * 3).toLocaleString()} events) in ${seconds} s`);

    const random = (k: number) => Math.floor(Math.random() * k);
    const pad = (k: number) => `o${String(k).padStart(9, '0')}`;
    const cases: [string, keyof typeof headers, () => string, number?][] = [
      ['list, first page (admin)', 'admin', () => '/api/v1/orders?limit=50'],
      ['list, status filter (admin)', 'admin', () => `/api/v1/orders?limit=50&status=${orderStatuses[random(orderStatuses.length)]}`],
      ['list, customer filter (admin)', 'admin', () => `/api/v1/orders?limit=50&customerId=c${random(CUSTOMERS)}`],
      ['list, priority + created range (admin)', 'admin', () => `/api/v1/orders?limit=50&priority=urgent&from=2025-06-01&to=2025-06-30`],
      ['list, has warnings (admin)', 'admin', () => '/api/v1/orders?limit=50&hasWarnings=true'],
      // Number searches go through indexes (migration 0026): by the number's start and by its end.
      ['list, search by number (admin)', 'admin', () => `/api/v1/orders?limit=50&q=SO-${random(orders)}`],
      ['list, search by number end (admin)', 'admin', () => `/api/v1/orders?limit=50&q=${String(random(orders)).slice(-5)}`],
      // Free text (a customer name, a PO's middle) goes through the trigram indexes (migration 0034);
      // a text no order holds was a scan of every order before them.
      ['list, search by customer name (admin)', 'admin', () => `/api/v1/orders?limit=50&q=${encodeURIComponent(`列表客户${random(CUSTOMERS)}有限`)}`],
      ['list, search by text no order holds (admin)', 'admin', () => `/api/v1/orders?limit=50&q=${encodeURIComponent(`无此客户 ${random(CUSTOMERS)}`)}`],
      ['list, own scope (sales rep)', 'rep', () => '/api/v1/orders?limit=50'],
      ['list, own scope + status (sales rep)', 'rep', () => `/api/v1/orders?limit=50&status=${orderStatuses[random(orderStatuses.length)]}`],
      ['timeline of an order (admin)', 'admin', () => `/api/v1/orders/${pad(random(orders))}/timeline`],
    ];
    const out: ListFigures[] = [];
    for (const [name, who, url, n = samples] of cases) {
      const ms: number[] = [];
      for (let i = 0; i < Math.min(n, samples); i++) {
        const t0 = performance.now();
        const r = await app.inject({ method: 'GET', url: url(), headers: headers[who] });
        ms.push(performance.now() - t0);
        if (r.statusCode !== 200) throw new Error(`${name}: ${r.statusCode} ${r.body.slice(0, 300)}`);
      }
      out.push({ dialect: handle.dialect, orders, case: name, ...percentiles(ms) });
    }
    // Paging: the 20th page of the admin's list, following cursors.
    const ms: number[] = [];
    let cursor: string | null = null;
    for (let i = 0; i < 20; i++) {
      const t0 = performance.now();
      const r: { json(): { nextCursor: string | null } } = await app.inject({ method: 'GET', url: `/api/v1/orders?limit=50${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, headers: headers.admin });
      ms.push(performance.now() - t0);
      cursor = r.json().nextCursor;
    }
    out.push({ dialect: handle.dialect, orders, case: 'list, pages 1–20 by cursor (admin)', ...percentiles(ms) });
    return out;
  } finally {
    await app.close();
    await handle.close();
  }
}

export async function listsBench(opts: { orders: number; samples: number }): Promise<ListFigures[]> {
  const dir = mkdtempSync(join(tmpdir(), 'gendan-bench-lists-'));
  const out: ListFigures[] = [];
  try {
    out.push(...(await runOne(`sqlite:${join(dir, 'lists.db')}`, opts.orders, opts.samples)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  await withPostgresDatabase('lists', async (url) => {
    out.push(...(await runOne(url, opts.orders, opts.samples)));
  });
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) console.table(await listsBench({ orders: Number(process.argv[2] ?? 1_000_000), samples: 100 }));
