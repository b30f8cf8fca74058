import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { createTestDb, dialects } from '../helpers/db.ts';
import { crashProof } from './crash.harness.ts';

/** CI runs a few crashes per dialect; `npm run proof` sets CRASH_RUNS=50. */
const RUNS = Number(process.env.CRASH_RUNS ?? 3);
const SEED = Number(process.env.CRASH_SEED ?? Date.now() % 100_000);

for (const d of await dialects()) {
  describe(`crash proof: kill -9 under order intake [${d.name}]`, { skip: d.skip }, () => {
    test(`${RUNS} crashes at random moments (seed ${SEED}): every acknowledged order whole, nothing partial, ledger and file intact, every webhook delivered`, { timeout: 60_000 + RUNS * 15_000 }, async (t) => {
      const dir = mkdtempSync(join(tmpdir(), 'gendan-crash-'));
      const pgDb = d.name === 'postgres' ? await createTestDb('postgres') : undefined;
      try {
        const report = await crashProof({ databaseUrl: pgDb?.url ?? `sqlite:${join(dir, 'crash.db')}`, runs: RUNS, clients: 8, seed: SEED });
        t.diagnostic(JSON.stringify(report));
        assert.ok(report.acknowledged > 0, 'no order was acknowledged: the load never ran');
        assert.deepEqual(
          { lost: report.lost, partial: report.partial, phantomDeliveries: report.phantomDeliveries, undelivered: report.undelivered, ledgerViolations: report.ledgerViolations },
          { lost: 0, partial: 0, phantomDeliveries: 0, undelivered: 0, ledgerViolations: 0 },
        );
        assert.match(report.integrity, /^(ok|n\/a)/);
      } finally {
        await pgDb?.drop();
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
}
