/**
 * Order intake through the HTTP API: 5-line orders created, checked, numbered and
 * confirmed with 5 guarded reservations in one request (`POST /orders` with submit: true),
 * at 1 and 32 concurrent clients, on SQLite and (when reachable) PostgreSQL; and the
 * contention case: every order on 5 of 20 hot SKUs with limited stock, then zero oversell checked.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { freePorts } from '../test/helpers/net.ts';
import { waitForServer, withPostgresDatabase } from './util.ts';

export interface IntakeFigures {
  dialect: string;
  scenario: string;
  connections: number;
  ordersPerSec: number;
  p50Ms: number;
  p99Ms: number;
  non2xx: number;
  errors: number;
  /** Contention scenario: units reserved beyond on hand afterwards (must be 0). */
  oversold?: number;
}

async function json(base: string, path: string, headers: Record<string, string>, body: unknown) {
  const r = await fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  if (r.status >= 300) throw new Error(`${path}: ${r.status} ${await r.text()}`);
  return r.json() as Promise<any>;
}

const HOT_SKUS = 20;
const HOT_STOCK = 3000;

async function runOne(databaseUrl: string, dialect: string, duration: number): Promise<IntakeFigures[]> {
  const [port] = await freePorts(1);
  const env = { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), GENDAN_ADMIN_PASSWORD: 'bench1234', LOG_LEVEL: 'warn' };
  const server = spawn(process.execPath, ['bin/gendan.mjs', 'serve'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitForServer(`${base}/api/health`);
    const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'bench1234' }) });
    const cookie = login.headers.get('set-cookie')!.split(';')[0];
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const { secret } = await json(base, '/api/v1/tokens', { cookie, 'x-csrf-token': csrfToken }, { name: 'bench' });
    const auth = { authorization: `Bearer ${secret}` };
    const wh = await json(base, '/api/v1/warehouses', auth, { code: 'WH1', name: '成品仓', isDefault: true });
    const product = async (sku: string, stock: number) => {
      const p = await json(base, '/api/v1/products', auth, { sku, name: `基准产品${sku}`, unit: '件', listPrice: 10_000 });
      await json(base, '/api/v1/stock/movements', auth, { type: 'receipt', productId: p.id, warehouseId: wh.id, qty: stock, reason: '基准' });
      return p.id as string;
    };
    const productIds: string[] = [];
    for (let i = 0; i < 5; i++) productIds.push(await product(`B-${i}`, 100_000_000));
    const hot: string[] = [];
    for (let i = 0; i < HOT_SKUS; i++) hot.push(await product(`H-${i}`, HOT_STOCK));
    const c = await json(base, '/api/v1/customers', auth, { name: '基准客户', addresses: [{ province: '上海市', city: '上海市', district: '浦东新区', detail: '张江路 1 号', recipient: '张三', phone: '13800138000' }] });
    const promisedDate = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    const orderBody = (ids: string[]) =>
      JSON.stringify({ customerId: c.customer.id, promisedDate, lines: ids.map((productId) => ({ productId, qty: 1, unitPrice: 10_000 })), submit: true, acknowledge: [{ code: 'POSSIBLE_DUPLICATE_ORDER', reason: 'benchmark' }] });
    /** 5 distinct hot SKUs at random: every order collides with others on the same stock rows. */
    const hotBody = () => orderBody([...hot].sort(() => Math.random() - 0.5).slice(0, 5));
    const out: IntakeFigures[] = [];
    const scenarios = [
      { scenario: '5 SKUs, plenty of stock', connections: [1, 32], request: { body: orderBody(productIds) } },
      { scenario: `5 of ${HOT_SKUS} hot SKUs, ${HOT_STOCK} each`, connections: [32], request: { setupRequest: (req: any) => ({ ...req, body: hotBody() }) } },
    ];
    for (const sc of scenarios) {
      for (const connections of sc.connections) {
        const r = await new Promise<autocannon.Result>((resolve, reject) =>
          autocannon({ url: `${base}/api/v1/orders`, method: 'POST', connections, duration, headers: { ...auth, 'content-type': 'application/json' }, requests: [{ method: 'POST', ...sc.request }] }, (err, res) => (err ? reject(err) : resolve(res))),
        );
        out.push({ dialect, scenario: sc.scenario, connections, ordersPerSec: Math.round(r.requests.average), p50Ms: r.latency.p50, p99Ms: r.latency.p99, non2xx: r.non2xx, errors: r.errors });
      }
    }
    // Never oversold: what the hot SKUs have reserved, against what they hold.
    const stock = (await (await fetch(`${base}/api/v1/stock?limit=200`, { headers: auth })).json()) as { items: { productId: string; onHand: number; reserved: number }[] };
    out.at(-1)!.oversold = stock.items.filter((s) => hot.includes(s.productId)).reduce((n, s) => n + Math.max(0, s.reserved - s.onHand), 0);
    return out;
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
  }
}

export async function ordersBench(opts: { duration: number }): Promise<IntakeFigures[]> {
  const dir = mkdtempSync(join(tmpdir(), 'gendan-bench-orders-'));
  const results: IntakeFigures[] = [];
  try {
    results.push(...(await runOne(`sqlite:${join(dir, 'b.db')}`, 'sqlite', opts.duration)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  await withPostgresDatabase('orders', async (url) => {
    results.push(...(await runOne(url, 'postgres', opts.duration)));
  });
  return results;
}
