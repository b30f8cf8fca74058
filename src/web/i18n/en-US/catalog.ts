import type { Messages } from '../messages.ts';

/** Catalog in English. */
export const catalog: Messages['catalog'] = {
  productPlaceholder: 'Search products by SKU or name',
  noProduct: 'No product found',
};
