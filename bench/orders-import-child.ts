/**
 * Runs in its own process so peak RSS is the import's own: `<database url> <customers.xlsx>
 * <orders.xlsx> <skus>` seeds the SKUs (B-0…) and imports the customers through the app, then
 * times the order import end to end (POST /api/v1/orders/import, all rows or none). Prints one
 * JSON line: time, CPU, RSS before, peak RSS and the peak of live heap (sampled).
 */
import { readFileSync } from 'node:fs';
import { buildApp } from '../src/server/app.ts';
import { ensureAdmin, openAndMigrate } from '../src/server/bootstrap.ts';
import { loadConfig } from '../src/server/config.ts';
import { seedIntakeWorld } from './util.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const [databaseUrl, customersFile, ordersFile, skus] = process.argv.slice(2) as [string, string, string, string];
const handle = await openAndMigrate({ databaseUrl });
await ensureAdmin(handle, 'bench1234');
const { app } = await buildApp({ config: loadConfig({}, { databaseUrl, logLevel: 'silent' }), handle, logger: false });
await app.ready();
const { post, headers } = await seedIntakeWorld(app, { username: 'admin', password: 'bench1234' }, 'B');
for (let i = 5; i < Number(skus); i++) await post('/api/v1/products', { sku: `B-${i}`, name: `基准产品${i}`, unit: '件', listPrice: 10_000 });

const upload = async (url: string, file: string) => {
  const res = await app.inject({ method: 'POST', url, payload: readFileSync(file), headers: { ...headers, 'content-type': XLSX } });
  if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body.slice(0, 500)}`);
  return res.json() as { rows: number; imported: number };
};
const customers = await upload('/api/v1/customers/import?dryRun=false', customersFile);
const rssBeforeMb = Math.round(process.memoryUsage().rss / 1024 / 1024);
let peakHeap = 0;
const sampler = setInterval(() => (peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed)), 25);
const t0 = performance.now();
const c0 = process.cpuUsage();
const orders = await upload('/api/v1/orders/import?dryRun=false', ordersFile);
const cpu = process.cpuUsage(c0);
clearInterval(sampler);
console.log(
  JSON.stringify({
    dialect: handle.dialect,
    customers: customers.imported,
    rows: orders.rows,
    orders: orders.imported,
    seconds: +((performance.now() - t0) / 1000).toFixed(2),
    cpuSeconds: +((cpu.user + cpu.system) / 1e6).toFixed(2),
    rssBeforeMb,
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    peakHeapMb: Math.round(peakHeap / 1024 / 1024),
  }),
);
await app.close();
await handle.close();
