import { z } from 'zod';
import { calendarPutBody, calendarSchema } from '../../../contracts/calendar.ts';
import { idParams } from '../../../contracts/common.ts';
import { slaDryRunBody, slaDryRunReply, slaRuleCreateBody, slaRulePatchBody, slaRuleSchema } from '../../../contracts/sla.ts';
import type { App } from '../../platform/http/types.ts';
import type { CalendarService } from './calendar.service.ts';
import type { SlaRulesService } from './sla-rules.service.ts';

const tags = ['sla'];
const admin = { config: { permission: 'admin:settings' as const } };
const yearQuery = z.strictObject({ year: z.coerce.number().int().min(2000).max(2100).optional() });
const thisYear = () => new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();

export function slaRoutes(app: App, calendar: CalendarService, rules: SlaRulesService): void {
  app.get('/api/v1/admin/calendar', { ...admin, schema: { tags, querystring: yearQuery, response: { 200: calendarSchema } } }, (req) => calendar.get(req.query.year ?? thisYear()));
  app.put('/api/v1/admin/calendar', { ...admin, schema: { tags, querystring: yearQuery, body: calendarPutBody, response: { 200: calendarSchema } } }, (req) => calendar.put(req.actor!, req.query.year ?? thisYear(), req.body));

  app.get('/api/v1/admin/sla-rules', { ...admin, schema: { tags, response: { 200: z.object({ items: z.array(slaRuleSchema) }) } } }, async () => ({ items: await rules.list() }));
  app.post('/api/v1/admin/sla-rules', { ...admin, schema: { tags, body: slaRuleCreateBody, response: { 201: slaRuleSchema } } }, async (req, reply) => reply.code(201).send(await rules.create(req.actor!, req.body)));
  app.post('/api/v1/admin/sla-rules/dry-run', { ...admin, schema: { tags, body: slaDryRunBody, response: { 200: slaDryRunReply } } }, (req) => rules.dryRun(req.body));
  app.get('/api/v1/admin/sla-rules/:id', { ...admin, schema: { tags, params: idParams, response: { 200: slaRuleSchema } } }, (req) => rules.get(req.params.id));
  app.patch('/api/v1/admin/sla-rules/:id', { ...admin, schema: { tags, params: idParams, body: slaRulePatchBody, response: { 200: slaRuleSchema } } }, (req) => rules.update(req.actor!, req.params.id, req.body));
}
