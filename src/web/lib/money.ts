/**
 * Money as users type it and as the server keeps it: prices are entered in yuan (¥1,299.00)
 * and sent in fen (integers). Line amounts mirror the server's pricing exactly (BigInt,
 * half-up once per line, tax per line — "税额按行四舍五入"), so the totals on the entry page
 * are the totals the order will have.
 */
export const toFen = (yuan: number | null | undefined): number => (yuan === null || yuan === undefined || Number.isNaN(yuan) ? 0 : Math.round(yuan * 100));
export const toYuan = (fen: number | null | undefined): number | null => (fen === null || fen === undefined ? null : fen / 100);

/** Net, tax and gross of one line in fen (same formula as the server's `lineAmounts`). */
export function lineAmounts(qty: number, unitPriceFen: number, discountPct: number, taxRatePct: number) {
  const qtyMilli = BigInt(Math.round(qty * 1000));
  const discountBp = BigInt(Math.round(discountPct * 100));
  const taxRateBp = BigInt(Math.round(taxRatePct * 100));
  const num = qtyMilli * BigInt(unitPriceFen) * (10_000n - discountBp);
  const den = 10_000_000n;
  const net = (num * 2n + den) / (2n * den);
  const tax = (net * taxRateBp * 2n + 10_000n) / 20_000n;
  return { net: Number(net), tax: Number(tax), gross: Number(net + tax) };
}

export function sumAmounts(lines: { net: number; tax: number }[]) {
  const net = lines.reduce((s, l) => s + l.net, 0);
  const tax = lines.reduce((s, l) => s + l.tax, 0);
  return { net, tax, gross: net + tax };
}
