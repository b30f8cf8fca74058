/**
 * Oversell proof through the API: many concurrent 1-unit orders against a product with
 * fewer units, spread over several app server processes on one database (SQLite: processes
 * on one file; PostgreSQL: servers on one database). Every order is confirmed; exactly the
 * units on hand are reserved, the rest reported short; nothing 5xx; the ledger stays clean.
 */
import type { ChildProcess } from 'node:child_process';
import { checkLedger } from '../../src/server/modules/inventory/index.ts';
import { openDatabase } from '../../src/server/platform/db/database.ts';
import { freePorts } from '../helpers/net.ts';
import { proofWorld, startServer, stopServer } from './proof-world.ts';

export interface OversellReport {
  servers: number;
  orders: number;
  stock: number;
  created: number;
  reserved: number;
  short: number;
  oversold: number;
  status5xx: number;
  otherStatus: number;
  ledgerViolations: number;
  ordersPerSec: number;
}

export async function oversellProof(opts: { databaseUrl: string; servers: number; orders: number; stock: number; concurrency: number }): Promise<OversellReport> {
  const ports = await freePorts(opts.servers);
  const servers: ChildProcess[] = [];
  const handle = openDatabase(opts.databaseUrl);
  try {
    servers.push(await startServer(opts.databaseUrl, ports[0]!)); // the first one migrates
    // Every server that started is stopped below, even when another one failed to start.
    const started = await Promise.allSettled(ports.slice(1).map((port) => startServer(opts.databaseUrl, port)));
    for (const s of started) if (s.status === 'fulfilled') servers.push(s.value);
    const failed = started.find((s) => s.status === 'rejected');
    if (failed) throw failed.reason;
    const bases = ports.map((port) => `http://127.0.0.1:${port}`);
    const world = await proofWorld(bases[0]!, { products: 1, stock: opts.stock });
    const body = world.orderBody(1);
    const statuses = new Map<number, number>();
    let next = 0;
    const t0 = performance.now();
    const client = async () => {
      while (next < opts.orders) {
        const i = next++;
        const r = await fetch(`${bases[i % bases.length]}/api/v1/orders`, { method: 'POST', headers: { ...world.auth, 'content-type': 'application/json' }, body });
        await r.arrayBuffer();
        statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
      }
    };
    await Promise.all(Array.from({ length: opts.concurrency }, client));
    const seconds = (performance.now() - t0) / 1000;

    const db = handle.db;
    const lines = await db.selectFrom('orderLine').innerJoin('salesOrder', 'salesOrder.id', 'orderLine.orderId').select(['orderLine.reservedQty', 'orderLine.shortQty', 'salesOrder.status']).where('orderLine.productId', '=', world.productIds[0]!).execute();
    const stock = await db.selectFrom('stock').select(['onHand', 'reserved']).where('productId', '=', world.productIds[0]!).executeTakeFirstOrThrow();
    const ledger = await checkLedger(db);
    const sum = (k: 'reservedQty' | 'shortQty') => lines.reduce((n, l) => n + Number(l[k]), 0) / 1000;
    let status5xx = 0;
    let otherStatus = 0;
    for (const [s, n] of statuses) if (s >= 500) status5xx += n;
    else if (s !== 201) otherStatus += n;
    return {
      servers: opts.servers,
      orders: opts.orders,
      stock: opts.stock,
      created: lines.filter((l) => l.status === 'confirmed').length,
      reserved: sum('reservedQty'),
      short: sum('shortQty'),
      oversold: Math.max(0, Number(stock.reserved) - Number(stock.onHand)) / 1000 + Math.max(0, sum('reservedQty') - opts.stock),
      status5xx,
      otherStatus,
      ledgerViolations: ledger.violations.length,
      ordersPerSec: Math.round(opts.orders / seconds),
    };
  } finally {
    await Promise.all(servers.map((s) => stopServer(s)));
    await handle.close();
  }
}
