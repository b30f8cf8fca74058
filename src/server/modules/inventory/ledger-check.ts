import type { Db, Tx } from '../../platform/db/database.ts';
import { balances, counterRows, labels } from './balances.repository.ts';

export type LedgerViolationKind = 'on_hand_mismatch' | 'reserved_mismatch' | 'reserved_out_of_range';

/** One broken invariant; quantities in thousandths. */
export interface LedgerViolation {
  kind: LedgerViolationKind;
  productId: string;
  sku: string | null;
  warehouseId: string;
  warehouseCode: string | null;
  /** The stored counter, and what the ledger says it should be (for out-of-range: on hand). */
  counter: number;
  expected: number;
}

/**
 * The ledger invariants (DESIGN.md "The spine") for every product × warehouse:
 * Σ movements = on hand, Σ active reservations = reserved, 0 ≤ reserved ≤ on hand.
 * Pairs that only exist in a ledger (movements without a counter row) count too.
 */
export async function checkLedger(q: Db | Tx): Promise<{ checked: number; violations: LedgerViolation[] }> {
  const bad = await balances(q, { onlyViolations: true });
  const checked = await counterRows(q);
  const names = await labels(
    q,
    [...new Set(bad.map((b) => b.productId))],
    [...new Set(bad.map((b) => b.warehouseId))],
  );
  const violations: LedgerViolation[] = [];
  for (const b of bad) {
    const where = { productId: b.productId, sku: names.sku.get(b.productId) ?? null, warehouseId: b.warehouseId, warehouseCode: names.code.get(b.warehouseId) ?? null };
    if (b.onHand !== b.moved) violations.push({ kind: 'on_hand_mismatch', ...where, counter: b.onHand, expected: b.moved });
    if (b.reserved !== b.held) violations.push({ kind: 'reserved_mismatch', ...where, counter: b.reserved, expected: b.held });
    if (b.reserved < 0 || b.reserved > b.onHand) violations.push({ kind: 'reserved_out_of_range', ...where, counter: b.reserved, expected: b.onHand });
  }
  return { checked, violations };
}
