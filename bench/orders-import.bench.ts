/**
 * Order import end to end: a workbook of `orders` × 5 lines (one row per line, the template's
 * columns) imported through POST /api/v1/orders/import into a fresh database (SQLite, then
 * PostgreSQL when it is reachable) that holds 1,000 customers (imported first) and 50 SKUs. The
 * import runs in a child process with a 256 MB heap cap, as the customer import bench does, so
 * peak RSS is the memory it needs rather than garbage V8 had no reason to collect. Target
 * (issue 8): 100,000 rows in < 15 s and < 300 MB.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { customerImportColumns } from '../src/contracts/customers.ts';
import { orderImportColumns } from '../src/contracts/orders.ts';
import { writeWorkbook } from '../test/helpers/xlsx.ts';
import { withPostgresDatabase } from './util.ts';

const CUSTOMERS = 1000;
const SKUS = 50;
const LINES = 5;

export async function ordersImportBench(opts: { orders: number }) {
  const dir = mkdtempSync(join(tmpdir(), 'gendan-bench-oimp-'));
  try {
    const customers = join(dir, 'customers.xlsx');
    await writeWorkbook(customers, '客户', customerImportColumns, CUSTOMERS, (i) => ({ code: `BC${i}`, name: `订单导入客户${i}有限公司`, contactName: '张三', contactPhone: `138${String(i).padStart(8, '0')}` }));
    const orders = join(dir, 'orders.xlsx');
    const promisedDate = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    await writeWorkbook(orders, '订单', orderImportColumns, opts.orders * LINES, (i) => {
      const order = Math.floor(i / LINES);
      return { orderKey: `K${order}`, customerCode: `BC${order % CUSTOMERS}`, customerPo: `PO-${order}`, promisedDate, sku: `B-${(order + (i % LINES) * 7) % SKUS}`, qty: 1 + (i % 9), unitPrice: 99.5 + (i % 50) };
    });
    const run = (databaseUrl: string) => {
      const r = spawnSync(process.execPath, ['--max-old-space-size=256', '--import', 'tsx', join(import.meta.dirname, 'orders-import-child.ts'), databaseUrl, customers, orders, String(SKUS)], { encoding: 'utf8', maxBuffer: 10 * 1024 * 1024 });
      if (r.status !== 0) throw new Error(r.stderr);
      return JSON.parse(r.stdout.trim().split('\n').pop()!) as Record<string, unknown>;
    };
    const rows = [run(`sqlite:${join(dir, 'b.db')}`)];
    await withPostgresDatabase('oimp', async (url) => void rows.push(run(url)));
    return rows;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
