import { PassThrough } from 'node:stream';
import { shipmentFilterQuery, shipmentListQuery, shipmentListReply } from '../../../contracts/shipping.ts';
import { localDate } from '../../platform/dates.ts';
import { requestLocale } from '../../platform/http/errors.ts';
import type { App } from '../../platform/http/types.ts';
import { XLSX_MIME } from '../../platform/xlsx.ts';
import type { ShipmentExport } from './shipment-list.ts';
import type { ShipmentsService } from './shipments.service.ts';

const tags = ['shipping'];
const read = { config: { permission: 'shipping:read' as const } };

/** The shipment list (server-side filters, keyset pages) and its Excel export with the same filters. */
export function shipmentListRoutes(app: App, svc: ShipmentsService, exporter: ShipmentExport, timeZone: string): void {
  app.get(
    '/api/v1/shipments',
    { ...read, schema: { tags, description: 'Shipments newest first in the caller’s scope; q searches shipment, tracking and order numbers and the recipient; from/to are dispatch days (creation day for drafts).', querystring: shipmentListQuery, response: { 200: shipmentListReply } } },
    (req) => svc.list(req.actor!, req.query),
  );
  app.get(
    '/api/v1/shipments/export.xlsx',
    { ...read, schema: { tags, description: 'The filtered shipments as .xlsx (streamed, at most 50,000 rows; X-Total-Count and X-Export-Truncated tell when the cap cut it). Headers follow Accept-Language.', querystring: shipmentFilterQuery } },
    async (req, reply) => {
      const size = await exporter.size(req.actor!, req.query);
      const out = new PassThrough();
      const day = localDate(new Date(), timeZone).replaceAll('-', '');
      exporter.write(req.actor!, req.query, requestLocale(req), out).then(
        () => {
          if (!out.destroyed) out.end();
        },
        (err) => {
          req.log.error({ err }, 'shipment export failed');
          out.destroy(err as Error);
        },
      );
      return reply
        .header('content-type', XLSX_MIME)
        .header('content-disposition', `attachment; filename="shipments-${day}.xlsx"; filename*=UTF-8''${encodeURIComponent(`发货单-${day}.xlsx`)}`)
        .header('x-total-count', String(size.total))
        .header('x-export-truncated', String(size.truncated))
        .send(out);
    },
  );
}
