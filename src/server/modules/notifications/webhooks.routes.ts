import { z } from 'zod';
import { webhookCreateBody, webhookDeliverySchema, webhookPatchBody, webhookSchema, webhookTestReply } from '../../../contracts/admin.ts';
import { idParams, okBody, page } from '../../../contracts/common.ts';
import type { App } from '../../platform/http/types.ts';
import type { WebhooksService } from './webhooks.service.ts';

const tags = ['admin'];

export function webhookRoutes(app: App, svc: WebhooksService): void {
  const guard = { config: { permission: 'admin:webhooks' as const } };

  app.get('/api/v1/admin/webhooks', { ...guard, schema: { tags, response: { 200: page(webhookSchema) } } }, () => svc.list());
  app.post('/api/v1/admin/webhooks', { ...guard, schema: { tags, body: webhookCreateBody, response: { 201: webhookSchema } } }, async (req, reply) =>
    reply.code(201).send(await svc.create(req.actor!, req.body)),
  );
  app.get('/api/v1/admin/webhooks/:id', { ...guard, schema: { tags, params: idParams, response: { 200: webhookSchema } } }, (req) => svc.get(req.params.id));
  app.patch('/api/v1/admin/webhooks/:id', { ...guard, schema: { tags, params: idParams, body: webhookPatchBody, response: { 200: webhookSchema } } }, (req) =>
    svc.update(req.actor!, req.params.id, req.body),
  );
  app.delete('/api/v1/admin/webhooks/:id', { ...guard, schema: { tags, params: idParams, response: { 200: okBody } } }, async (req) => {
    await svc.remove(req.actor!, req.params.id);
    return { ok: true as const };
  });
  app.post(
    '/api/v1/admin/webhooks/:id/test',
    { ...guard, schema: { tags, description: 'Queues a `webhook.test` delivery; returns its id (the X-Gendan-Delivery header).', params: idParams, response: { 202: webhookTestReply } } },
    async (req, reply) => reply.code(202).send(await svc.sendTest(req.actor!, req.params.id)),
  );
  app.get(
    '/api/v1/admin/webhooks/:id/deliveries',
    {
      ...guard,
      schema: {
        tags,
        params: idParams,
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) }),
        response: { 200: z.object({ items: z.array(webhookDeliverySchema) }) },
      },
    },
    (req) => svc.deliveries(req.params.id, req.query.limit),
  );
}
