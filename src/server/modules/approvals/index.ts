/**
 * approvals — admin-configured rules → multi-level approval chains, the approver's inbox,
 * decisions. Document modules register a handler and start chains through this door.
 */
import type { App, AppContext } from '../../platform/http/types.ts';
import { approvalRoutes } from './approvals.routes.ts';
import { createApprovalsService } from './approvals.service.ts';
import { createRulesService } from './rules.service.ts';

export { registerDocumentHandler, activeRules, createApprovalsService, type ApprovalsService, type Outcome } from './approvals.service.ts';
export { buildChain, type Rule } from './chain.ts';

export function registerApprovals(app: App, ctx: AppContext) {
  const approvals = createApprovalsService(ctx.handle.db);
  approvalRoutes(app, approvals, createRulesService(ctx.handle.db));
  return approvals;
}
