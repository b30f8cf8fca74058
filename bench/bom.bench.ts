/**
 * BOM explosion: a 5-level BOM of 500 distinct components (4 → 16 → 48 → 144 → 288, scrap on
 * every line) exploded for an order line of 120 units with the BOMs in force today —
 * `explodeFor`, the material check's and GET /products/:id/bom/explosion's work (one query per
 * level, products in one query, the walk in memory). Median and max of 10 after a warm-up, on
 * SQLite and (when reachable) PostgreSQL. Runnable alone: node --import tsx bench/bom.bench.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { openAndMigrate } from '../src/server/bootstrap.ts';
import type { DbHandle } from '../src/server/platform/db/database.ts';
import { explodeFor } from '../src/server/modules/production/index.ts';
import { withPostgresDatabase } from './util.ts';

export interface BomFigures {
  dialect: string;
  levels: number;
  components: number;
  requirements: number;
  medianMs: number;
  maxMs: number;
}

const FAN_OUT = [4, 4, 3, 3, 2];
const RUNS = 10;
const QTY = 120_000; // 120 units in thousandths

async function seed(handle: DbHandle): Promise<number> {
  const db = handle.db;
  const now = new Date().toISOString();
  const product = (id: string, makeOrBuy: 'make' | 'buy') => ({ id, sku: id.toUpperCase(), name: `物料 ${id}`, spec: null, category: null, unit: '件', unitDecimals: 0, listPrice: 1, floorPrice: 0, cost: 0, taxRateBp: 1300, makeOrBuy, leadTimeDays: 0, minQty: null, maxQty: null, specOptions: '{}', active: 1, version: 1, createdAt: now, updatedAt: now });
  const products = [product('root', 'make')];
  const lines = [];
  let level = ['root'];
  let n = 0;
  for (const [depth, fan] of FAN_OUT.entries()) {
    const next: string[] = [];
    for (const parent of level) {
      for (let k = 0; k < fan; k++) {
        const id = `c${++n}`;
        products.push(product(id, depth < FAN_OUT.length - 1 ? 'make' : 'buy'));
        lines.push({ id: `bl-${n}`, parentProductId: parent, componentProductId: id, qtyPer: 1000 + (n % 4) * 500, scrapBp: (n % 5) * 100, version: 1, validFrom: '2000-01-01', validTo: null, sort: k, note: null, createdAt: now });
        next.push(id);
      }
    }
    level = next;
  }
  for (let i = 0; i < products.length; i += 200) await db.insertInto('product').values(products.slice(i, i + 200)).execute();
  for (let i = 0; i < lines.length; i += 200) await db.insertInto('bomLine').values(lines.slice(i, i + 200)).execute();
  return n;
}

async function measure(handle: DbHandle, dialect: string): Promise<BomFigures> {
  const components = await seed(handle);
  const today = new Date().toISOString().slice(0, 10);
  const first = await explodeFor(handle.db, 'root', QTY, today);
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    const r = await explodeFor(handle.db, 'root', QTY, today);
    times.push(performance.now() - t0);
    if (r.length !== first.length) throw new Error('explosion changed between runs');
  }
  times.sort((a, b) => a - b);
  const round = (ms: number) => Math.round(ms * 100) / 100;
  return { dialect, levels: FAN_OUT.length, components, requirements: first.length, medianMs: round((times[4] + times[5]) / 2), maxMs: round(times[RUNS - 1]) };
}

export async function bomBench(): Promise<BomFigures[]> {
  const out: BomFigures[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'gendan-bom-bench-'));
  const sqlite = await openAndMigrate({ databaseUrl: `sqlite:${join(dir, 'bench.db')}` });
  try {
    out.push(await measure(sqlite, 'sqlite'));
  } finally {
    await sqlite.close();
    rmSync(dir, { recursive: true, force: true });
  }
  await withPostgresDatabase('bom', async (url) => {
    const handle = await openAndMigrate({ databaseUrl: url });
    try {
      out.push(await measure(handle, 'postgres'));
    } finally {
      await handle.close();
    }
  });
  return out;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const f of await bomBench()) console.log(`${f.dialect}: ${f.levels}-level BOM, ${f.components} components → ${f.requirements} requirement rows; explosion for 120 units median ${f.medianMs} ms, max ${f.maxMs} ms (${RUNS} runs)`);
}
