/**
 * Quantities are exact decimals with at most 3 places, stored as integers in thousandths
 * ("milli-units"): 2.5 米 is stored as 2500. Conversions live here only.
 */
export const QTY_SCALE = 1000;

export function toMilli(qty: number): number {
  return Math.round(qty * QTY_SCALE);
}

export function fromMilli(milli: number): number {
  return milli / QTY_SCALE;
}

/** True when `qty` has no more decimals than `decimals` (e.g. pieces: 0, metres: 2). */
export function fitsDecimals(qty: number, decimals: number): boolean {
  const scaled = qty * 10 ** decimals;
  return Math.abs(scaled - Math.round(scaled)) < 1e-6;
}
