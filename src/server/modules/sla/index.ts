/**
 * sla — the responsibility engine's deadlines: the working calendar, SLA rules per stage
 * (owner, due time from an anchor event, reminders, escalation levels) and the worker scan
 * that records and sends each reminder and escalation exactly once. The stage engine asks
 * it for due times and owners; it never imports the modules whose events it counts from.
 */
import type { App, AppContext } from '../../platform/http/types.ts';
import { createCalendarService } from './calendar.service.ts';
import { createSlaRulesService } from './sla-rules.service.ts';
import { registerOwnerHandOver } from './owners.ts';
import { setCompanyTimeZone } from './sla.config.ts';
import { slaRoutes } from './sla.routes.ts';

export { newTrackPlanner, planForEvent, planDues, promisedEnd, alertSchedule, dueFrom } from './sla.plan.ts';
export { scanStageAlerts, STAGE_ALERT_CHANNEL, type ScanOptions, type ScanResult } from './alerts.scan.ts';
export { createStageAlertHandler } from './alerts.deliver.ts';
export { slaConfig, setCompanyTimeZone } from './sla.config.ts';
export { addWorkingTime, subtractWorkingTime, nextWorkingTime, previousWorkingTime, isWorkingDay, buildCalendar, type WorkCalendar } from './working-time.ts';

export function registerSla(app: App, ctx: AppContext) {
  setCompanyTimeZone(ctx.config.timeZone);
  registerOwnerHandOver();
  const calendar = createCalendarService(ctx.handle.db);
  const rules = createSlaRulesService(ctx.handle.db);
  slaRoutes(app, calendar, rules);
  return { calendar, rules };
}
