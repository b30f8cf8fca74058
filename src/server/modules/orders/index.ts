/**
 * orders — the sales order: entry, checks at submit, numbers, approval routing,
 * confirmation with stock reservation, cancellation, timeline.
 */
import type { App, AppContext } from '../../platform/http/types.ts';
import type { ApprovalsService } from '../approvals/index.ts';
import type { RequirementsService } from '../requirements/index.ts';
import { createDryRun } from './order-dry-run.ts';
import { createOrderStages } from './order-stages.ts';
import { createOrderList } from './order-list.ts';
import { orderListRoutes } from './orders.list.routes.ts';
import { orderRoutes } from './orders.routes.ts';
import { createOrdersService } from './orders.service.ts';

export { createOrdersService, type OrdersService } from './orders.service.ts';
export { fulfilment } from './order-fulfilment.ts';
export { orderProduction } from './order-production.ts';
export { openOrdersWithRisk } from './order-risk.ts';
export type { RevisionPortal } from './order-revision-confirmation.ts';
export { orderFileReferrer } from './order-files.ts';

export function registerOrders(app: App, ctx: AppContext, deps: { approvals: ApprovalsService; requirements: RequirementsService }) {
  const svc = createOrdersService(ctx.handle.db, ctx.config, deps.approvals, deps.requirements);
  orderRoutes(app, svc, createDryRun(ctx.handle.db), createOrderStages(ctx.handle.db, ctx.config));
  orderListRoutes(app, createOrderList(ctx.handle.db, ctx.config), ctx.config.timeZone);
  return svc;
}
