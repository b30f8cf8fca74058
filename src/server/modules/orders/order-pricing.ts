import { createHash } from 'node:crypto';

export { lineAmounts, totals } from '../../../contracts/pricing.ts';

/** Same products, quantities and prices in any order → same hash (the duplicate check). */
export function linesHash(lines: { productId: string; qty: number; unitPrice: number }[]): string {
  const key = lines
    .map((l) => `${l.productId}:${l.qty}:${l.unitPrice}`)
    .sort()
    .join('|');
  return createHash('sha256').update(key).digest('hex').slice(0, 32);
}
