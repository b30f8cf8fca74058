import { z } from 'zod';
import { idParams } from '../../../contracts/common.ts';
import { linkCreateBody, linkCreated } from '../../../contracts/requirements.ts';
import { confirmReceiptBody, portalOrder } from '../../../contracts/shipping.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { appendEvent } from '../../platform/events.ts';
import { AppError, fieldError } from '../../platform/http/errors.ts';
import { uploadOf } from '../../platform/http/upload.ts';
import { FILE_MAX_BYTES, type FilesService } from '../files/index.ts';
import type { App, AppContext } from '../../platform/http/types.ts';
import { createLink, type ResolvedLink } from '../../platform/links.ts';
import type { OrderPortal } from '../shipping/index.ts';
import type { LinkScope } from './index.ts';

const tags = ['portal'];
const tokenParams = z.strictObject({ token: z.string().min(20).max(100) });
const orderParams = tokenParams.extend({ orderId: z.string().max(64) });
const shipmentParams = tokenParams.extend({ shipmentId: z.string().max(64) });

/**
 * A customer-level link and what opens through it: each of the customer's orders within the
 * same token, receipt confirmation there, and delivery notes of the link's shipments.
 * `open` resolves a token with the guess limiter (unknown → 404, expired/revoked → 410).
 */
export function customerPortalRoutes(app: App, ctx: AppContext, orders: OrderPortal, linkScope: LinkScope, open: (token: string, ip: string) => Promise<ResolvedLink>, files: FilesService): void {
  app.post(
    '/api/v1/customers/:id/customer-link',
    { config: { permission: 'customers:read' }, schema: { tags, description: 'A link (/c/:token) where the customer follows all their open orders; within the caller’s scope (a rep: own customers).', params: idParams, body: linkCreateBody.optional(), response: { 201: linkCreated } } },
    async (req, reply) => {
      await linkScope.customer(req.actor!, req.params.id);
      const created = await inTransaction(ctx.handle.db, async (tx) => {
        const l = await createLink(tx, { kind: 'customer', entityId: req.params.id, createdBy: req.actor!.id, expiresInDays: req.body?.expiresInDays ?? 30 });
        await appendEvent(tx, { entityType: 'customer', entityId: req.params.id, type: 'customer.customer_link_created', actor: req.actor!, data: { linkId: l.id, expiresAt: l.expiresAt } });
        return l;
      });
      return reply.code(201).send({ id: created.id, url: `${ctx.config.publicUrl}/c/${created.token}`, expiresAt: created.expiresAt });
    },
  );

  app.get('/api/portal/:token/orders/:orderId', { config: { public: true }, schema: { tags, description: 'One order of the customer of a customer-level link (404 for any other order).', params: orderParams, response: { 200: portalOrder } } }, async (req) => {
    const link = await orders.orderLink(await open(req.params.token, req.ip), req.params.orderId);
    return orders.view(link);
  });

  app.post(
    '/api/portal/:token/orders/:orderId/confirm-receipt',
    { config: { public: true }, schema: { tags, params: orderParams, body: confirmReceiptBody, response: { 200: z.object({ shipmentId: z.string(), disputed: z.boolean(), at: z.string() }) } } },
    async (req) => {
      const link = await orders.orderLink(await open(req.params.token, req.ip), req.params.orderId);
      return orders.confirmReceipt(link, req.body, { ip: req.ip, userAgent: req.headers['user-agent'] ?? null });
    },
  );

  app.get(
    '/api/portal/:token/shipments/:shipmentId/delivery-note.pdf',
    { config: { public: true }, schema: { tags, description: 'Delivery note (送货单) of a shipment of this link (order or customer link); its QR code points back to this page.', params: shipmentParams, querystring: z.object({ locale: z.enum(['zh-CN', 'en-US']).optional() }) } },
    async (req, reply) => {
      const link = await open(req.params.token, req.ip);
      if (link.kind !== 'order' && link.kind !== 'customer') throw new AppError('NOT_FOUND');
      const r = await orders.deliveryNote({ link, url: `${ctx.config.publicUrl}/c/${req.params.token}` }, req.params.shipmentId, req.query.locale ?? 'zh-CN');
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="delivery-note-${r.number}.pdf"; filename*=UTF-8''${encodeURIComponent(`送货单-${r.number}.pdf`)}`)
        .send(r.pdf);
    },
  );

  app.post(
    '/api/portal/:token/shipments/:shipmentId/receipt-photo',
    {
      config: { public: true },
      bodyLimit: FILE_MAX_BYTES + 1024,
      schema: { tags, description: 'Body: a photo of the delivery (image/*, ≤ 10 MB), once per shipment after its receipt was confirmed or disputed through this link (order or customer link).', params: shipmentParams, querystring: z.object({ name: z.string().trim().min(1).max(200).default('签收照片') }), response: { 201: z.object({ shipmentId: z.string(), fileId: z.string() }) } },
    },
    async (req, reply) => {
      const link = await open(req.params.token, req.ip);
      if (link.kind !== 'order' && link.kind !== 'customer') throw new AppError('NOT_FOUND');
      const upload = uploadOf(req);
      if (!upload.mime.startsWith('image/')) throw new AppError('VALIDATION_FAILED', [fieldError('body', 'image_required')]);
      const added = await orders.addReceiptPhoto(link, req.params.shipmentId, () => files.store({ id: link.createdBy, via: 'system' }, upload, req.query.name));
      return reply.code(201).send(added);
    },
  );
}
