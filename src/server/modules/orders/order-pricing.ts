import { createHash } from 'node:crypto';

/**
 * Line amounts in fen, exact: BigInt arithmetic, rounded half up once per line.
 * Unit prices are tax-exclusive; tax is computed per line (rounding stated on the
 * order page: "税额按行四舍五入").
 */
export function lineAmounts(qtyMilli: number, unitPrice: number, discountBp: number, taxRateBp: number) {
  const num = BigInt(qtyMilli) * BigInt(unitPrice) * BigInt(10_000 - discountBp);
  const den = 10_000_000n; // 1000 (milli) × 10000 (basis points)
  const net = Number((num * 2n + den) / (2n * den));
  const tax = Number((BigInt(net) * BigInt(taxRateBp) * 2n + 10_000n) / 20_000n);
  return { net, tax, gross: net + tax };
}

export function totals(lines: { net: number; tax: number }[]) {
  const net = lines.reduce((s, l) => s + l.net, 0);
  const tax = lines.reduce((s, l) => s + l.tax, 0);
  return { net, tax, gross: net + tax };
}

/** Same products, quantities and prices in any order → same hash (the duplicate check). */
export function linesHash(lines: { productId: string; qty: number; unitPrice: number }[]): string {
  const key = lines
    .map((l) => `${l.productId}:${l.qty}:${l.unitPrice}`)
    .sort()
    .join('|');
  return createHash('sha256').update(key).digest('hex').slice(0, 32);
}
