/**
 * One process of the randomized ledger soak (soak.test.ts):
 * `fork(this file, [databaseUrl, productIds, warehouseIds, ops, poolSize, tag])` (ids comma
 * separated). On 'go' it runs `ops` random receipts, issues, transfers, multi-line order
 * reservations and releases, several at a time, and reports how each kind ended.
 * INSUFFICIENT_STOCK is an expected answer; anything else thrown is a failure.
 */
import { createMovementsService, releaseForOrder, reserveForOrder } from '../../src/server/modules/inventory/index.ts';
import { openDatabase } from '../../src/server/platform/db/database.ts';
import { inTransaction } from '../../src/server/platform/db/transaction.ts';
import { systemActor } from '../../src/server/platform/http/actor.ts';

const [url, productArg, warehouseArg, ops, poolSize, tag] = process.argv.slice(2);
const products = productArg.split(',');
const warehouses = warehouseArg.split(',');
const handle = openDatabase(url, { poolSize: Number(poolSize) });
const movements = createMovementsService(handle.db);
const pick = <T>(xs: T[]) => xs[Math.floor(Math.random() * xs.length)];
const units = () => 1 + Math.floor(Math.random() * 5);
const orders: string[] = [];
const tally: Record<string, number> = {};
const failures: string[] = [];

async function step(i: number) {
  const r = Math.random();
  let kind = '';
  try {
    if (r < 0.25) {
      kind = 'receipt';
      await movements.post(systemActor, { type: 'receipt', productId: pick(products), warehouseId: pick(warehouses), qty: units() });
    } else if (r < 0.4) {
      kind = 'issue';
      await movements.post(systemActor, { type: 'issue', productId: pick(products), warehouseId: pick(warehouses), qty: units() });
    } else if (r < 0.5) {
      kind = 'transfer';
      const [from, to] = [...warehouses].sort(() => Math.random() - 0.5);
      await movements.post(systemActor, { type: 'transfer', productId: pick(products), warehouseId: from, toWarehouseId: to, qty: units() });
    } else if (r < 0.85) {
      kind = 'reserve';
      const orderId = `${tag}-${i}`;
      const lines = Array.from({ length: 1 + Math.floor(Math.random() * 3) }, (_, n) => ({ orderLineId: `${orderId}-${n}`, productId: pick(products), warehouseId: pick([...warehouses, null]), qty: units() * 1000 }));
      await inTransaction(handle.db, (tx) => reserveForOrder(tx, { orderId, actor: systemActor, lines }));
      orders.push(orderId);
    } else {
      kind = 'release';
      const orderId = orders.splice(Math.floor(Math.random() * orders.length), 1)[0];
      if (orderId) await inTransaction(handle.db, (tx) => releaseForOrder(tx, { orderId, actor: systemActor, reason: 'soak' }));
    }
    tally[kind] = (tally[kind] ?? 0) + 1;
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'INSUFFICIENT_STOCK') tally[`${kind} refused`] = (tally[`${kind} refused`] ?? 0) + 1;
    // PostgreSQL's detail names the transactions in a deadlock cycle: that is what to read when this fails.
    else failures.push(`${kind}: ${code ?? ''} ${(err as Error).message} ${(err as { detail?: string }).detail ?? ''}`.trim());
  }
}

process.on('message', async (m) => {
  if (m !== 'go') return;
  const started = performance.now();
  // A few operations in flight at once per process, so the pool's connections contend too.
  let next = 0;
  const lane = async () => {
    while (next < Number(ops)) await step(next++);
  };
  await Promise.all(Array.from({ length: Number(poolSize) }, lane));
  const ms = performance.now() - started;
  await handle.close();
  process.send!({ tally, failures, ms }, () => process.exit(0));
});
process.send!({ ready: true });
