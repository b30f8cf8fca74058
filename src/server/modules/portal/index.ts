/** portal — customer links (/c/:token): the customer's view of their requirement, order or statement. */
import type { App, AppContext } from '../../platform/http/types.ts';
import type { RequirementsService } from '../requirements/index.ts';
import { portalRoutes } from './portal.routes.ts';

export function registerPortal(app: App, ctx: AppContext, deps: { requirements: RequirementsService }) {
  portalRoutes(app, ctx, deps.requirements);
}
