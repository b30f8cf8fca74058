/**
 * Runs in its own process so peak RSS is the import's own: imports the given .xlsx files
 * into a fresh SQLite (or DATABASE_URL) database, then times duplicate checks.
 * Prints one JSON line.
 */
import { openAndMigrate, ensureAdmin } from '../src/server/bootstrap.ts';
import { loadActor } from '../src/server/modules/admin/index.ts';
import { createCustomersService } from '../src/server/modules/customers/index.ts';
import { createCustomerImport } from '../src/server/modules/customers/customers.import.ts';
import { LiveHub } from '../src/server/platform/live.ts';

const [url, ...files] = process.argv.slice(2);
const handle = await openAndMigrate({ databaseUrl: url });
await ensureAdmin(handle, 'bench1234');
const admin = (await handle.db.selectFrom('appUser').select('id').where('username', '=', 'admin').executeTakeFirstOrThrow()).id;
const actor = (await loadActor(handle.db, admin, 'session'))!;
const importCustomers = createCustomerImport(handle.db, new LiveHub());
const imports = [];
for (const f of files) {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const r = await importCustomers(actor, f, { dryRun: false, locale: 'zh-CN' });
  const cpu = process.cpuUsage(c0);
  // CPU seconds as well as wall time: on a shared, loaded machine wall time mostly measures the neighbours.
  imports.push({ file: f.split('/').pop(), rows: r.rows, imported: r.imported, seconds: +((performance.now() - t0) / 1000).toFixed(2), cpuSeconds: +((cpu.user + cpu.system) / 1e6).toFixed(2) });
}
const svc = createCustomersService(handle.db, 'http://bench');
const total = Number((await handle.db.selectFrom('customer').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
const lat: number[] = [];
for (let i = 0; i < 500; i++) {
  const n = Math.floor(Math.random() * total);
  const t0 = performance.now();
  await svc.checkDuplicates(actor, { name: `基准客户${n}（集团）有限公司`, taxId: null, phones: [`139${String(n).padStart(8, '0')}`] });
  lat.push(performance.now() - t0);
}
lat.sort((a, b) => a - b);
console.log(JSON.stringify({ dialect: handle.dialect, customers: total, imports, duplicateCheck: { p50Ms: +lat[250].toFixed(2), p99Ms: +lat[495].toFixed(2) }, peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
await handle.close();
