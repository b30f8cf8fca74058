/** requirements — 需求单: versioned requirement forms with admin-defined fields and customer confirmation. */
import type { App, AppContext } from '../../platform/http/types.ts';
import { requirementRoutes } from './requirements.routes.ts';
import { createRequirementsService } from './requirements.service.ts';

export { createRequirementsService, type RequirementsService } from './requirements.service.ts';
export { requirementFileReferrer } from './requirement-files.ts';

export function registerRequirements(app: App, ctx: AppContext) {
  const svc = createRequirementsService(ctx.handle.db, ctx.config);
  requirementRoutes(app, svc);
  return svc;
}
