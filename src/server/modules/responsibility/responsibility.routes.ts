import { z } from 'zod';
import {
  checklistItemSchema,
  checklistPutBody,
  delayOrdersQuery,
  delayOrdersReply,
  delayReasonCreateBody,
  delayReasonPatchBody,
  delayReasonSchema,
  delaysQuery,
  delaysReply,
  leadTimesReply,
  orderChecklists,
  reportRange,
  tickBody,
} from '../../../contracts/responsibility.ts';
import { salesQuery, salesReply } from '../../../contracts/sales-report.ts';
import { stageNames } from '../../../contracts/stages.ts';
import { requestLocale } from '../../platform/http/errors.ts';
import type { App } from '../../platform/http/types.ts';
import { XLSX_MIME } from '../../platform/xlsx.ts';
import type { ChecklistsService } from './checklists.service.ts';
import type { DelayReasonsService } from './delay-reasons.service.ts';
import type { ReportsService } from './reports.service.ts';
import type { SalesReportService } from './sales-report.service.ts';

const admin = { config: { permission: 'admin:settings' as const } };
/** Reports follow the order data scope: a rep sees the delays of their own orders. */
const scoped = { config: { permission: 'orders:read' as const } };
const codeParams = z.strictObject({ code: z.string().min(1).max(40) });
const stageParams = z.strictObject({ stage: z.enum(stageNames) });

export function responsibilityRoutes(app: App, svc: { reasons: DelayReasonsService; checklists: ChecklistsService; reports: ReportsService; sales: SalesReportService }): void {
  const tags = ['responsibility'];
  app.get('/api/v1/delay-reasons', { schema: { tags, description: 'Active reasons, for the picker.', response: { 200: z.object({ items: z.array(delayReasonSchema) }) } } }, async () => ({ items: (await svc.reasons.list()).filter((r) => r.active) }));
  app.get('/api/v1/admin/delay-reasons', { ...admin, schema: { tags, response: { 200: z.object({ items: z.array(delayReasonSchema) }) } } }, async () => ({ items: await svc.reasons.list() }));
  app.post('/api/v1/admin/delay-reasons', { ...admin, schema: { tags, body: delayReasonCreateBody, response: { 201: delayReasonSchema } } }, async (req, reply) => reply.code(201).send(await svc.reasons.create(req.actor!, req.body)));
  app.patch('/api/v1/admin/delay-reasons/:code', { ...admin, schema: { tags, params: codeParams, body: delayReasonPatchBody, response: { 200: delayReasonSchema } } }, (req) => svc.reasons.update(req.actor!, req.params.code, req.body));

  const checklistReply = z.object({ stage: z.enum(stageNames), items: z.array(checklistItemSchema) });
  app.get('/api/v1/admin/checklists/:stage', { ...admin, schema: { tags, params: stageParams, response: { 200: checklistReply } } }, (req) => svc.checklists.get(req.params.stage));
  app.put('/api/v1/admin/checklists/:stage', { ...admin, schema: { tags, description: 'Replaces the list: items with an id are kept and updated, new ones added, missing ones retired.', params: stageParams, body: checklistPutBody, response: { 200: checklistReply } } }, (req) =>
    svc.checklists.put(req.actor!, req.params.stage, req.body),
  );
  app.get('/api/v1/orders/:id/checklists', { ...scoped, schema: { tags, params: z.strictObject({ id: z.string().max(64) }), response: { 200: orderChecklists } } }, (req) => svc.checklists.ofOrder(req.actor!, req.params.id));
  app.post(
    '/api/v1/orders/:id/checklists/:stage/items/:itemId/tick',
    { ...scoped, schema: { tags, description: '`{ ticked: false, reason }` unticks.', params: z.strictObject({ id: z.string().max(64), stage: z.enum(stageNames), itemId: z.string().max(64) }), body: tickBody.optional(), response: { 200: orderChecklists } } },
    (req) => svc.checklists.tick(req.actor!, req.params.id, req.params.stage, req.params.itemId, { ticked: req.body?.ticked ?? true, reason: req.body?.reason }),
  );

  const rtags = ['reports'];
  app.get('/api/v1/reports/delays', { ...scoped, schema: { tags: rtags, description: 'Late time of finished stages grouped; `groupBy=reason` sorted by late time with cumulative shares is the Pareto of causes.', querystring: delaysQuery, response: { 200: delaysReply } } }, (req) =>
    svc.reports.delays(req.actor!, req.query, requestLocale(req)),
  );
  app.get('/api/v1/reports/stage-lead-times', { ...scoped, schema: { tags: rtags, description: 'p50/p90 lead time (nearest rank, rounded down to 10 minutes) and on-time rate per stage.', querystring: reportRange, response: { 200: leadTimesReply } } }, (req) => svc.reports.leadTimes(req.actor!, req.query));
  app.get('/api/v1/reports/delays/orders', { ...scoped, schema: { tags: rtags, querystring: delayOrdersQuery, response: { 200: delayOrdersReply } } }, (req) => svc.reports.delayOrders(req.actor!, req.query));
  app.get('/api/v1/reports/delays/export.xlsx', { ...scoped, schema: { tags: rtags, querystring: delayOrdersQuery } }, async (req, reply) => {
    const file = await svc.reports.exportDelayOrders(req.actor!, req.query, requestLocale(req));
    return reply.header('content-type', XLSX_MIME).header('content-disposition', 'attachment; filename="delays.xlsx"').send(file);
  });
  app.get('/api/v1/reports/sales', { ...scoped, schema: { tags: rtags, description: 'Net/gross sales (fen, CNY) and order count of confirmed, not cancelled orders by order date (company time zone), grouped by customer × month, customer, month or owner.', querystring: salesQuery, response: { 200: salesReply } } }, (req) =>
    svc.sales.report(req.actor!, req.query, requestLocale(req)),
  );
  app.get('/api/v1/reports/sales/export.xlsx', { ...scoped, schema: { tags: rtags, querystring: salesQuery } }, async (req, reply) => {
    const file = await svc.sales.exportXlsx(req.actor!, req.query, requestLocale(req));
    return reply.header('content-type', XLSX_MIME).header('content-disposition', 'attachment; filename="sales.xlsx"').send(file);
  });
}
