/**
 * responsibility — the responsibility engine's second half (issue 7): delay reasons and their
 * attribution to stage and owner (pre-filled from known events), checklists gating stage
 * completion at key nodes, and the responsibility reports — with the sales report beside them
 * (issue 8: same page, same data scope, same /reports routes). Learns through events only; the
 * orders module calls `attributeDelay` for `PATCH /orders/:id/stages/:stage`.
 */
import type { App, AppContext } from '../../platform/http/types.ts';
import { registerAttribution } from './attribution.engine.ts';
import { createChecklistsService } from './checklists.service.ts';
import { createDelayReasonsService } from './delay-reasons.service.ts';
import { createReportsService } from './reports.service.ts';
import { responsibilityRoutes } from './responsibility.routes.ts';
import { createSalesReportService } from './sales-report.service.ts';

export { attributeDelay } from './delay-reasons.service.ts';
export { registerAttribution };

/** Call after `registerStageEngine()`: the attribution reads the stage times it writes. */
export function registerResponsibility(app: App, ctx: AppContext) {
  registerAttribution(ctx.config.timeZone);
  const svc = { reasons: createDelayReasonsService(ctx.handle.db), checklists: createChecklistsService(ctx.handle.db), reports: createReportsService(ctx.handle.db, ctx.config.timeZone), sales: createSalesReportService(ctx.handle.db, ctx.config.timeZone) };
  responsibilityRoutes(app, svc);
  return svc;
}
