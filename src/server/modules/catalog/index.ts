/** catalog — products (units, prices, tax, make/buy, lead time, order limits, spec options) and tier price lists. */
import type { App, AppContext } from '../../platform/http/types.ts';
import { catalogRoutes } from './catalog.routes.ts';
import { createPriceListsService } from './price-lists.service.ts';
import { createProductsService } from './products.service.ts';

export { products as productsRepository, tierPrices } from './products.repository.ts';
export { toProduct } from './products.service.ts';

export function registerCatalog(app: App, ctx: AppContext) {
  const svc = createProductsService(ctx.handle.db);
  catalogRoutes(app, svc, createPriceListsService(ctx.handle.db));
  return svc;
}
