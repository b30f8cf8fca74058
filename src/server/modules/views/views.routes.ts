import { z } from 'zod';
import { idParams, okBody } from '../../../contracts/common.ts';
import { savedViewCreateBody, savedViewListQuery, savedViewPatchBody, savedViewSchema } from '../../../contracts/views.ts';
import { requestLocale } from '../../platform/http/errors.ts';
import type { App } from '../../platform/http/types.ts';
import type { ViewsService } from './views.service.ts';

const tags = ['views'];

/** Every signed-in user keeps views; the service checks the permission of the list the view belongs to. */
export function viewRoutes(app: App, svc: ViewsService): void {
  app.get('/api/v1/saved-views', { schema: { tags, querystring: savedViewListQuery, response: { 200: z.object({ items: z.array(savedViewSchema) }) } } }, async (req) => ({
    items: await svc.list(req.actor!, req.query.entity),
  }));
  app.post('/api/v1/saved-views', { schema: { tags, body: savedViewCreateBody, response: { 201: savedViewSchema } } }, async (req, reply) =>
    reply.code(201).send(await svc.create(req.actor!, req.body, requestLocale(req))),
  );
  app.patch('/api/v1/saved-views/:id', { schema: { tags, params: idParams, body: savedViewPatchBody, response: { 200: savedViewSchema } } }, (req) =>
    svc.update(req.actor!, req.params.id, req.body, requestLocale(req)),
  );
  app.delete('/api/v1/saved-views/:id', { schema: { tags, params: idParams, response: { 200: okBody } } }, async (req) => {
    await svc.remove(req.actor!, req.params.id);
    return { ok: true as const };
  });
}
