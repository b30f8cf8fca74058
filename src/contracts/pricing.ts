/**
 * Line amounts in fen, exact, shared by the server and the entry page: BigInt arithmetic,
 * rounded half up once per line. Unit prices are tax-exclusive; tax is computed per line
 * (shown as "税额按行四舍五入").
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
