/**
 * Finite-capacity scheduling: `POST /schedule/run`'s work (load every open work order with
 * its operations and the centers, plan in memory, write the plan back in bulk) for N work
 * orders × M operations over C centers, on SQLite and (when reachable) PostgreSQL; plus the
 * in-memory planning alone. Work orders get mixed priorities and due dates; data is inserted
 * straight into a fresh migrated database (the HTTP path adds one request on top).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openAndMigrate } from '../src/server/bootstrap.ts';
import type { DbHandle } from '../src/server/platform/db/database.ts';
import { inTransaction } from '../src/server/platform/db/transaction.ts';
import { runSchedule, schedule, type PlanWorkOrder } from '../src/server/modules/production/index.ts';
import { withPostgresDatabase } from './util.ts';

export interface ScheduleFigures {
  dialect: string;
  workOrders: number;
  operations: number;
  centers: number;
  /** Whole run: load + plan + write, in one transaction. */
  runMs: number;
  /** A second run over the same data (warm). */
  rerunMs: number;
  /** Planning in memory only (no database). */
  planOnlyMs: number;
  scheduled: number;
}

const priorities = ['urgent', 'high', 'normal', 'low'] as const;
const FROM = Date.parse('2030-01-07T08:00:00+08:00');

async function seed(handle: DbHandle, n: number, opsPer: number, centers: number) {
  const db = handle.db;
  const now = new Date().toISOString();
  await db.insertInto('product').values({ id: 'bench-p', sku: 'BENCH-P', name: '基准产品', spec: null, category: null, unit: '件', unitDecimals: 0, listPrice: 1, floorPrice: 0, cost: 0, taxRateBp: 1300, makeOrBuy: 'make', leadTimeDays: 0, minQty: null, maxQty: null, specOptions: '{}', active: 1, version: 1, createdAt: now, updatedAt: now }).execute();
  await db
    .insertInto('workCenter')
    .values(Array.from({ length: centers }, (_, i) => ({ id: `wc-${i}`, code: `WC${i}`, name: `中心${i}`, capacityMinutes: 960, shiftStartMinutes: 480, state: 'up' as const, downReason: null, downSince: null, expectedUpAt: null, active: 1, version: 1, createdAt: now, updatedAt: now })))
    .execute();
  for (let i = 0; i < n; i += 500) {
    const ids = Array.from({ length: Math.min(500, n - i) }, (_, k) => i + k);
    await db
      .insertInto('workOrder')
      .values(
        ids.map((k) => ({
          id: `wo-${String(k).padStart(6, '0')}`,
          number: `WO-20300101-${String(k).padStart(6, '0')}`,
          orderId: null,
          orderLineId: null,
          productId: 'bench-p',
          warehouseId: null,
          qty: (1 + (k % 20)) * 1000,
          receivedQty: 0,
          status: k % 3 === 0 ? ('released' as const) : ('planned' as const),
          priority: priorities[k % 4],
          dueDate: `2030-0${1 + (k % 9)}-${String(1 + (k % 28)).padStart(2, '0')}`,
          plannedStart: null,
          plannedFinish: null,
          atRisk: 0,
          bottleneckWorkCenterId: null,
          openLineKey: null,
          version: 1,
          createdBy: null,
          createdAt: new Date(Date.parse(now) + k).toISOString(),
          updatedAt: now,
          releasedAt: null,
          completedAt: null,
        })),
      )
      .execute();
    await db
      .insertInto('workOrderOperation')
      .values(
        ids.flatMap((k) =>
          Array.from({ length: opsPer }, (_, j) => ({
            id: `op-${String(k).padStart(6, '0')}-${j}`,
            workOrderId: `wo-${String(k).padStart(6, '0')}`,
            seq: (j + 1) * 10,
            name: `工序${j + 1}`,
            workCenterId: `wc-${(k + j * 3) % centers}`,
            setupMinutes: 15 + (k % 4) * 5,
            runMilliMinutes: (5 + ((k + j) % 10)) * 1000,
            goodQty: 0,
            scrapQty: 0,
            state: 'pending' as const,
            plannedStart: null,
            plannedFinish: null,
          })),
        ),
      )
      .execute();
  }
}

async function measure(handle: DbHandle, dialect: string, n: number, opsPer: number, centers: number): Promise<ScheduleFigures> {
  await seed(handle, n, opsPer, centers);
  let t = performance.now();
  const first = await inTransaction(handle.db, (tx) => runSchedule(tx, FROM));
  const runMs = performance.now() - t;
  t = performance.now();
  await inTransaction(handle.db, (tx) => runSchedule(tx, FROM));
  const rerunMs = performance.now() - t;
  // The same plan in memory only.
  const wos: PlanWorkOrder[] = Array.from({ length: n }, (_, k) => ({
    id: `wo-${k}`,
    number: `WO-${k}`,
    priority: priorities[k % 4],
    dueDate: `2030-0${1 + (k % 9)}-01`,
    createdAt: String(k),
    operations: Array.from({ length: opsPer }, (_, j) => ({ id: `op-${k}-${j}`, workCenterId: `wc-${(k + j * 3) % centers}`, minutes: 15 + (1 + (k % 20)) * (5 + ((k + j) % 10)), done: false })),
  }));
  const cal = new Map(Array.from({ length: centers }, (_, i) => [`wc-${i}`, { capacityMinutes: 960, blocked: [] }]));
  t = performance.now();
  schedule(wos, cal, FROM);
  const planOnlyMs = performance.now() - t;
  const r = (x: number) => Math.round(x * 10) / 10;
  return { dialect, workOrders: n, operations: n * opsPer, centers, runMs: r(runMs), rerunMs: r(rerunMs), planOnlyMs: r(planOnlyMs), scheduled: first.scheduled };
}

export async function scheduleBench(opts: { workOrders?: number; operationsPerWorkOrder?: number; centers?: number } = {}): Promise<ScheduleFigures[]> {
  const n = opts.workOrders ?? 2000;
  const opsPer = opts.operationsPerWorkOrder ?? 3;
  const centers = opts.centers ?? 10;
  const out: ScheduleFigures[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'gendan-schedule-bench-'));
  const sqlite = await openAndMigrate({ databaseUrl: `sqlite:${join(dir, 'bench.db')}` });
  try {
    out.push(await measure(sqlite, 'sqlite', n, opsPer, centers));
  } finally {
    await sqlite.close();
    rmSync(dir, { recursive: true, force: true });
  }
  await withPostgresDatabase('schedule', async (url) => {
    const handle = await openAndMigrate({ databaseUrl: url });
    try {
      out.push(await measure(handle, 'postgres', n, opsPer, centers));
    } finally {
      await handle.close();
    }
  });
  return out;
}
