/**
 * The reminder scan over 100,000 open stages (issue 7): how long one pass of
 * `scanStageAlerts` takes when nothing has come due (the index probe every minute costs),
 * and when 1,000 stages are past due (a week later: recording two escalation levels each and queueing
 * their delivery), on SQLite and (when reachable) PostgreSQL.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { openAndMigrate } from '../src/server/bootstrap.ts';
import { scanStageAlerts } from '../src/server/modules/sla/index.ts';
import { withPostgresDatabase } from './util.ts';

export interface SlaScanFigures {
  dialect: string;
  openStages: number;
  idleScanMs: number;
  dueStages: number;
  dueScanMs: number;
  alerts: number;
}

async function runOne(databaseUrl: string, dialect: string, open: number, due: number): Promise<SlaScanFigures> {
  const handle = await openAndMigrate({ databaseUrl });
  try {
    const now = Date.now();
    const iso = (ms: number) => new Date(ms).toISOString();
    for (let i = 0; i < open; i += 1000) {
      const rows = [];
      for (let j = i; j < Math.min(open, i + 1000); j++) {
        const late = j < due;
        const dueAt = late ? now - 2 * 3_600_000 - (j % 60) * 60_000 : now + (20 + (j % 30)) * 86_400_000;
        rows.push({ orderId: `bench-${String(j).padStart(6, '0')}`, stage: 'shipping' as const, ownerId: null, dueAt: iso(dueAt), startedAt: null, completedAt: null, skipped: 0, delayReason: null, nextAlertAt: iso(late ? now - 3_600_000 : dueAt - 2 * 86_400_000) });
      }
      await handle.db.insertInto('orderStage').values(rows).execute();
    }
    const idleStart = performance.now();
    // Nothing is due yet for the far stages: the scan must not read them.
    const idle = await scanStageAlerts(handle, { now: now - 2 * 86_400_000 });
    const idleScanMs = performance.now() - idleStart;
    if (idle.alerts !== 0) throw new Error('idle scan sent alerts');
    const start = performance.now();
    const r = await scanStageAlerts(handle, { now: now + 7 * 86_400_000 });
    const dueScanMs = performance.now() - start;
    return { dialect, openStages: open, idleScanMs: Math.round(idleScanMs * 10) / 10, dueStages: r.stages, dueScanMs: Math.round(dueScanMs), alerts: r.alerts };
  } finally {
    await handle.close();
  }
}

/** Figures for both dialects (PostgreSQL skipped when unreachable). */
export async function benchSlaScan(opts: { open?: number; due?: number } = {}): Promise<SlaScanFigures[]> {
  const open = opts.open ?? 100_000;
  const due = opts.due ?? 1_000;
  const out: SlaScanFigures[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'gendan-bench-sla-'));
  try {
    out.push(await runOne(`sqlite:${join(dir, 'bench.db')}`, 'sqlite', open, due));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  await withPostgresDatabase('sla', async (url) => {
    out.push(await runOne(url, 'postgres', open, due));
  });
  return out;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const f of await benchSlaScan()) console.log(JSON.stringify(f));
}
