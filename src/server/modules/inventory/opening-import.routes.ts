import { openingImportColumns, openingImportQuery, openingImportReport } from '../../../contracts/opening-import.ts';
import { requestLocale } from '../../platform/http/errors.ts';
import { uploadOf } from '../../platform/http/upload.ts';
import type { App } from '../../platform/http/types.ts';
import { writeSheet, XLSX_MIME } from '../../platform/xlsx.ts';
import type { ImportOpeningStock } from './opening-import.service.ts';

const tags = ['inventory'];
const write = { config: { permission: 'inventory:write' as const } };

/** 期初库存导入: the template, and the check / import of a filled-in file (same paths and body as the customer import). */
export function openingImportRoutes(app: App, importOpeningStock: ImportOpeningStock): void {
  app.get('/api/v1/stock/opening-import/template', { ...write, schema: { tags, description: 'The .xlsx template for opening stock (headers in the caller\'s language; either language or an alias is accepted back).' } }, async (req, reply) => {
    const en = requestLocale(req) === 'en-US';
    // Made-up codes: a template uploaded unchanged is refused (unknown product), never imported.
    const example = ['A-1001', 'WH01', 120, 8.5, en ? 'Example row: delete before importing' : '示例行，导入前请删除'];
    const file = await writeSheet(en ? 'Opening stock' : '期初库存', openingImportColumns.map((c) => (en ? c.en : c.zh)), [example]);
    return reply
      .header('content-type', XLSX_MIME)
      .header('content-disposition', `attachment; filename="opening-stock-template.xlsx"; filename*=UTF-8''${encodeURIComponent('期初库存导入模板.xlsx')}`)
      .send(file);
  });
  app.post(
    '/api/v1/stock/opening-import',
    {
      ...write,
      bodyLimit: 60 * 1024 * 1024,
      schema: {
        tags,
        description:
          'Body: the .xlsx file (产品编码/SKU, 仓库编码/warehouse code, 数量/qty, optional 单位成本/unit cost in CNY and 备注/note). `dryRun=true` (default) checks only: per-row errors, a summary and `conflicts` (rows whose product × warehouse already has movements); nothing is written. ' +
          '`dryRun=false` imports all rows or none, in one transaction: each row\'s on hand becomes the file\'s quantity, booked as a receipt (reason 期初导入, refType opening_import, refId = importId). ' +
          'A conflict refuses the whole file with 409 OPENING_STOCK_HAS_MOVEMENTS unless `force=true`: then those rows are set to the file\'s quantity as well, by an adjustment of the difference (none when equal; below what is reserved → 422 INSUFFICIENT_STOCK; above the adjustment-approval limit needs inventory:approve). ' +
          'Send an Idempotency-Key: a retry gets the first answer, never a second import.',
        querystring: openingImportQuery,
        response: { 200: openingImportReport },
      },
    },
    (req) => importOpeningStock(req.actor!, uploadOf(req).path, { dryRun: req.query.dryRun === 'true', force: req.query.force === 'true', locale: requestLocale(req) }),
  );
}
