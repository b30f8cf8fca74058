/**
 * Crash proof: order intake under load from concurrent clients while the server is killed
 * with SIGKILL at a random moment, restarted, again and again, on one database. Afterwards
 * every acknowledged (2xx) order must exist whole (lines, reservations, its event), no order
 * may be partial, the stock ledger must be clean, SQLite's integrity check must pass, and
 * every acknowledged order's webhook must have been delivered (duplicates only as the same
 * delivery id, which receivers de-duplicate on).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { checkLedger } from '../../src/server/modules/inventory/index.ts';
import { openDatabase, type DbHandle } from '../../src/server/platform/db/database.ts';

export interface CrashReport {
  runs: number;
  acknowledged: number;
  lost: number;
  partial: number;
  phantomDeliveries: number;
  undelivered: number;
  redelivered: number;
  ledgerViolations: number;
  integrity: string;
}

const LINES = 5;
const PASSWORD = 'crash-proof-1';

/** A seeded pseudo-random generator (mulberry32), so a failing run can be replayed. */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function startServer(databaseUrl: string, port: number): Promise<ChildProcess> {
  const env = { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), GENDAN_ADMIN_PASSWORD: PASSWORD, GENDAN_OUTBOX_POLL_MS: '100', GENDAN_OUTBOX_BACKOFF_MS: '200', GENDAN_OUTBOX_LEASE_MS: '2000', LOG_LEVEL: 'fatal', NODE_ENV: 'production' };
  const child = spawn(process.execPath, ['bin/gendan.mjs', 'serve'], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (b) => (stderr += b));
  const until = Date.now() + 30_000;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}: ${stderr}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return child;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`server did not start: ${stderr}`);
}

async function kill(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill(signal);
  await exited;
}

async function api(base: string, path: string, headers: Record<string, string>, body?: unknown) {
  const r = await fetch(`${base}${path}`, { method: body === undefined ? 'GET' : 'POST', headers: { 'content-type': 'application/json', ...headers }, body: body === undefined ? undefined : JSON.stringify(body) });
  if (r.status >= 300) throw new Error(`${path}: ${r.status} ${await r.text()}`);
  return r.json() as Promise<any>;
}

