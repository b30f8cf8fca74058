/**
 * The no-movement scan over 100,000 open shipments (issue 6: "time to detect and alert a
 * delay across 100,000 open shipments"): one pass of `scanNoMovement` when nothing is silent
 * (the every-10-minutes cost), and when 1,000 shipments have gone silent (each gets its
 * exception, timeline event and owner alert), on SQLite and (when reachable) PostgreSQL.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureAdmin, openAndMigrate } from '../src/server/bootstrap.ts';
import { createExceptionsService, scanNoMovement } from '../src/server/modules/shipping/index.ts';
import { withPostgresDatabase } from './util.ts';

export interface ShippingScanFigures {
  dialect: string;
  openShipments: number;
  idleScanMs: number;
  silentShipments: number;
  alertScanMs: number;
  raised: number;
}

const HOUR = 3_600_000;

async function runOne(databaseUrl: string, dialect: string, open: number, silent: number): Promise<ShippingScanFigures> {
  const handle = await openAndMigrate({ databaseUrl });
  try {
    const db = handle.db;
    await ensureAdmin(handle, 'bench1234');
    const owner = (await db.selectFrom('appUser').select('id').where('username', '=', 'admin').executeTakeFirstOrThrow()).id;
    const now = Date.now();
    const iso = (ms: number) => new Date(ms).toISOString();
    const at = iso(now);
    await db.insertInto('customer').values({ id: 'bench-c', code: 'BENCH', name: '基准客户', nameKey: '基准客户', taxId: null, invoice: '{}', tier: 'B', tags: '[]', ownerId: owner, paymentTermsDays: 30, creditLimit: 0, currency: 'CNY', status: 'active', province: null, customFields: '{}', version: 1, createdBy: null, createdAt: at, updatedAt: at }).execute();
    await db
      .insertInto('salesOrder')
      .values({ id: 'bench-o', number: 'SO-BENCH', customerId: 'bench-c', requirementId: null, customerPo: null, currency: 'CNY', promisedDate: '2099-01-01', priority: 'normal', nonStandard: 0, nonStandardReason: null, shipTo: null, status: 'partially_shipped', ownerId: owner, createdBy: owner, submittedBy: null, net: 0, tax: 0, gross: 0, linesHash: 'x', facts: null, warnings: '[]', note: null, customFields: '{}', version: 1, submittedAt: at, confirmedAt: at, createdAt: at, updatedAt: at })
      .execute();
    for (let i = 0; i < open; i += 1000) {
      const rows = [];
      for (let j = i; j < Math.min(open, i + 1000); j++) {
        // The silent ones last moved 60 h ago; the rest within the last day.
        const moved = iso(j < silent ? now - 60 * HOUR - (j % 60) * 60_000 : now - (j % 24) * HOUR);
        rows.push({ id: `bench-s-${String(j).padStart(6, '0')}`, number: `SH-BENCH-${j}`, orderId: 'bench-o', customerId: 'bench-c', ownerId: owner, status: j % 2 ? ('in_transit' as const) : ('dispatched' as const), shipTo: null, carrier: 'manual', trackingNumber: `NB-${j}`, eta: null, note: null, createdBy: owner, createdAt: moved, dispatchedAt: moved, deliveredAt: null, receipt: null, lastMovementAt: moved });
      }
      await db.insertInto('shipment').values(rows).execute();
    }
    const exceptions = createExceptionsService(db, { publicUrl: 'http://bench' });
    const idleStart = performance.now();
    // 40 h earlier nothing has been silent for 48 h: the scan must not read the open shipments.
    const idle = await scanNoMovement(db, exceptions, new Date(now - 40 * HOUR));
    const idleScanMs = performance.now() - idleStart;
    if (idle.raised !== 0) throw new Error('idle scan raised exceptions');
    const start = performance.now();
    const r = await scanNoMovement(db, exceptions, new Date(now));
    const alertScanMs = performance.now() - start;
    return { dialect, openShipments: open, idleScanMs: Math.round(idleScanMs * 10) / 10, silentShipments: r.scanned, alertScanMs: Math.round(alertScanMs), raised: r.raised };
  } finally {
    await handle.close();
  }
}

/** Figures for both dialects (PostgreSQL skipped when unreachable). */
export async function benchShippingScan(opts: { open?: number; silent?: number } = {}): Promise<ShippingScanFigures[]> {
  const open = opts.open ?? 100_000;
  const silent = opts.silent ?? 1_000;
  const out: ShippingScanFigures[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'gendan-bench-shipping-'));
  try {
    out.push(await runOne(`sqlite:${join(dir, 'bench.db')}`, 'sqlite', open, silent));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  await withPostgresDatabase('shipping', async (url) => {
    out.push(await runOne(url, 'postgres', open, silent));
  });
  return out;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const f of await benchShippingScan()) console.log(JSON.stringify(f));
}
