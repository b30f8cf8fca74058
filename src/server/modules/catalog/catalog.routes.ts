import { idParams, page } from '../../../contracts/common.ts';
import { z } from 'zod';
import { priceListCreateBody, priceListPatchBody, priceListSchema, productCreateBody, productListQuery, productPatchBody, productSchema } from '../../../contracts/catalog.ts';
import type { PriceListsService } from './price-lists.service.ts';
import type { App } from '../../platform/http/types.ts';
import type { ProductsService } from './products.service.ts';

const tags = ['catalog'];
const read = { config: { permission: 'products:read' as const } };
const write = { config: { permission: 'products:write' as const } };

export function catalogRoutes(app: App, svc: ProductsService, priceLists: PriceListsService): void {
  app.get('/api/v1/products', { ...read, schema: { tags, querystring: productListQuery, response: { 200: page(productSchema) } } }, (req) => svc.list(req.actor!, req.query));
  app.post('/api/v1/products', { ...write, schema: { tags, body: productCreateBody, response: { 201: productSchema } } }, async (req, reply) => reply.code(201).send(await svc.create(req.actor!, req.body)));
  app.get('/api/v1/products/:id', { ...read, schema: { tags, params: idParams, response: { 200: productSchema } } }, (req) => svc.get(req.actor!, req.params.id));
  app.get('/api/v1/price-lists', { ...read, schema: { tags, response: { 200: z.object({ items: z.array(priceListSchema) }) } } }, async () => ({ items: await priceLists.list() }));
  app.patch('/api/v1/price-lists/:id', { ...write, schema: { tags, description: 'Any of name, tier, validFrom, validTo, active; `items` replaces all prices of the list.', params: idParams, body: priceListPatchBody, response: { 200: priceListSchema } } }, (req) => priceLists.update(req.actor!, req.params.id, req.body));
  app.post('/api/v1/price-lists', { ...write, schema: { tags, body: priceListCreateBody, response: { 201: priceListSchema } } }, async (req, reply) => reply.code(201).send(await priceLists.create(req.actor!, req.body)));
  app.patch('/api/v1/products/:id', { ...write, schema: { tags, params: idParams, body: productPatchBody, response: { 200: productSchema } } }, (req) => svc.update(req.actor!, req.params.id, req.body));
}