export async function crashProof(opts: { databaseUrl: string; runs: number; clients: number; seed: number }): Promise<CrashReport> {
  const random = rng(opts.seed);
  const deliveries = new Map<string, number>(); // delivery id → times received
  const deliveredOrders = new Set<string>();
  const receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const id = String(req.headers['x-gendan-delivery']);
      deliveries.set(id, (deliveries.get(id) ?? 0) + 1);
      const event = JSON.parse(body || '{}');
      if (event.entityId) deliveredOrders.add(event.entityId);
      res.end('ok');
    });
  });
  receiver.listen(0, '127.0.0.1');
  await once(receiver, 'listening');
  const port = 4100 + Math.floor(random() * 800);
  const base = `http://127.0.0.1:${port}`;
  let server = await startServer(opts.databaseUrl, port);
  const acknowledged = new Map<string, string>(); // order id → number
  let handle: DbHandle | undefined;
  try {
    const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: PASSWORD }) });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const { secret } = await api(base, '/api/v1/tokens', { cookie, 'x-csrf-token': csrfToken }, { name: 'crash' });
    const auth = { authorization: `Bearer ${secret}` };
    await api(base, '/api/v1/admin/webhooks', auth, { name: '崩溃验证', url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`, topics: ['order.confirmed'] });
    const wh = await api(base, '/api/v1/warehouses', auth, { code: 'CRASH', name: '崩溃仓', isDefault: true });
    const productIds: string[] = [];
    for (let i = 0; i < LINES; i++) {
      const p = await api(base, '/api/v1/products', auth, { sku: `CR-${i}`, name: `崩溃验证产品${i}`, unit: '件', listPrice: 10_000 });
      await api(base, '/api/v1/stock/movements', auth, { type: 'receipt', productId: p.id, warehouseId: wh.id, qty: 1_000_000, reason: '期初' });
      productIds.push(p.id);
    }
    const c = await api(base, '/api/v1/customers', auth, { name: '崩溃验证客户', addresses: [{ province: '上海市', city: '上海市', district: '浦东新区', detail: '张江路 1 号', recipient: '张三', phone: '13800138000' }] });
    const promisedDate = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    const body = JSON.stringify({ customerId: c.customer.id, promisedDate, lines: productIds.map((productId) => ({ productId, qty: 1, unitPrice: 10_000 })), submit: true, acknowledge: [{ code: 'POSSIBLE_DUPLICATE_ORDER', reason: 'crash proof' }] });

    for (let run = 0; run < opts.runs; run++) {
      if (run > 0) server = await startServer(opts.databaseUrl, port);
      let stop = false;
      let firstAck!: () => void;
      const started = new Promise<void>((r) => (firstAck = r));
      const client = async () => {
        while (!stop) {
          try {
            const r = await fetch(`${base}/api/v1/orders`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() }, body });
            const text = await r.text();
            if (r.status === 201) {
              const o = JSON.parse(text).order;
              acknowledged.set(o.id, o.number);
              firstAck();
            } else if (!stop) throw new Error(`intake answered ${r.status}: ${text.slice(0, 300)}`);
          } catch (err) {
            if (stop) return;
            throw err;
          }
        }
      };
      const clients = Array.from({ length: opts.clients }, client);
      // Kill at a random moment once intake is flowing (the first answers of a fresh process are slow).
      await started;
      await new Promise((r) => setTimeout(r, random() * 1000));
      stop = true;
      await kill(server, 'SIGKILL');
      await Promise.all(clients);
    }
    // One last start: the worker delivers what was committed before the crashes.
    server = await startServer(opts.databaseUrl, port);
    handle = openDatabase(opts.databaseUrl);
    const db = handle.db;
    const until = Date.now() + 60_000;
    while (Date.now() < until) {
      const pending = await db.selectFrom('outbox').select((eb) => eb.fn.countAll().as('n')).where('state', '=', 'pending').executeTakeFirstOrThrow();
      if (Number(pending.n) === 0) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    await kill(server, 'SIGTERM');

    const orders = await db.selectFrom('salesOrder').select(['id', 'number', 'status']).execute();
    const byId = new Map(orders.map((o) => [o.id, o]));
    const lineCounts = new Map((await db.selectFrom('orderLine').select(['orderId', (eb) => eb.fn.countAll().as('n')]).groupBy('orderId').execute()).map((r) => [r.orderId, Number(r.n)]));
    const resCounts = new Map((await db.selectFrom('reservation').select(['orderId', (eb) => eb.fn.countAll().as('n')]).where('state', '=', 'active').groupBy('orderId').execute()).map((r) => [r.orderId, Number(r.n)]));
    const confirmedEvents = new Set((await db.selectFrom('event').select('entityId').where('type', '=', 'order.confirmed').execute()).map((e) => e.entityId));
    let lost = 0;
    for (const [id, number] of acknowledged) {
      const o = byId.get(id);
      if (!o || o.number !== number || o.status !== 'confirmed' || !confirmedEvents.has(id)) lost += 1;
    }
    const partial = orders.filter((o) => lineCounts.get(o.id) !== LINES || (o.status === 'confirmed' && resCounts.get(o.id) !== LINES)).length;
    const phantomDeliveries = [...deliveredOrders].filter((id) => !byId.has(id)).length;
    const undelivered = [...acknowledged.keys()].filter((id) => !deliveredOrders.has(id)).length;
    const redelivered = [...deliveries.values()].filter((n) => n > 1).length;
    const ledger = await checkLedger(db);
    let integrity = 'n/a (postgres)';
    if (handle.sqlite) integrity = String(handle.sqlite.pragma('integrity_check', { simple: true }));
    return { runs: opts.runs, acknowledged: acknowledged.size, lost, partial, phantomDeliveries, undelivered, redelivered, ledgerViolations: ledger.violations.length, integrity };
  } finally {
    await kill(server, 'SIGKILL');
    await handle?.close();
    receiver.close();
  }
}
