import type { z } from 'zod';
import type { orderLineInput } from '../../../contracts/orders.ts';
import { fitsDecimals, toMilli } from '../../../contracts/quantity.ts';
import { inChunks } from '../../platform/db/chunks.ts';
import type { Tx } from '../../platform/db/database.ts';
import { AppError, fieldError } from '../../platform/http/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { Insertable } from 'kysely';
import type { OrderLineTable, ProductTable } from '../../db/schema.ts';
import { productsRepository } from '../catalog/index.ts';
import { lineAmounts, linesHash, totals } from './order-pricing.ts';

/** A line as built for storing: every column but those the database fills in. */
export type NewLine = Required<Omit<Insertable<OrderLineTable>, 'shippedQty' | 'plannedCompletion' | 'atRisk'>>;

/**
 * Input lines → stored lines with prices snapshotted from the catalog and amounts in fen.
 * Unknown products and quantities finer than the unit allows are field errors.
 */
export async function buildLines(tx: Tx, orderId: string, input: z.infer<typeof orderLineInput>[]) {
  return linesFrom(await productsById(tx, input.map((l) => l.productId)), orderId, input);
}

/** The products of these ids (each once), by id. */
export async function productsById(tx: Tx, ids: string[]): Promise<Map<string, ProductTable>> {
  const out = new Map<string, ProductTable>();
  for (const part of inChunks([...new Set(ids)])) for (const p of await productsRepository.byIds(tx, part)) out.set(p.id, p as ProductTable);
  return out;
}

/** `buildLines` with the products already read (many orders at once: imports). */
export function linesFrom(products: Map<string, ProductTable>, orderId: string, input: z.infer<typeof orderLineInput>[]) {
  const problems = input.flatMap((l, i) => {
    const p = products.get(l.productId);
    if (!p) return [fieldError(`lines.${i}.productId`, 'not_found')];
    if (!fitsDecimals(l.qty, p.unitDecimals)) return [fieldError(`lines.${i}.qty`, 'unit_decimals', { max: p.unitDecimals })];
    return [];
  });
  if (problems.length) throw new AppError('VALIDATION_FAILED', problems);
  const lines: NewLine[] = input.map((l, i) => {
    const p = products.get(l.productId)!;
    const qty = toMilli(l.qty);
    const discountBp = Math.round(l.discountPct * 100);
    const a = lineAmounts(qty, l.unitPrice, discountBp, p.taxRateBp);
    return {
      id: newId(),
      orderId,
      lineNo: i + 1,
      productId: l.productId,
      qty,
      unitPrice: l.unitPrice,
      listPrice: Number(p.listPrice),
      discountBp,
      taxRateBp: p.taxRateBp,
      net: a.net,
      tax: a.tax,
      spec: JSON.stringify(l.spec),
      warehouseId: l.warehouseId ?? null,
      reservedQty: 0,
      shortQty: 0,
      note: l.note ?? null,
    };
  });
  return { lines, products: new Map(input.map((l) => [l.productId, products.get(l.productId)!])), totals: totals(lines), hash: linesHash(lines) };
}
