import { lineAmounts as contractLineAmounts, totals } from '../../contracts/pricing.ts';

/**
 * Money as users type it and as the server keeps it: prices are entered in yuan (¥1,299.00)
 * and sent in fen (integers). Line amounts use the server's own
 * formula (`contracts/pricing.ts`), so the totals on the entry page are the order's totals.
 */
export const toFen = (yuan: number | null | undefined): number => (yuan === null || yuan === undefined || Number.isNaN(yuan) ? 0 : Math.round(yuan * 100));
export const toYuan = (fen: number | null | undefined): number | null => (fen === null || fen === undefined ? null : fen / 100);

/** Net, tax and gross of one line in fen, as typed on the entry page (the server's own formula). */
export function lineAmounts(qty: number, unitPriceFen: number, discountPct: number, taxRatePct: number) {
  return contractLineAmounts(Math.round(qty * 1000), unitPriceFen, Math.round(discountPct * 100), Math.round(taxRatePct * 100));
}

export const sumAmounts = totals;
