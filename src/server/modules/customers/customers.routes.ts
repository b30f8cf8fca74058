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
import { changeRequestSchema, changeRequestStates, customerImportColumns, importReport } from '../../../contracts/customers.ts';
import { requestLocale } from '../../platform/http/errors.ts';
import { uploadOf } from '../../platform/http/upload.ts';
import type { App } from '../../platform/http/types.ts';
import { writeSheet, XLSX_MIME } from '../../platform/xlsx.ts';
import type { createCustomerImport } from './customers.import.ts';
import type { CommunicationsService } from './communications.service.ts';
import type { CustomersService } from './customers.service.ts';

const tags = ['customers'];
const read = { config: { permission: 'customers:read' as const } };
const write = { config: { permission: 'customers:write' as const } };

export function customerRoutes(app: App, customers: CustomersService, comms: CommunicationsService, importCustomers: ReturnType<typeof createCustomerImport>): void {
  app.get('/api/v1/customers/import-template', { ...write, schema: { tags, description: 'The .xlsx template for customer import' } }, async (req, reply) => {
    const en = requestLocale(req) === 'en-US';
    const example = ['深圳市恒通电子有限公司', '', '91350100M000100Y43', 'B', '华南,电子', 30, 50000, '', '陈静', '采购经理', '13800138000', 'chenjing@example.com', '广东省', '深圳市', '南山区', '科技园南区 8 栋 301', '陈静', '13800138000'];
    const file = await writeSheet(en ? 'Customers' : '客户', customerImportColumns.map((c) => (en ? c.en : c.zh)), [example]);
    return reply.header('content-type', XLSX_MIME).header('content-disposition', `attachment; filename="customers-template.xlsx"`).send(file);
  });
  app.post(
    '/api/v1/customers/import',
    {
      ...write,
      bodyLimit: 60 * 1024 * 1024,
      schema: { tags, description: 'Body: the .xlsx file. `dryRun=true` validates only; otherwise all rows or none are imported.', querystring: z.object({ dryRun: z.enum(['true', 'false']).default('true') }), response: { 200: importReport } },
    },
    (req) => importCustomers(req.actor!, uploadOf(req).path, { dryRun: req.query.dryRun === 'true', locale: requestLocale(req) }),
  );
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

  const cr = customers.changeRequests;
  app.get(
    '/api/v1/customer-change-requests',
    { ...read, schema: { tags, querystring: z.object({ state: z.enum(changeRequestStates).optional(), customerId: z.string().max(64).optional() }), response: { 200: z.object({ items: z.array(changeRequestSchema) }) } } },
    async (req) => ({ items: await cr.list(req.actor!, req.query) }),
  );
  app.post('/api/v1/customer-change-requests/:id/approve', { config: { permission: 'customers:approve' }, schema: { tags, params: idParams, body: z.strictObject({ comment: z.string().trim().max(500).nullable().optional() }).optional(), response: { 200: changeRequestSchema } } }, (req) =>
    cr.approve(req.actor!, req.params.id, req.body?.comment ?? null),
  );
  app.post('/api/v1/customer-change-requests/:id/reject', { config: { permission: 'customers:approve' }, schema: { tags, params: idParams, body: z.strictObject({ comment: z.string().trim().min(1).max(500) }), response: { 200: changeRequestSchema } } }, (req) =>
    cr.reject(req.actor!, req.params.id, req.body.comment),
  );

  app.get('/api/v1/communications', { ...read, schema: { tags, querystring: communicationListQuery, response: { 200: page(communicationSchema) } } }, (req) => comms.list(req.actor!, req.query));
  app.post('/api/v1/communications', { ...write, schema: { tags, body: communicationCreateBody, response: { 201: communicationSchema } } }, async (req, reply) =>
    reply.code(201).send(await comms.create(req.actor!, req.body)),
  );
}
