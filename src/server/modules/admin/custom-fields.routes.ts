import { z } from 'zod';
import { idParams } from '../../../contracts/common.ts';
import { customFieldCreateBody, customFieldEntities, customFieldPatchBody, customFieldSchema } from '../../../contracts/custom-fields.ts';
import type { App } from '../../platform/http/types.ts';
import type { CustomFieldsService } from './custom-fields.service.ts';

const tags = ['admin'];

export function customFieldRoutes(app: App, svc: CustomFieldsService): void {
  // Reading definitions is open to every signed-in user: forms render from them.
  app.get('/api/v1/custom-fields', { schema: { tags, querystring: z.object({ entity: z.enum(customFieldEntities) }), response: { 200: z.object({ items: z.array(customFieldSchema) }) } } }, async (req) => ({
    items: (await svc.list(req.query.entity)).filter((f) => f.active),
  }));
  const admin = { config: { permission: 'admin:settings' as const } };
  app.get('/api/v1/admin/custom-fields', { ...admin, schema: { tags, querystring: z.object({ entity: z.enum(customFieldEntities) }), response: { 200: z.object({ items: z.array(customFieldSchema) }) } } }, async (req) => ({
    items: await svc.list(req.query.entity),
  }));
  app.post('/api/v1/admin/custom-fields', { ...admin, schema: { tags, body: customFieldCreateBody, response: { 201: customFieldSchema } } }, async (req, reply) =>
    reply.code(201).send(await svc.create(req.actor!, req.body)),
  );
  app.patch('/api/v1/admin/custom-fields/:id', { ...admin, schema: { tags, params: idParams, body: customFieldPatchBody, response: { 200: customFieldSchema } } }, (req) =>
    svc.update(req.actor!, req.params.id, req.body),
  );
}
