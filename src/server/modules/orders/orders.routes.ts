import { z } from 'zod';
import { approvalSchema, dryRunBody, dryRunReply } from '../../../contracts/approvals.ts';
import { idParams, page } from '../../../contracts/common.ts';
import { cancelBody, holdBody, reallocateBody, reallocateReply, convertBody, orderCopied, orderCopyBody, orderCreateBody, orderImportColumns, orderCreated, orderListItem, orderListQuery, orderPatchBody, orderSchema, revisionBody, revisionReply, revisionSchema, submitBody, timelineEntry } from '../../../contracts/orders.ts';
import { priceQuote } from '../../../contracts/catalog.ts';
import { linkCreateBody, linkCreated } from '../../../contracts/requirements.ts';
import { importReport } from '../../../contracts/customers.ts';
import { requestLocale } from '../../platform/http/errors.ts';
import { uploadOf } from '../../platform/http/upload.ts';
import { writeSheet, XLSX_MIME } from '../../platform/xlsx.ts';
import type { App } from '../../platform/http/types.ts';
import type { DryRun } from './order-dry-run.ts';
import type { OrderStages } from './order-stages.ts';
import { stageNames, stageSchema } from '../../../contracts/stages.ts';
import { stagePatchBody } from '../../../contracts/responsibility.ts';
import type { OrdersService } from './orders.service.ts';

const tags = ['orders'];
const read = { config: { permission: 'orders:read' as const } };
const write = { config: { permission: 'orders:write' as const } };

