/**
 * One contender in the reservation race (reservations.test.ts), in its own process:
 * `fork(this file, [databaseUrl, productId, warehouseId, calls, poolSize, tag])`. On 'go' it
 * fires `calls` single-unit reserveForOrder transactions at once (each its own order) over
 * its own connection pool and reports every result. Separate processes, because SQLite
 * serializes writers per connection and per file, and that is what is under test.
 */
import { reserveForOrder } from '../../src/server/modules/inventory/index.ts';
import { openDatabase } from '../../src/server/platform/db/database.ts';
import { inTransaction } from '../../src/server/platform/db/transaction.ts';
import { systemActor } from '../../src/server/platform/http/actor.ts';

const [url, productId, warehouseId, calls, poolSize, tag] = process.argv.slice(2);
const handle = openDatabase(url, { poolSize: Number(poolSize) });

async function one(i: number) {
  try {
    const [r] = await inTransaction(handle.db, (tx) =>
      reserveForOrder(tx, {
        orderId: `${tag}-${i}`,
        actor: systemActor,
        // Every other call relies on the default warehouse.
        lines: [{ orderLineId: `${tag}-${i}-1`, productId, warehouseId: i % 2 ? null : warehouseId, qty: 1000 }],
      }),
    );
    return { reserved: r.reserved, short: r.short, warehouseId: r.warehouseId };
  } catch (err) {
    return { error: String((err as Error)?.message ?? err) };
  }
}

process.on('message', async (m) => {
  if (m !== 'go') return;
  const started = performance.now();
  const results = await Promise.all(Array.from({ length: Number(calls) }, (_, i) => one(i)));
  const ms = performance.now() - started;
  await handle.close();
  process.send!({ results, ms }, () => process.exit(0));
});
process.send!({ ready: true });
