import { PassThrough } from 'node:stream';
import { orderCountsReply, orderFilterQuery } from '../../../contracts/order-list.ts';
import { requestLocale } from '../../platform/http/errors.ts';
import { localDate } from '../../platform/dates.ts';
import type { App } from '../../platform/http/types.ts';
import { XLSX_MIME } from '../../platform/xlsx.ts';
import type { OrderList } from './order-list.ts';

const tags = ['orders'];
const read = { config: { permission: 'orders:read' as const } };

/** The order list's companions: counts for the status tabs and the Excel export, with the list's filters. */
export function orderListRoutes(app: App, list: OrderList, timeZone: string): void {
  app.get('/api/v1/orders/counts', { ...read, schema: { tags, description: 'Orders per status with the list filters (status ignored), in the caller’s scope.', querystring: orderFilterQuery, response: { 200: orderCountsReply } } }, (req) =>
    list.counts(req.actor!, req.query),
  );
  app.get(
    '/api/v1/orders/export.xlsx',
    { ...read, schema: { tags, description: 'The filtered orders as .xlsx (streamed, at most 50,000 rows; X-Total-Count and X-Export-Truncated tell when the cap cut it). Headers follow Accept-Language.', querystring: orderFilterQuery } },
    async (req, reply) => {
      const size = await list.exportSize(req.actor!, req.query);
      const out = new PassThrough();
      const day = localDate(new Date(), timeZone).replaceAll('-', '');
      list.exportXlsx(req.actor!, req.query, requestLocale(req), out).then(
        () => {
          if (!out.destroyed) out.end();
        },
        (err) => {
          req.log.error({ err }, 'order export failed');
          out.destroy(err as Error);
        },
      );
      return reply
        .header('content-type', XLSX_MIME)
        .header('content-disposition', `attachment; filename="orders-${day}.xlsx"; filename*=UTF-8''${encodeURIComponent(`订单-${day}.xlsx`)}`)
        .header('x-total-count', String(size.total))
        .header('x-export-truncated', String(size.truncated))
        .send(out);
    },
  );
}
