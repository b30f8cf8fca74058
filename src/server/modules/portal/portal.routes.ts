import { z } from 'zod';
import { idParams, okBody } from '../../../contracts/common.ts';
import { portalConfirmBody, portalConfirmReply, portalRequirement } from '../../../contracts/requirements.ts';
import { confirmReceiptBody, portalOrder } from '../../../contracts/shipping.ts';
import type { OrderPortal } from '../shipping/index.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { App, AppContext } from '../../platform/http/types.ts';
import { findLink, resolveLink, revokeLink, touchLink, type ResolvedLink } from '../../platform/links.ts';
import type { RequirementsService } from '../requirements/index.ts';
import { createGuessLimiter } from './guess-limiter.ts';

const tags = ['portal'];
const tokenParams = z.strictObject({ token: z.string().min(20).max(100) });

/** The customer's side: login-free, read-mostly, rate-limited; the JSON carries no internal fields. */
export function portalRoutes(app: App, ctx: AppContext, requirements: RequirementsService, orders: OrderPortal): void {
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

  app.get('/api/portal/:token', { config: { public: true }, schema: { tags, params: tokenParams, response: { 200: z.discriminatedUnion('kind', [portalRequirement, portalOrder]) } } }, async (req) => {
    const link = await open(req.params.token, req.ip);
    await touchLink(ctx.handle.db, link.id);
    if (link.kind === 'requirement') return requirements.portalView(link);
    if (link.kind === 'order') return orders.view(link);
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

  app.post('/api/portal/:token/confirm', { config: { public: true }, schema: { tags, params: tokenParams, body: portalConfirmBody, response: { 200: portalConfirmReply } } }, async (req) => {
    const link = await open(req.params.token, req.ip);
    if (link.kind !== 'requirement') throw new AppError('NOT_FOUND');
    return requirements.portalConfirm(link, req.body, { ip: req.ip, userAgent: req.headers['user-agent'] ?? null });
  });

  app.delete('/api/v1/customer-links/:id', { schema: { tags, params: idParams, response: { 200: okBody } } }, async (req) => {
    const link = await findLink(ctx.handle.db, req.params.id);
    if (!link) throw new AppError('NOT_FOUND');
    if (link.kind === 'requirement') await requirements.assertVisible(req.actor!, link.entityId);
    else if (link.kind === 'order' && link.createdBy !== req.actor!.id && !req.actor!.permissions.has('orders:approve')) throw new AppError('NOT_FOUND');
    await revokeLink(ctx.handle.db, link.id);
    return { ok: true as const };
  });
}
