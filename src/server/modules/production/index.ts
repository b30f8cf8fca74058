/**
 * production — multi-level BOMs (versions with effective dates), their explosion into
 * component requirements, and the material check of an order's make-to-order lines.
 * Sits above inventory and catalog; reads orders only through the orders door.
 */
import type { App, AppContext } from '../../platform/http/types.ts';
import type { OrdersService } from '../orders/index.ts';
import { createBomService } from './bom.service.ts';
import { createMaterialCheckService } from './material-check.service.ts';
import { productionRoutes } from './production.routes.ts';

export { explode, BomCycleError, type BomEdge, type ExplodedRequirement } from './bom-explosion.ts';
export type { BomService } from './bom.service.ts';
export type { MaterialCheckService } from './material-check.service.ts';

export function registerProduction(app: App, ctx: AppContext, deps: { orders: Pick<OrdersService, 'get'> }) {
  const bom = createBomService(ctx.handle.db, ctx.config);
  const materials = createMaterialCheckService(ctx.handle.db, ctx.config, deps.orders);
  productionRoutes(app, bom, materials);
  return { bom, materials };
}
