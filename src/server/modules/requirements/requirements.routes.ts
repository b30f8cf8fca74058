import { z } from 'zod';
import { idParams, page } from '../../../contracts/common.ts';
import {
  linkCreateBody,
  linkCreated,
  linkSchema,
  requirementCreateBody,
  requirementListItem,
  requirementListQuery,
  requirementPatchBody,
  requirementSchema,
  requirementVersion,
} from '../../../contracts/requirements.ts';
import type { App } from '../../platform/http/types.ts';
import type { RequirementsService } from './requirements.service.ts';

const tags = ['requirements'];
const read = { config: { permission: 'requirements:read' as const } };
const write = { config: { permission: 'requirements:write' as const } };

export function requirementRoutes(app: App, svc: RequirementsService): void {
  app.get('/api/v1/requirements', { ...read, schema: { tags, querystring: requirementListQuery, response: { 200: page(requirementListItem) } } }, (req) => svc.list(req.actor!, req.query));
  app.post('/api/v1/requirements', { ...write, schema: { tags, body: requirementCreateBody, response: { 201: requirementSchema } } }, async (req, reply) =>
    reply.code(201).send(await svc.create(req.actor!, req.body)),
  );
  app.get('/api/v1/requirements/:id', { ...read, schema: { tags, params: idParams, response: { 200: requirementSchema } } }, (req) => svc.get(req.actor!, req.params.id));
  app.patch('/api/v1/requirements/:id', { ...write, schema: { tags, params: idParams, body: requirementPatchBody, response: { 200: requirementSchema } } }, (req) =>
    svc.update(req.actor!, req.params.id, req.body),
  );
  app.get('/api/v1/requirements/:id/versions', { ...read, schema: { tags, params: idParams, response: { 200: z.object({ items: z.array(requirementVersion) }) } } }, async (req) => ({
    items: await svc.versions(req.actor!, req.params.id),
  }));
  app.post('/api/v1/requirements/:id/cancel', { ...write, schema: { tags, params: idParams, body: z.strictObject({ reason: z.string().trim().min(1).max(500) }), response: { 200: requirementSchema } } }, (req) =>
    svc.cancel(req.actor!, req.params.id, req.body.reason),
  );
  app.get('/api/v1/requirements/:id/links', { ...read, schema: { tags, params: idParams, response: { 200: z.object({ items: z.array(linkSchema) }) } } }, async (req) => ({ items: await svc.links(req.actor!, req.params.id) }));
  app.post('/api/v1/requirements/:id/confirmation-link', { ...write, schema: { tags, params: idParams, body: linkCreateBody.optional(), response: { 201: linkCreated } } }, async (req, reply) =>
    reply.code(201).send(await svc.createConfirmationLink(req.actor!, req.params.id, req.body?.expiresInDays ?? 14)),
  );
}
