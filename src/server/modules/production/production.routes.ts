import { idParams } from '../../../contracts/common.ts';
import { bomPutBody, bomSchema, explosionQuery, explosionSchema, materialCheckSchema } from '../../../contracts/production.ts';
import type { App } from '../../platform/http/types.ts';
import type { BomService } from './bom.service.ts';
import type { MaterialCheckService } from './material-check.service.ts';

const tags = ['production'];
const read = { config: { permission: 'products:read' as const } };
const write = { config: { permission: 'products:write' as const } };

export function productionRoutes(app: App, bom: BomService, materials: MaterialCheckService): void {
  app.get('/api/v1/products/:id/bom', { ...read, schema: { tags, params: idParams, response: { 200: bomSchema } } }, (req) => bom.get(req.params.id));
  app.put(
    '/api/v1/products/:id/bom',
    {
      ...write,
      schema: {
        tags,
        description: 'Replaces the current version’s lines (or starts the next version with newVersion). Components must exist, differ from the product and not lead back to it: 422 BOM_CYCLE with details.path.',
        params: idParams,
        body: bomPutBody,
        response: { 200: bomSchema },
      },
    },
    (req) => bom.put(req.actor!, req.params.id, req.body),
  );
  app.get(
    '/api/v1/products/:id/bom/explosion',
    { ...read, schema: { tags, description: 'Multi-level gross requirements (with scrap, rounded up to each unit) for ?qty= of the product.', params: idParams, querystring: explosionQuery, response: { 200: explosionSchema } } },
    (req) => bom.explosion(req.params.id, req.query.qty),
  );
  // orders:read or production:read — checked by the service, since a route declares one permission.
  app.get(
    '/api/v1/orders/:id/material-check',
    { schema: { tags, description: 'Per make-to-order line: each material required / available / short; shortages go on the order timeline and to the planners.', params: idParams, response: { 200: materialCheckSchema } } },
    (req) => materials.check(req.actor!, req.params.id),
  );
}
