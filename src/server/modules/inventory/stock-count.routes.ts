import { idParams, page } from '../../../contracts/common.ts';
import { stockCountCreateBody, stockCountDetail, stockCountEntriesBody, stockCountListQuery, stockCountSchema } from '../../../contracts/inventory.ts';
import type { App } from '../../platform/http/types.ts';
import type { StockCountsService } from './stock-count.service.ts';

const tags = ['inventory'];
const read = { config: { permission: 'inventory:read' as const } };
const write = { config: { permission: 'inventory:write' as const } };

export function stockCountRoutes(app: App, counts: StockCountsService): void {
  app.get('/api/v1/stock-counts', { ...read, schema: { tags, querystring: stockCountListQuery, response: { 200: page(stockCountSchema) } } }, (req) => counts.list(req.query));
  app.post(
    '/api/v1/stock-counts',
    { ...write, schema: { tags, description: 'Opens a count (draft) of a warehouse: one line per product with on hand now as the snapshot. Without productIds: every product with stock records in the warehouse.', body: stockCountCreateBody, response: { 201: stockCountDetail } } },
    async (req, reply) => reply.code(201).send(await counts.create(req.actor!, req.body)),
  );
  app.get('/api/v1/stock-counts/:id', { ...read, schema: { tags, params: idParams, response: { 200: stockCountDetail } } }, (req) => counts.get(req.params.id));
  app.put(
    '/api/v1/stock-counts/:id/lines',
    { ...write, schema: { tags, description: 'Counted quantities (null clears one); the first entry moves a draft to counting.', params: idParams, body: stockCountEntriesBody, response: { 200: stockCountDetail } } },
    (req) => counts.record(req.actor!, req.params.id, req.body),
  );
  app.post(
    '/api/v1/stock-counts/:id/post',
    {
      ...write,
      schema: {
        tags,
        description:
          'Books one adjustment (reason stock_count) per counted line whose count differs from on hand AT POSTING (postedVariance = counted − postedOnHand; snapshotQty shows what it was at creation). A count below reserved: 422 INSUFFICIENT_STOCK naming the lines, nothing written. Posting twice: 409.',
        params: idParams,
        response: { 200: stockCountDetail },
      },
    },
    (req) => counts.post(req.actor!, req.params.id),
  );
  app.post('/api/v1/stock-counts/:id/cancel', { ...write, schema: { tags, params: idParams, response: { 200: stockCountDetail } } }, (req) => counts.cancel(req.actor!, req.params.id));
}
