import { idParams, listQuery, page } from '../../../contracts/common.ts';
import {
  explainQuery,
  movementCreateBody,
  movementExportQuery,
  movementCreated,
  movementListQuery,
  movementPending,
  movementSchema,
  stockExplanation,
  stockLevelQuery,
  stockLevelSchema,
  warehouseCreateBody,
  warehousePatchBody,
  warehouseSchema,
} from '../../../contracts/inventory.ts';
import { PassThrough } from 'node:stream';
import { localDate } from '../../platform/dates.ts';
import { requestLocale } from '../../platform/http/errors.ts';
import type { App } from '../../platform/http/types.ts';
import { XLSX_MIME } from '../../platform/xlsx.ts';
import type { MovementsService } from './movements.service.ts';
import type { StockService } from './stock.service.ts';
import type { WarehousesService } from './warehouses.service.ts';

const tags = ['inventory'];
const read = { config: { permission: 'inventory:read' as const } };
const write = { config: { permission: 'inventory:write' as const } };

export function inventoryRoutes(app: App, warehouses: WarehousesService, stock: StockService, movements: MovementsService, timeZone: string): void {
  app.get('/api/v1/warehouses', { ...read, schema: { tags, querystring: listQuery, response: { 200: page(warehouseSchema) } } }, (req) => warehouses.list(req.query));
  app.post('/api/v1/warehouses', { ...write, schema: { tags, body: warehouseCreateBody, response: { 201: warehouseSchema } } }, async (req, reply) =>
    reply.code(201).send(await warehouses.create(req.actor!, req.body)),
  );
  app.patch('/api/v1/warehouses/:id', { ...write, schema: { tags, description: 'name, address, active; the code is immutable. A warehouse holding stock cannot be deactivated.', params: idParams, body: warehousePatchBody, response: { 200: warehouseSchema } } }, (req) =>
    warehouses.update(req.actor!, req.params.id, req.body),
  );

  app.get(
    '/api/v1/stock',
    { ...read, schema: { tags, description: 'Levels per product × warehouse; quantities in the product unit (≤ 3 decimals).', querystring: stockLevelQuery, response: { 200: page(stockLevelSchema) } } },
    (req) => stock.levels(req.query),
  );
  app.get(
    '/api/v1/stock/explain',
    { ...read, schema: { tags, description: 'Why available = X: on hand from the movements, reserved from the active reservations (which orders).', querystring: explainQuery, response: { 200: stockExplanation } } },
    (req) => stock.explain(req.query),
  );
  app.get(
    '/api/v1/stock/movements/export',
    { ...read, schema: { tags, description: 'The movements list with the same filters as .xlsx (newest first, up to 200,000 rows), in the caller\'s language; text cells formula-escaped.', querystring: movementExportQuery } },
    async (req, reply) => {
      const out = new PassThrough();
      const day = localDate(new Date(), timeZone).replaceAll('-', '');
      movements.exportXlsx(req.query, requestLocale(req), timeZone, out).then(
        () => {
          if (!out.destroyed) out.end();
        },
        (err) => {
          req.log.error({ err }, 'movement export failed');
          out.destroy(err as Error);
        },
      );
      return reply
        .header('content-type', XLSX_MIME)
        .header('content-disposition', `attachment; filename="stock-movements-${day}.xlsx"; filename*=UTF-8''${encodeURIComponent(`库存流水-${day}.xlsx`)}`)
        .send(out);
    },
  );
  app.get('/api/v1/stock/movements', { ...read, schema: { tags, querystring: movementListQuery, response: { 200: page(movementSchema) } } }, (req) => movements.list(req.query));
  app.post(
    '/api/v1/stock/movements',
    {
      ...write,
      schema: {
        tags,
        description:
          'receipt | issue | adjustment (signed qty, reason required) | transfer (toWarehouseId; books transfer_out + transfer_in). Taking stock never goes below what is reserved: 422 INSUFFICIENT_STOCK. An adjustment above the approval threshold (setting inventory.adjustmentApproval) is not booked: 202 with the pending request.',
        body: movementCreateBody,
        response: { 201: movementCreated, 202: movementPending },
      },
    },
    async (req, reply) => {
      const r = await movements.post(req.actor!, req.body);
      return 'pending' in r ? reply.code(202).send(r) : reply.code(201).send(r);
    },
  );
}

