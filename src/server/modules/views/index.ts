/**
 * views — saved list views: a user's named filter sets for a list (orders first), shared
 * with everyone when the owner wants, and one default view per user and list.
 */
import type { App, AppContext } from '../../platform/http/types.ts';
import { viewRoutes } from './views.routes.ts';
import { createViewsService } from './views.service.ts';

export { createViewsService, type ViewsService } from './views.service.ts';

export function registerViews(app: App, ctx: AppContext) {
  const svc = createViewsService(ctx.handle.db);
  viewRoutes(app, svc);
  return svc;
}
