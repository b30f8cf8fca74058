/** shipping — shipments from confirmed orders, checks before dispatch, tracking, customer notices. */
import { z } from 'zod';
import { idParams } from '../../../contracts/common.ts';
import { exceptionListQuery, exceptionPatchBody, exceptionSchema } from '../../../contracts/exceptions.ts';
import { cancelShipmentBody, dispatchBody, noticeKeyList, noticeTemplatesBody, noticeTemplatesResponse, notifyCustomerBody, packagesBody, packagesResponse, pickListSchema, shipmentCreateBody, shipmentNoticeSchema, shipmentSchema, trackingEventBody } from '../../../contracts/shipping.ts';
import { createNoticeTemplates } from './notice-templates.ts';
import { createNoticeHandler, NOTICE_CHANNEL, shipmentNotices } from './customer-notices.ts';
import { createEmailHandler } from '../notifications/index.ts';
import { createPackingService } from './packing.service.ts';
import { createDeliveryNotes } from './delivery-note.ts';
import { scanNoMovement } from './no-movement.ts';
import { requestLocale } from '../../platform/http/errors.ts';
import { createExceptionsService } from './exceptions.service.ts';
import { createKuaidi100 } from './carriers/kuaidi100.ts';
import type { OutboxHandler } from '../../platform/outbox/worker.ts';
import { appendEvent } from '../../platform/events.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import type { App, AppContext } from '../../platform/http/types.ts';
import { createShipmentsService } from './shipments.service.ts';
import { createOrderPortal } from './portal-order.ts';
import { createCustomerPortal } from './portal-customer.ts';
import { createShipmentExport } from './shipment-list.ts';
import { shipmentListRoutes } from './shipment-list.routes.ts';

export type OrderPortal = ReturnType<typeof registerShipping>['portal'];
export type { ExceptionsService } from './exceptions.service.ts';
export { scanNoMovement } from './no-movement.ts';
export { shipmentFileReferrer } from './shipment-files.ts';
export { createExceptionsService } from './exceptions.service.ts';

const tags = ['shipping'];
const read = { config: { permission: 'shipping:read' as const } };
const write = { config: { permission: 'shipping:write' as const } };

