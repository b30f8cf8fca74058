/**
 * One process of the randomized ledger soak (soak.test.ts):
 * `fork(this file, [databaseUrl, productIds, warehouseIds, ops, poolSize, tag])` (ids comma
 * separated). On 'go' it runs `ops` random receipts, issues, transfers, multi-line order
 * reservations and releases, several at a time, and reports how each kind ended and the model:
 * what its acknowledged operations added to on hand and reserved per product and warehouse
 * (thousandths). INSUFFICIENT_STOCK is an expected answer; anything else thrown is a failure.
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
/** `${productId} ${warehouseId}` → [on hand, reserved] added by this process's acknowledged operations. */
const model: Record<string, [number, number]> = {};
const add = (productId: string, warehouseId: string, onHand: number, reserved: number) => {
  const m = (model[`${productId} ${warehouseId}`] ??= [0, 0]);
  m[0] += onHand;
  m[1] += reserved;
};
const productOfLine = new Map<string, string>();

async function step(i: number) {
  const r = Math.random();
  let kind = '';
  try {
    if (r < 0.25) {
      kind = 'receipt';
      const [productId, warehouseId, qty] = [pick(products), pick(warehouses), units()];
      await movements.post(systemActor, { type: 'receipt', productId, warehouseId, qty });
      add(productId, warehouseId, qty * 1000, 0);
    } else if (r < 0.4) {
      kind = 'issue';
      const [productId, warehouseId, qty] = [pick(products), pick(warehouses), units()];
      await movements.post(systemActor, { type: 'issue', productId, warehouseId, qty });
      add(productId, warehouseId, -qty * 1000, 0);
    } else if (r < 0.5) {
      kind = 'transfer';
      const [from, to] = [...warehouses].sort(() => Math.random() - 0.5);
      const [productId, qty] = [pick(products), units()];
      await movements.post(systemActor, { type: 'transfer', productId, warehouseId: from, toWarehouseId: to, qty });
      add(productId, from, -qty * 1000, 0);
      add(productId, to, qty * 1000, 0);
    } else if (r < 0.85) {
      kind = 'reserve';
      const orderId = `${tag}-${i}`;
      const lines = Array.from({ length: 1 + Math.floor(Math.random() * 3) }, (_, n) => ({ orderLineId: `${orderId}-${n}`, productId: pick(products), warehouseId: pick([...warehouses, null]), qty: units() * 1000 }));
      const reserved = await inTransaction(handle.db, (tx) => reserveForOrder(tx, { orderId, actor: systemActor, lines }));
      for (const l of lines) productOfLine.set(l.orderLineId, l.productId);
      for (const r of reserved) add(productOfLine.get(r.orderLineId)!, r.warehouseId, 0, r.reserved);
      orders.push(orderId);
    } else {
      kind = 'release';
      const orderId = orders.splice(Math.floor(Math.random() * orders.length), 1)[0];
      const released = orderId ? await inTransaction(handle.db, (tx) => releaseForOrder(tx, { orderId, actor: systemActor, reason: 'soak' })) : [];
      for (const r of released) add(productOfLine.get(r.orderLineId)!, r.warehouseId, 0, -r.released);
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
  process.send!({ tally, failures, ms, model }, () => process.exit(0));
});
process.send!({ ready: true });
