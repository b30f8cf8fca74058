/**
 * `gendan check-ledger`: proves the stock counters against their ledgers and prints every
 * violation; exit code 1 when there is any, so cron or CI can alert on it. It changes no
 * stock data and repairs nothing — a wrong counter needs a person to find out why.
 */
import { fromMilli } from '../contracts/quantity.ts';
import { openAndMigrate } from '../server/bootstrap.ts';
import { checkLedger, type LedgerViolation } from '../server/modules/inventory/index.ts';
import type { CommandInput } from './command.ts';
import { formatMs, note, result } from './output.ts';

const what: Record<LedgerViolation['kind'], string> = {
  on_hand_mismatch: 'on hand ≠ Σ movements',
  reserved_mismatch: 'reserved ≠ Σ active reservations',
  reserved_out_of_range: 'reserved outside 0 … on hand',
};

function line(v: LedgerViolation): string {
  const where = `${v.sku ?? v.productId} @ ${v.warehouseCode ?? v.warehouseId}`;
  const expected = v.kind === 'reserved_out_of_range' ? `on hand ${fromMilli(v.expected)}` : `ledger ${fromMilli(v.expected)}`;
  return `  ${what[v.kind].padEnd(34)} ${where}: counter ${fromMilli(v.counter)}, ${expected}`;
}

export async function runCheckLedger({ config, values }: CommandInput): Promise<number> {
  const started = performance.now();
  const handle = await openAndMigrate(config);
  try {
    note(`checking the stock ledger in ${handle.dialect} ${handle.location}`);
    const { checked, violations } = await checkLedger(handle.db);
    const took = formatMs(performance.now() - started);
    if (values.json) {
      result(JSON.stringify({ checked, violations: violations.map((v) => ({ ...v, counter: fromMilli(v.counter), expected: fromMilli(v.expected) })) }, null, 2));
    } else if (violations.length === 0) {
      result(`ledger clean: ${checked} product × warehouse counters match their movements and reservations (took ${took})`);
    } else {
      result(`${violations.length} ledger violation${violations.length === 1 ? '' : 's'} in ${checked} product × warehouse counters (took ${took}):`);
      for (const v of violations) result(line(v));
    }
    return violations.length ? 1 : 0;
  } finally {
    await handle.close();
  }
}
