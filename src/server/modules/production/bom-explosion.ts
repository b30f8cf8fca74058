/**
 * Multi-level BOM explosion as a pure function: no database, exact integer arithmetic.
 * Quantities are thousandths (contracts/quantity.ts); scrap is basis points.
 */

export interface BomEdge {
  componentId: string;
  /** Thousandths of the component per one unit of the parent. */
  qtyPer: number;
  scrapBp: number;
}

export interface ExplodedRequirement {
  productId: string;
  /** Low-level code: the deepest level the product appears on (1 = direct component). */
  level: number;
  levels: number[];
  /** Thousandths, including scrap, rounded up to the product's unit decimals. */
  required: number;
  hasBom: boolean;
}

export class BomCycleError extends Error {
  constructor(readonly productId: string) {
    super(`BOM cycle through ${productId}`);
  }
}

/** qty (milli) × qtyPer (milli) × (10000 + scrap bp) carries this denominator to get milli. */
const DENOMINATOR = 1000n * 10000n;

/**
 * Gross requirements for `qty` (thousandths) of `rootId`, aggregated per product.
 *
 * MRP-style low-level coding: a product is exploded once, after every parent that uses it
 * (parents always have a lower level code), so a component used on several levels or by
 * several sub-assemblies is summed exactly first and rounded up once to its unit decimals —
 * rounding per usage would over-order, and a sub-assembly must be made in whole units of
 * its own unit before its components are derived from it. No netting against stock here:
 * that is the material check's job.
 */
export function explode(rootId: string, qty: number, edgesOf: ReadonlyMap<string, readonly BomEdge[]>, unitDecimals: (productId: string) => number): ExplodedRequirement[] {
  const levels = new Map<string, number[]>();
  let frontier = new Set([rootId]);
  // In an acyclic graph no path is longer than the number of distinct products.
  const limit = edgesOf.size + 1;
  for (let level = 1; frontier.size; level++) {
    const next = new Set<string>();
    for (const parent of frontier) for (const e of edgesOf.get(parent) ?? []) next.add(e.componentId);
    if (level > limit || next.has(rootId)) throw new BomCycleError([...next][0] ?? rootId);
    for (const id of next) levels.set(id, [...(levels.get(id) ?? []), level]);
    frontier = next;
  }

  const llc = (id: string) => Math.max(...levels.get(id)!);
  const order = [...levels.keys()].sort((a, b) => llc(a) - llc(b));
  const gross = new Map<string, bigint>();
  const add = (parentQty: number, parentId: string) => {
    for (const e of edgesOf.get(parentId) ?? []) {
      gross.set(e.componentId, (gross.get(e.componentId) ?? 0n) + BigInt(parentQty) * BigInt(e.qtyPer) * BigInt(10000 + e.scrapBp));
    }
  };
  add(qty, rootId);
  const out: ExplodedRequirement[] = [];
  for (const id of order) {
    const required = roundUp(gross.get(id) ?? 0n, unitDecimals(id));
    const hasBom = (edgesOf.get(id)?.length ?? 0) > 0;
    out.push({ productId: id, level: llc(id), levels: levels.get(id)!, required, hasBom });
    if (hasBom) add(required, id);
  }
  return out;
}

/** Exact ceiling of numerator / DENOMINATOR (milli) to a multiple of the unit's smallest step. */
function roundUp(numerator: bigint, decimals: number): number {
  const step = 10n ** BigInt(3 - Math.min(3, Math.max(0, decimals)));
  const div = DENOMINATOR * step;
  return Number(((numerator + div - 1n) / div) * step);
}
