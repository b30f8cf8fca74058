/** portal — customer links (/c/:token): the customer's view of their requirement, order or statement. */
import type { App, AppContext } from '../../platform/http/types.ts';
import type { RequirementsService } from '../requirements/index.ts';
import type { OrderPortal } from '../shipping/index.ts';
import { portalRoutes } from './portal.routes.ts';

export function registerPortal(app: App, ctx: AppContext, deps: { requirements: RequirementsService; orders: OrderPortal }) {
  portalRoutes(app, ctx, deps.requirements, deps.orders);
}
