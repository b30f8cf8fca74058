import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { createMovementsService, reserveForOrder } from '../../src/server/modules/inventory/index.ts';
import { inTransaction } from '../../src/server/platform/db/transaction.ts';
import { systemActor } from '../../src/server/platform/http/actor.ts';
import { newId } from '../../src/server/platform/ids.ts';
import { gendan } from '../cli/cli.ts';
import { createTestDb, dialects, type TestDb } from '../helpers/db.ts';
import { productFactory, warehouseFactory } from '../helpers/factories.ts';

for (const d of await dialects()) {
  describe(`gendan check-ledger [${d.name}]`, { skip: d.skip }, () => {
    let t: TestDb;
    before(async () => {
      t = await createTestDb(d.name);
    });
    after(() => t?.drop());

    test('exits 0 on a clean ledger and 1, naming the pair, after a counter is corrupted in SQL', async () => {
      const db = t.handle.db;
      const p = await productFactory.insert(db, { sku: 'BOLT-M8' });
      const w = await warehouseFactory.insert(db, { code: 'SZ', isDefault: 1 });
      await createMovementsService(db).post(systemActor, { type: 'receipt', productId: p.id, warehouseId: w.id, qty: 40 });
      await inTransaction(db, (tx) => reserveForOrder(tx, { orderId: newId(), actor: systemActor, lines: [{ orderLineId: 'l1', productId: p.id, qty: 15_000 }] }));

      const clean = await gendan(['check-ledger'], { DATABASE_URL: t.url });
      assert.equal(clean.code, 0, clean.stderr);
      assert.match(clean.stdout, /^ledger clean: 1 product × warehouse counters/);

      await sql`update stock set on_hand = on_hand + 2000, reserved = reserved - 1000`.execute(db);
      const [broken, json] = await Promise.all([gendan(['check-ledger'], { DATABASE_URL: t.url }), gendan(['check-ledger', '--json'], { DATABASE_URL: t.url })]);
      assert.equal(broken.code, 1, broken.stderr);
      assert.match(broken.stdout, /^2 ledger violations in 1 product × warehouse counters/);
      assert.match(broken.stdout, /on hand ≠ Σ movements\s+BOLT-M8 @ SZ: counter 42, ledger 40/);
      assert.match(broken.stdout, /reserved ≠ Σ active reservations\s+BOLT-M8 @ SZ: counter 14, ledger 15/);
      assert.equal(json.code, 1);
      assert.deepEqual(
        JSON.parse(json.stdout).violations.map((v: any) => [v.kind, v.counter, v.expected]),
        [['on_hand_mismatch', 42, 40], ['reserved_mismatch', 14, 15]],
      );
    });
  });
}
