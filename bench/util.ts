import type { FastifyInstance } from 'fastify';
import pg from 'pg';

/** Waits until a freshly spawned server answers its health check. */
export async function waitForServer(url: string, ms = 30_000): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`server at ${url} did not start`);
}

/**
 * Runs `fn` against a fresh PostgreSQL database (dropped afterwards); prints a line and
 * skips when PostgreSQL is not reachable (TEST_PG_URL or 127.0.0.1:5432).
 */
export async function withPostgresDatabase(label: string, fn: (url: string) => Promise<void>): Promise<void> {
  const admin = process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const c = new pg.Client({ connectionString: admin, connectionTimeoutMillis: 2000 });
  const name = `gendan_bench_${label}_${Date.now().toString(36)}`;
  try {
    await c.connect();
    await c.query(`create database ${name}`);
  } catch {
    console.log(`PostgreSQL not reachable: ${label} bench on SQLite only`);
    await c.end().catch(() => {});
    return;
  }
  try {
    await fn(admin.replace(/\/[^/]*$/, `/${name}`));
  } finally {
    await c.query(`drop database if exists ${name} with (force)`);
    await c.end();
  }
}

/**
 * Logs in through `app.inject` and seeds what an intake benchmark orders against: a default
 * warehouse, 5 products with plenty of stock and a customer with an address. Returns the
 * logged-in `post` (and its session `headers`) for further calls.
 */
export async function seedIntakeWorld(app: Pick<FastifyInstance, 'inject'>, login: { username: string; password: string }, tag: string) {
  const r = await app.inject({ method: 'POST', url: '/api/auth/login', payload: login });
  if (r.statusCode !== 200) throw new Error(r.body);
  const headers = { cookie: `gendan_sid=${r.cookies.find((c) => c.name === 'gendan_sid')!.value}`, 'x-csrf-token': r.json().csrfToken };
  const post = async (url: string, payload: unknown) => {
    const res = await app.inject({ method: 'POST', url, payload: payload as object, headers });
    if (res.statusCode >= 300) throw new Error(`${url}: ${res.body}`);
    return res.json();
  };
  const wh = await post('/api/v1/warehouses', { code: tag, name: '基准仓', isDefault: true });
  const productIds: string[] = [];
  for (let i = 0; i < 5; i++) {
    const p = await post('/api/v1/products', { sku: `${tag}-${i}`, name: `基准产品${i}`, unit: '件', listPrice: 10_000 });
    await post('/api/v1/stock/movements', { type: 'receipt', productId: p.id, warehouseId: wh.id, qty: 100_000_000, reason: '基准' });
    productIds.push(p.id);
  }
  const c = await post('/api/v1/customers', { name: `基准客户${tag}`, addresses: [{ province: '上海市', city: '上海市', district: '浦东新区', detail: '张江路 1 号', recipient: '张三', phone: '13800138000' }] });
  return { post, headers, warehouseId: wh.id as string, productIds, customerId: c.customer.id as string };
}
