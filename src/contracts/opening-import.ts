/**
 * 期初库存导入 (opening stock from Excel): the template's columns and the check/import report.
 * Quantities are decimals in the product unit (≤ 3 places), costs in fen.
 */
import { z } from 'zod';
import { importReport } from './customers.ts';

/** The template's columns; a header in either language is accepted (`*` = required). */
export const openingImportColumns = [
  { key: 'sku', zh: '产品编码*', en: 'SKU*' },
  { key: 'warehouseCode', zh: '仓库编码*', en: 'Warehouse code*' },
  { key: 'qty', zh: '数量*', en: 'Qty*' },
  { key: 'unitCost', zh: '单位成本(元)', en: 'Unit cost (CNY)' },
  { key: 'note', zh: '备注', en: 'Note' },
] as const;
export type OpeningImportColumn = (typeof openingImportColumns)[number]['key'];

/** Other headers people type for the same columns (Odoo/简道云 exports, hand-made sheets). */
export const openingImportAliases: readonly { key: OpeningImportColumn; zh: string; en: string }[] = [
  { key: 'sku', zh: '产品SKU', en: 'Product code' },
  { key: 'sku', zh: '产品编号', en: 'Internal reference' },
  { key: 'warehouseCode', zh: '仓库', en: 'Warehouse' },
  { key: 'qty', zh: '期初数量', en: 'Quantity' },
  { key: 'unitCost', zh: '单位成本', en: 'Unit cost' },
  { key: 'note', zh: '说明', en: 'Notes' },
];

/** The movement reason every opening-stock movement carries (shown as is in the movement list). */
export const OPENING_IMPORT_REASON = '期初导入';
/** `ref_type` of those movements; `ref_id` is the import's id. */
export const OPENING_IMPORT_REF = 'opening_import';

export const openingImportQuery = z.object({
  dryRun: z.enum(['true', 'false']).default('true'),
  /** Also import rows whose product × warehouse already has movements: their on hand becomes the file's quantity. */
  force: z.enum(['true', 'false']).default('false'),
});

export const openingImportConflict = z.object({ row: z.number(), sku: z.string(), warehouseCode: z.string(), onHand: z.number(), qty: z.number() });

export const openingImportReport = importReport.extend({
  /** Set once imported: the `ref_id` of the movements posted. */
  importId: z.string().nullable(),
  forced: z.boolean(),
  /** Movements posted (a forced row whose on hand already equals the file posts none). */
  posted: z.number(),
  summary: z.object({ products: z.number(), warehouses: z.number(), totalQty: z.number(), totalCost: z.number().nullable() }),
  /** Rows whose product × warehouse already has movements: refused unless force. */
  conflicts: z.array(openingImportConflict),
});
export type OpeningImportReport = z.infer<typeof openingImportReport>;
