/**
 * Crash proof: order intake under load from concurrent clients while the server is killed
 * with SIGKILL at a random moment, restarted, again and again, on one database. Afterwards
 * every acknowledged (2xx) order must exist whole (lines, reservations, its event), no order
 * may be partial, the stock ledger must be clean, SQLite's integrity check must pass, and
 * every acknowledged order's webhook must have been delivered (duplicates only as the same
 * delivery id, which receivers de-duplicate on).
 */
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { checkLedger } from '../../src/server/modules/inventory/index.ts';
import { openDatabase, type DbHandle } from '../../src/server/platform/db/database.ts';
import { freePorts } from '../helpers/net.ts';
import { api, proofWorld, rng, startServer, stopServer } from './proof-world.ts';

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
  const [port] = (await freePorts(1)) as [number];
  const base = `http://127.0.0.1:${port}`;
  let server = await startServer(opts.databaseUrl, port);
  const acknowledged = new Map<string, string>(); // order id → number
  let handle: DbHandle | undefined;
  try {
    const world = await proofWorld(base, { products: LINES, stock: 1_000_000 });
    const auth = world.auth;
    await api(base, '/api/v1/admin/webhooks', auth, { name: '崩溃验证', url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`, topics: ['order.confirmed'] });
    const body = world.orderBody(1);

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
      await stopServer(server, 'SIGKILL');
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
    await stopServer(server, 'SIGTERM');

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
    await stopServer(server, 'SIGKILL');
    await handle?.close();
    receiver.close();
  }
}
