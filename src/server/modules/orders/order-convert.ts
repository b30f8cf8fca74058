import type { Tx } from '../../platform/db/database.ts';
import { AppError, fieldError } from '../../platform/http/errors.ts';
import { productsRepository } from '../catalog/index.ts';

interface Item {
  productId?: string | null;
  description: string;
  qty: number;
  spec: Record<string, string>;
  note?: string | null;
}

/**
 * The product for each requirement item: the one the user chose in the convert dialog,
 * else the one the item names. Each problem is a field error on the item
 * (`items.<index>.productId`) with its description, so the user sees which line to fix:
 * no product, unknown product, inactive product, an index that is not an item, or an
 * item chosen twice.
 */
export async function chooseProducts<T extends Item>(tx: Tx, items: T[], choices: { itemIndex: number; productId: string }[]): Promise<(T & { productId: string })[]> {
  const problems: ReturnType<typeof fieldError>[] = [];
  const chosen = new Map<number, string>();
  choices.forEach((c, k) => {
    if (c.itemIndex >= items.length) problems.push(fieldError(`items.${k}.itemIndex`, 'not_found', { itemIndex: c.itemIndex }));
    else if (chosen.has(c.itemIndex)) problems.push(fieldError(`items.${k}.itemIndex`, 'duplicate_item', { itemIndex: c.itemIndex }));
    else chosen.set(c.itemIndex, c.productId);
  });
  const ids = items.map((it, i) => chosen.get(i) ?? it.productId ?? null);
  const products = new Map((await productsRepository.byIds(tx, [...new Set(ids.filter((x): x is string => !!x))])).map((p) => [p.id, p]));
  ids.forEach((pid, i) => {
    const named = { itemIndex: i, description: items[i].description };
    if (!pid) problems.push(fieldError(`items.${i}.productId`, 'product_required', named));
    else if (!products.has(pid)) problems.push(fieldError(`items.${i}.productId`, 'not_found', named));
    else if (products.get(pid)!.active !== 1) problems.push(fieldError(`items.${i}.productId`, 'inactive', { ...named, sku: products.get(pid)!.sku }));
  });
  if (problems.length) throw new AppError('VALIDATION_FAILED', problems);
  return items.map((it, i) => ({ ...it, productId: ids[i]! }));
}