export function orderRoutes(app: App, svc: OrdersService, dryRun: DryRun, stages: OrderStages): void {
  app.get('/api/v1/orders', { ...read, schema: { tags, querystring: orderListQuery, response: { 200: page(orderListItem) } } }, (req) => svc.list(req.actor!, req.query));
  app.post('/api/v1/orders', { ...write, schema: { tags, body: orderCreateBody, response: { 201: orderCreated } } }, async (req, reply) => reply.code(201).send(await svc.create(req.actor!, req.body)));
  app.post(
    '/api/v1/requirements/:id/convert',
    { ...write, schema: { tags, description: '`items`: the product for a requirement item (0-based `itemIndex`), for items with free text only or to change the suggested one.', params: idParams, body: convertBody, response: { 201: orderSchema } } },
    async (req, reply) => reply.code(201).send(await svc.fromRequirement(req.actor!, req.params.id, req.body)),
  );
  app.post(
    '/api/v1/orders/import',
    { ...write, bodyLimit: 60 * 1024 * 1024, schema: { tags, description: 'Body: the .xlsx file (one row per line). Creates drafts; all rows or none.', querystring: z.object({ dryRun: z.enum(['true', 'false']).default('true') }), response: { 200: importReport } } },
    (req) => svc.importOrders(req.actor!, uploadOf(req).path, { dryRun: req.query.dryRun === 'true', locale: requestLocale(req) }),
  );
  app.get('/api/v1/orders/import-template', { ...write, schema: { tags } }, async (req, reply) => {
    const en = requestLocale(req) === 'en-US';
    const file = await writeSheet(en ? 'Orders' : '订单', orderImportColumns.map((c) => (en ? c.en : c.zh)), [['1', 'C00001', 'PO-2026-001', '2026-12-31', 'normal', 'MTR-750W', 2, 1299, 0, '电压=380V']]);
    return reply.header('content-type', XLSX_MIME).header('content-disposition', 'attachment; filename="orders-template.xlsx"').send(file);
  });
  app.get(
    '/api/v1/orders/quote',
    { ...read, schema: { tags, querystring: z.object({ customerId: z.string().max(64), productIds: z.string().max(5000).transform((s) => s.split(',').filter(Boolean).slice(0, 200)) }), response: { 200: z.object({ items: z.array(priceQuote) }) } } },
    async (req) => ({ items: await svc.quote(req.actor!, req.query.customerId, req.query.productIds) }),
  );
  app.post(
    '/api/v1/orders/:id/copy',
    { ...write, schema: { tags, description: 'A new draft from an earlier order: same customer, lines, ship-to and priority; PO cleared; prices re-quoted (warnings carry the old price); inactive products dropped.', params: idParams, body: orderCopyBody, response: { 201: orderCopied } } },
    async (req, reply) => reply.code(201).send(await svc.copy(req.actor!, req.params.id, req.body ?? {})),
  );
  app.get('/api/v1/orders/:id', { ...read, schema: { tags, params: idParams, response: { 200: orderSchema } } }, (req) => svc.get(req.actor!, req.params.id));
  app.patch('/api/v1/orders/:id', { ...write, schema: { tags, params: idParams, body: orderPatchBody, response: { 200: orderSchema } } }, (req) => svc.update(req.actor!, req.params.id, req.body));
  app.post('/api/v1/orders/:id/submit', { ...write, schema: { tags, params: idParams, body: submitBody, response: { 200: orderCreated } } }, (req) => svc.submit(req.actor!, req.params.id, req.body));
  app.post('/api/v1/reservations/reallocate', { config: { permission: 'inventory:write' }, schema: { tags, description: 'Move reserved stock from one order line to another order\'s short line of the same product (planners); both orders are told.', body: reallocateBody, response: { 200: reallocateReply } } }, (req) => svc.reallocate(req.actor!, req.body));
  app.post('/api/v1/orders/:id/hold', { config: { permission: 'orders:approve' }, schema: { tags, description: 'Put an open order on hold (credit, exception, customer request): nothing ships or gets approved until released.', params: idParams, body: holdBody, response: { 200: orderSchema } } }, (req) => svc.hold(req.actor!, req.params.id, req.body.reason));
  app.post('/api/v1/orders/:id/release', { config: { permission: 'orders:approve' }, schema: { tags, description: 'Release a held order back to the state it was held in.', params: idParams, body: holdBody, response: { 200: orderSchema } } }, (req) => svc.release(req.actor!, req.params.id, req.body.reason));
  app.post('/api/v1/orders/:id/cancel', { ...write, schema: { tags, params: idParams, body: cancelBody, response: { 200: orderSchema } } }, (req) => svc.cancel(req.actor!, req.params.id, req.body.reason));
  app.post('/api/v1/orders/:id/revisions', { ...write, schema: { tags, params: idParams, body: revisionBody, response: { 200: revisionReply } } }, (req) => svc.revise(req.actor!, req.params.id, req.body));
  app.get('/api/v1/orders/:id/revisions', { ...read, schema: { tags, params: idParams, response: { 200: z.object({ items: z.array(revisionSchema) }) } } }, async (req) => ({ items: await svc.revisions(req.actor!, req.params.id) }));
  app.post('/api/v1/orders/:id/customer-link', { ...read, schema: { tags, params: idParams, body: linkCreateBody.optional(), response: { 201: linkCreated } } }, async (req, reply) =>
    reply.code(201).send(await svc.customerLink(req.actor!, req.params.id, req.body?.expiresInDays ?? 30)),
  );
  app.post(
    '/api/v1/orders/:id/revisions/:revisionId/customer-link',
    { ...write, schema: { tags, description: 'A customer link (/c/:token) where the customer confirms or declines this revision; replaces an earlier link for it.', params: z.strictObject({ id: z.string().max(64), revisionId: z.string().max(64) }), body: linkCreateBody.optional(), response: { 201: linkCreated } } },
    async (req, reply) => reply.code(201).send(await svc.revisionCustomerLink(req.actor!, req.params.id, req.params.revisionId, req.body?.expiresInDays ?? 14)),
  );
  const stageParams = z.strictObject({ id: z.string().max(64), stage: z.enum(stageNames) });
  app.patch(
    '/api/v1/orders/:id/stages/:stage',
    { ...read, schema: { tags, description: 'Reassign (`ownerId` + `reason`, needs orders:write) and/or explain a delay (`delayReason` code from /delay-reasons, `delayNote`; the stage owner, a coordinator or a manager).', params: stageParams, body: stagePatchBody, response: { 200: z.object({ items: z.array(stageSchema) }) } } },
    async (req) => ({ items: await stages.patch(req.actor!, req.params.id, req.params.stage, req.body) }),
  );
  app.post('/api/v1/orders/:id/stages/:stage/nudge', { ...read, schema: { tags, params: stageParams, body: z.strictObject({ message: z.string().trim().max(500).nullable().optional() }).optional(), response: { 200: z.object({ ok: z.literal(true) }) } } }, (req) =>
    stages.nudge(req.actor!, req.params.id, req.params.stage, req.body?.message ?? null),
  );
  app.get('/api/v1/orders/:id/timeline', { ...read, schema: { tags, params: idParams, response: { 200: z.object({ items: z.array(timelineEntry) }) } } }, async (req) => ({ items: await svc.timeline(req.actor!, req.params.id) }));
  app.get('/api/v1/orders/:id/approvals', { ...read, schema: { tags, params: idParams, response: { 200: z.object({ items: z.array(approvalSchema) }) } } }, async (req) => ({ items: await svc.approvalsOf(req.actor!, req.params.id) }));
  app.post('/api/v1/admin/approval-rules/dry-run', { config: { permission: 'admin:settings' }, schema: { tags: ['approvals'], body: dryRunBody, response: { 200: dryRunReply } } }, (req) => dryRun(req.body));
}
