import { z } from 'zod';
import { idParams, page } from '../../../contracts/common.ts';
import {
  communicationCreateBody,
  communicationListQuery,
  communicationSchema,
  customerCreateBody,
  customerCreated,
  customerListItem,
  customerListQuery,
  customerPatchBody,
  customerSchema,
  duplicateCheckBody,
  duplicateMatch,
  historyEntry,
} from '../../../contracts/customers.ts';
import type { App } from '../../platform/http/types.ts';
import type { CommunicationsService } from './communications.service.ts';
import type { CustomersService } from './customers.service.ts';

const tags = ['customers'];
const read = { config: { permission: 'customers:read' as const } };
const write = { config: { permission: 'customers:write' as const } };

export function customerRoutes(app: App, customers: CustomersService, comms: CommunicationsService): void {
  app.get('/api/v1/customers', { ...read, schema: { tags, querystring: customerListQuery, response: { 200: page(customerListItem) } } }, (req) => customers.list(req.actor!, req.query));
  app.post('/api/v1/customers', { ...write, schema: { tags, body: customerCreateBody, response: { 201: customerCreated } } }, async (req, reply) =>
    reply.code(201).send(await customers.create(req.actor!, req.body)),
  );
  app.post('/api/v1/customers/duplicates', { ...read, schema: { tags, body: duplicateCheckBody, response: { 200: z.object({ matches: z.array(duplicateMatch) }) } } }, async (req) => ({
    matches: await customers.checkDuplicates(req.actor!, req.body),
  }));
  app.get('/api/v1/customers/:id', { ...read, schema: { tags, params: idParams, response: { 200: customerSchema } } }, (req) => customers.get(req.actor!, req.params.id));
  app.patch('/api/v1/customers/:id', { ...write, schema: { tags, params: idParams, body: customerPatchBody, response: { 200: customerSchema } } }, (req) =>
    customers.update(req.actor!, req.params.id, req.body),
  );
  app.get('/api/v1/customers/:id/history', { ...read, schema: { tags, params: idParams, response: { 200: z.object({ items: z.array(historyEntry) }) } } }, async (req) => ({
    items: await customers.history(req.actor!, req.params.id),
  }));

  app.get('/api/v1/communications', { ...read, schema: { tags, querystring: communicationListQuery, response: { 200: page(communicationSchema) } } }, (req) => comms.list(req.actor!, req.query));
  app.post('/api/v1/communications', { ...write, schema: { tags, body: communicationCreateBody, response: { 201: communicationSchema } } }, async (req, reply) =>
    reply.code(201).send(await comms.create(req.actor!, req.body)),
  );
}
