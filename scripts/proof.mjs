#!/usr/bin/env node
// `npm run proof`: the full versions of the proofs that CI runs short — crash (50 SIGKILLs per
// dialect), oversell through the API (8 servers, 1,000 orders, 20 rounds), API fuzzing (200 invalid
// payloads per write endpoint), the ledger soak and the multi-process reservation race at full size,
// idempotency, the access matrix and the order model test.
// Each prints its counts (`# {…}` diagnostic lines). Needs PostgreSQL for the PostgreSQL half.
import { spawnSync } from 'node:child_process';

const env = {
  ...process.env,
  CRASH_RUNS: process.env.CRASH_RUNS ?? '50',
  OVERSELL_SERVERS: process.env.OVERSELL_SERVERS ?? '8',
  OVERSELL_ORDERS: process.env.OVERSELL_ORDERS ?? '1000',
  OVERSELL_ROUNDS: process.env.OVERSELL_ROUNDS ?? '20',
  SOAK_PROCESSES: process.env.SOAK_PROCESSES ?? '8',
  SOAK_OPS_PER_PROCESS: process.env.SOAK_OPS_PER_PROCESS ?? '8192',
  RESERVE_CALLS_PER_PROCESS: process.env.RESERVE_CALLS_PER_PROCESS ?? '250',
  FUZZ_CASES: process.env.FUZZ_CASES ?? '200',
  TEST_CONCURRENCY: '1',
};
const files = ['test/proof', 'test/inventory/soak', 'test/inventory/reservations', 'test/platform/idempotency', 'test/orders/model'];
const r = spawnSync(process.execPath, ['scripts/test.mjs', ...files], { stdio: 'inherit', env });
process.exit(r.status ?? 1);
