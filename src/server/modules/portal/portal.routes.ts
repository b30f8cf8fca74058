import { z } from 'zod';
import { idParams, okBody } from '../../../contracts/common.ts';
import { portalConfirmBody, portalConfirmReply, portalRequirement } from '../../../contracts/requirements.ts';
import { confirmReceiptBody, portalCustomer, portalOrder } from '../../../contracts/shipping.ts';
import { customerPortalRoutes } from './customer-portal.routes.ts';
import type { FilesService } from '../files/index.ts';
import type { OrderPortal } from '../shipping/index.ts';
import { AppError, fieldError } from '../../platform/http/errors.ts';
import type { App, AppContext } from '../../platform/http/types.ts';
import { findLink, resolveLink, revokeLink, touchLink, type ResolvedLink } from '../../platform/links.ts';
import type { RequirementsService } from '../requirements/index.ts';
import type { RevisionPortal } from '../orders/index.ts';
import { portalRevision, portalRevisionAnswer } from '../../../contracts/orders.ts';
import { createGuessLimiter } from './guess-limiter.ts';
import type { LinkScope } from './index.ts';

const tags = ['portal'];
const tokenParams = z.strictObject({ token: z.string().min(20).max(100) });

/** The customer's side: login-free, read-mostly, rate-limited; the JSON carries no internal fields. */
export function portalRoutes(app: App, ctx: AppContext, requirements: RequirementsService, orders: OrderPortal, linkScope: LinkScope, revisions: RevisionPortal, files: FilesService): void {
  const limiter = createGuessLimiter();
  const open = async (token: string, ip: string): Promise<ResolvedLink> => {
    limiter.check(ip);
    try {
      return await resolveLink(ctx.handle.db, token);
    } catch (err) {
      limiter.fail(ip);
      throw err;
    }
  };

  app.get('/api/portal/:token', { config: { public: true }, schema: { tags, params: tokenParams, response: { 200: z.discriminatedUnion('kind', [portalRequirement, portalOrder, portalRevision, portalCustomer]) } } }, async (req) => {
    const link = await open(req.params.token, req.ip);
    await touchLink(ctx.handle.db, link.id);
    if (link.kind === 'requirement') return requirements.portalView(link);
    if (link.kind === 'order') return orders.view(link);
    if (link.kind === 'order_revision') return revisions.view(link);
    if (link.kind === 'customer') return orders.customerView(link);
    throw new AppError('NOT_FOUND');
  });

  app.post(
    '/api/portal/:token/confirm-receipt',
    { config: { public: true }, schema: { tags, params: tokenParams, body: confirmReceiptBody, response: { 200: z.object({ shipmentId: z.string(), disputed: z.boolean(), at: z.string() }) } } },
    async (req) => {
      const link = await open(req.params.token, req.ip);
      if (link.kind !== 'order') throw new AppError('NOT_FOUND');
      return orders.confirmReceipt(link, req.body, { ip: req.ip, userAgent: req.headers['user-agent'] ?? null });
    },
  );

  customerPortalRoutes(app, ctx, orders, linkScope, open, files);

  // One answer endpoint for every kind that asks for one: a requirement (confirm | request_changes, with the version seen) or an order revision (confirm | decline, a comment required to decline).
  const confirmBody = portalConfirmBody.extend({ version: portalConfirmBody.shape.version.optional(), action: z.enum(['confirm', 'request_changes', 'decline']).default('confirm') });
  app.post('/api/portal/:token/confirm', { config: { public: true }, schema: { tags, params: tokenParams, body: confirmBody, response: { 200: z.union([portalConfirmReply, portalRevisionAnswer]) } } }, async (req) => {
    const link = await open(req.params.token, req.ip);
    const client = { ip: req.ip, userAgent: req.headers['user-agent'] ?? null };
    const { version, action, ...rest } = req.body;
    if (link.kind === 'order_revision') {
      if (action === 'request_changes') throw new AppError('VALIDATION_FAILED', [fieldError('action', 'invalid_select')]);
      if (action === 'decline' && !rest.comment) throw new AppError('VALIDATION_FAILED', [fieldError('comment', 'required')]);
      return revisions.answer(link, { ...rest, action }, client);
    }
    if (link.kind !== 'requirement') throw new AppError('NOT_FOUND');
    if (version === undefined) throw new AppError('VALIDATION_FAILED', [fieldError('version', 'required')]);
    if (action === 'decline') throw new AppError('VALIDATION_FAILED', [fieldError('action', 'invalid_select')]);
    return requirements.portalConfirm(link, { ...rest, version, action }, client);
  });

  app.delete('/api/v1/customer-links/:id', { schema: { tags, params: idParams, response: { 200: okBody } } }, async (req) => {
    const link = await findLink(ctx.handle.db, req.params.id);
    const assertVisible = link && linkScope[link.kind];
    if (!assertVisible) throw new AppError('NOT_FOUND');
    await assertVisible(req.actor!, link.entityId);
    await revokeLink(ctx.handle.db, link.id);
    return { ok: true as const };
  });
}