export function registerShipping(app: App, ctx: AppContext) {
  const exceptions = createExceptionsService(ctx.handle.db, ctx.config);
  const templates = createNoticeTemplates(ctx.handle.db);
  const svc = createShipmentsService(ctx.handle.db, ctx.config, exceptions, templates);
  shipmentListRoutes(app, svc, createShipmentExport(ctx.handle.db, ctx.config), ctx.config.timeZone);
  app.post('/api/v1/shipments', { ...write, schema: { tags, body: shipmentCreateBody, response: { 201: shipmentSchema } } }, async (req, reply) => reply.code(201).send(await svc.create(req.actor!, req.body)));
  app.get('/api/v1/shipments/:id', { ...read, schema: { tags, params: idParams, response: { 200: shipmentSchema } } }, (req) => svc.get(req.actor!, req.params.id));
  app.post('/api/v1/shipments/:id/dispatch', { ...write, schema: { tags, params: idParams, body: dispatchBody, response: { 200: shipmentSchema } } }, (req) => svc.dispatch(req.actor!, req.params.id, req.body));
  app.post('/api/v1/shipments/:id/cancel', { ...write, schema: { tags, params: idParams, body: cancelShipmentBody, description: 'Cancel a draft, or a dispatched shipment not yet delivered (reason required; stock and reservation come back)', response: { 200: shipmentSchema } } }, (req) => svc.cancel(req.actor!, req.params.id, req.body));
  const packing = createPackingService(ctx.handle.db);
  app.get('/api/v1/shipments/:id/pick-list', { ...read, schema: { tags, params: idParams, response: { 200: pickListSchema } } }, (req) => packing.pickList(req.actor!, req.params.id));
  app.get('/api/v1/shipments/:id/packages', { ...read, schema: { tags, params: idParams, response: { 200: packagesResponse } } }, (req) => packing.get(req.actor!, req.params.id));
  app.put('/api/v1/shipments/:id/packages', { ...write, schema: { tags, params: idParams, body: packagesBody, description: 'Replace the packing list of a draft shipment', response: { 200: packagesResponse } } }, (req) => packing.put(req.actor!, req.params.id, req.body));
  const notes = createDeliveryNotes(ctx.handle.db, ctx.config);
  app.get(
    '/api/v1/shipments/:id/delivery-note.pdf',
    { ...read, schema: { tags, params: idParams, querystring: z.object({ locale: z.enum(['zh-CN', 'en-US']).optional() }), description: 'Delivery note (送货单) as PDF, with a QR code to a fresh customer link; 503 PDF_FONT_MISSING without a CJK font' } },
    async (req, reply) => {
      const r = await notes.render(req.actor!, req.params.id, req.query.locale ?? requestLocale(req));
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="delivery-note-${r.number}.pdf"; filename*=UTF-8''${encodeURIComponent(`送货单-${r.number}.pdf`)}`)
        .send(r.pdf);
    },
  );
  app.get('/api/v1/shipments/:id/notices', { ...read, schema: { tags, params: idParams, description: 'Customer notices of the shipment (email, SMS, WeCom) with their delivery state', response: { 200: z.object({ items: z.array(shipmentNoticeSchema) }) } } }, async (req) => {
    const s = await svc.get(req.actor!, req.params.id);
    return { items: await shipmentNotices(ctx.handle.db, s) };
  });
  const admin = { config: { permission: 'admin:settings' as const } };
  const keyParams = z.strictObject({ key: z.enum(noticeKeyList) });
  app.get('/api/v1/admin/notice-templates', { ...admin, schema: { tags, response: { 200: z.object({ items: z.array(noticeTemplatesResponse) }) } } }, async () => ({ items: await Promise.all(templates.keys().map((k) => templates.get(k))) }));
  app.get('/api/v1/admin/notice-templates/:key', { ...admin, schema: { tags, params: keyParams, response: { 200: noticeTemplatesResponse } } }, (req) => templates.get(req.params.key));
  app.put('/api/v1/admin/notice-templates/:key', { ...admin, schema: { tags, params: keyParams, body: noticeTemplatesBody, description: 'Edit customer notice templates (placeholders checked); reset: true restores the built-in text', response: { 200: noticeTemplatesResponse } } }, (req) => templates.put(req.actor!, req.params.key, req.body));
  app.post('/api/v1/shipments/:id/tracking-events', { ...write, schema: { tags, params: idParams, body: trackingEventBody, response: { 200: shipmentSchema } } }, (req) => svc.trackingEvent(req.actor!, req.params.id, req.body));
  app.get('/api/v1/exceptions', { config: { permission: 'orders:read' }, schema: { tags, querystring: exceptionListQuery, response: { 200: z.object({ items: z.array(exceptionSchema) }) } } }, async (req) => ({ items: await exceptions.list(req.actor!, req.query) }));
  app.get('/api/v1/exceptions/:id', { config: { permission: 'orders:read' }, schema: { tags, params: idParams, response: { 200: exceptionSchema } } }, (req) => exceptions.get(req.actor!, req.params.id));
  app.post('/api/v1/exceptions/:id/notify-customer', { config: { permission: 'orders:read' }, schema: { tags, params: idParams, body: notifyCustomerBody, description: "Inform the customer of a shipment's delivery exception with the shipment.delayed templates", response: { 200: z.object({ exception: exceptionSchema, notices: z.number() }) } } }, (req) =>
    svc.notifyCustomerOfException(req.actor!, req.params.id, req.body.note ?? null),
  );
  app.patch('/api/v1/exceptions/:id', { config: { permission: 'orders:read' }, schema: { tags, params: idParams, body: exceptionPatchBody, response: { 200: exceptionSchema } } }, (req) => exceptions.update(req.actor!, req.params.id, req.body));
  // Carriers push tracking as an HTML form; parsed here for the one route that takes it.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => done(null, Object.fromEntries(new URLSearchParams(String(body)))));
  const kuaidi100 = createKuaidi100(ctx.config);
  app.post('/api/v1/carriers/kuaidi100/webhook', { config: { public: true }, schema: { tags, description: 'Kuaidi100 push callback (form: param, sign); signature-checked' } }, async (req, reply) => {
    const update = kuaidi100.parsePush((req.body ?? {}) as Record<string, string>);
    if (!update) return reply.code(403).send({ result: false, returnCode: '403', message: 'bad signature' });
    await svc.applyCarrierUpdate(update);
    return { result: true, returnCode: '200', message: '成功' };
  });
  return { shipments: svc, exceptions, portal: { ...createOrderPortal(ctx.handle.db, ctx.config, exceptions), ...createCustomerPortal(ctx.handle.db), deliveryNote: notes.render } };
}

/** Worker handlers of the shipping module: tracking subscriptions with the carrier aggregator. */
export function createShippingHandlers(ctx: AppContext): Record<string, OutboxHandler> {
  const kuaidi100 = createKuaidi100(ctx.config);
  return {
    [NOTICE_CHANNEL]: createNoticeHandler(ctx.handle.db, createEmailHandler(ctx.handle.db, ctx.config, ctx.log)),
    async 'carrier.subscribe'(job) {
      const p = job.payload as { shipmentId: string; carrier: string; trackingNumber: string; to?: string };
      const r = await kuaidi100.subscribe(p.carrier, p.trackingNumber, p.to);
      const order = await ctx.handle.db.selectFrom('shipment').select('orderId').where('id', '=', p.shipmentId).executeTakeFirst();
      if (!order) return;
      await inTransaction(ctx.handle.db, (tx) => appendEvent(tx, { entityType: 'order', entityId: order.orderId, type: r.subscribed ? 'shipment.tracking_subscribed' : 'shipment.tracking_not_subscribed', actor: null, stage: 'shipping', data: { shipmentId: p.shipmentId, provider: 'kuaidi100', ...r } }));
    },
  };
}

/** How often the worker looks for shipments without tracking movement. */
const NO_MOVEMENT_SCAN_MS = 10 * 60_000;

/** The shipping module's periodic scans (no movement); returns the stop function. */
export function startShippingScans(ctx: AppContext): () => Promise<void> {
  const exceptions = createExceptionsService(ctx.handle.db, ctx.config);
  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    running = scanNoMovement(ctx.handle.db, exceptions).catch((err) => ctx.log.error({ err }, 'no-movement scan failed'));
  }, NO_MOVEMENT_SCAN_MS);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
