import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { createTestDb, dialects } from '../helpers/db.ts';
import { oversellProof } from './oversell.harness.ts';

/** CI: 2 servers, 300 orders, a few rounds; `npm run proof`: 8 servers, 1,000 orders, 20 rounds. */
const SERVERS = Number(process.env.OVERSELL_SERVERS ?? 2);
const ORDERS = Number(process.env.OVERSELL_ORDERS ?? 300);
const ROUNDS = Number(process.env.OVERSELL_ROUNDS ?? 1);
const STOCK = 100;

for (const d of await dialects()) {
  describe(`oversell proof through the API, ${SERVERS} servers on one database [${d.name}]`, { skip: d.skip }, () => {
    for (let round = 1; round <= ROUNDS; round++) {
      test(`round ${round}: ${ORDERS} concurrent 1-unit orders against ${STOCK} units: exactly ${STOCK} reserved, ${ORDERS - STOCK} short, 0 oversold, 0 5xx, ledger clean`, { timeout: 300_000 }, async (t) => {
        const dir = mkdtempSync(join(tmpdir(), 'gendan-oversell-'));
        const pgDb = d.name === 'postgres' ? await createTestDb('postgres') : undefined;
        try {
          const r = await oversellProof({ databaseUrl: pgDb?.url ?? `sqlite:${join(dir, 'oversell.db')}`, servers: SERVERS, orders: ORDERS, stock: STOCK, concurrency: 64 });
          t.diagnostic(JSON.stringify(r));
          assert.deepEqual(
            { created: r.created, reserved: r.reserved, short: r.short, oversold: r.oversold, status5xx: r.status5xx, otherStatus: r.otherStatus, ledgerViolations: r.ledgerViolations },
            { created: ORDERS, reserved: STOCK, short: ORDERS - STOCK, oversold: 0, status5xx: 0, otherStatus: 0, ledgerViolations: 0 },
          );
        } finally {
          await pgDb?.drop();
          rmSync(dir, { recursive: true, force: true });
        }
      });
    }
  });
}
