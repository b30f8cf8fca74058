/**
 * Warehouses, stock levels, movements and the "why is available = X" explanation.
 * Quantities are JSON numbers with ≤ 3 decimals (API.md); the server stores thousandths.
 */
import { z } from 'zod';
import { idSchema, listQuery } from './common.ts';
import { fitsDecimals } from './quantity.ts';

/** What a client may post; `transfer` is booked as a transfer_out + transfer_in pair. */
export const movementInputTypes = ['receipt', 'issue', 'adjustment', 'transfer'] as const;
/** What the ledger holds (mirrors the CHECK in migration 0006). */
export const movementTypes = ['receipt', 'issue', 'adjustment', 'transfer_out', 'transfer_in', 'count'] as const;
export type MovementType = (typeof movementTypes)[number];

const reason = (r: string) => ({ message: r, params: { reason: r } });

/** Signed here: adjustments may be negative; the per-type sign rule is in the body refinement. */
const signedQty = z
  .number()
  .min(-1e9)
  .max(1e9)
  .refine((v) => fitsDecimals(v, 3), reason('max_3_decimals'));

export const warehouseCreateBody = z.strictObject({
  code: z.string().trim().min(1).max(32).regex(/^[A-Za-z0-9_-]+$/),
  name: z.string().trim().min(1).max(100),
  /** The warehouse orders reserve from when a line names none; setting it clears the old default. */
  isDefault: z.boolean().default(false),
  address: z.string().trim().max(300).nullable().optional(),
});
export type WarehouseCreate = z.infer<typeof warehouseCreateBody>;

export const warehouseSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  isDefault: z.boolean(),
  active: z.boolean(),
  address: z.string().nullable(),
  createdAt: z.string(),
});
/** The code is immutable (movements and reports refer to it); an unknown key such as `code` is refused. */
export const warehousePatchBody = z.strictObject({
  name: z.string().trim().min(1).max(100).optional(),
  address: z.string().trim().max(300).nullable().optional(),
  active: z.boolean().optional(),
});
export type Warehouse = z.infer<typeof warehouseSchema>;

export const movementCreateBody = z
  .strictObject({
    type: z.enum(movementInputTypes),
    productId: idSchema,
    warehouseId: idSchema,
    toWarehouseId: idSchema.nullable().optional(),
    qty: signedQty,
    reason: z.string().trim().max(500).nullable().optional(),
  })
  .superRefine((m, ctx) => {
    const issue = (path: string, r: string) => ctx.addIssue({ code: 'custom', path: [path], ...reason(r) });
    if (m.type === 'adjustment') {
      if (m.qty === 0) issue('qty', 'must_not_be_zero');
      if (!m.reason) issue('reason', 'required');
    } else if (m.qty <= 0) issue('qty', 'must_be_positive');
    if (m.type === 'transfer') {
      if (!m.toWarehouseId) issue('toWarehouseId', 'required');
      else if (m.toWarehouseId === m.warehouseId) issue('toWarehouseId', 'same_warehouse');
    } else if (m.toWarehouseId) issue('toWarehouseId', 'transfer_only');
  });
export type MovementCreate = z.infer<typeof movementCreateBody>;

export const movementSchema = z.object({
  id: z.string(),
  type: z.enum(movementTypes),
  productId: z.string(),
  sku: z.string(),
  productName: z.string(),
  warehouseId: z.string(),
  warehouseCode: z.string(),
  /** Signed: receipts and transfers in are positive, issues and transfers out negative. */
  qty: z.number(),
  reason: z.string().nullable(),
  refType: z.string().nullable(),
  refId: z.string().nullable(),
  actorId: z.string().nullable(),
  at: z.string(),
});
export type Movement = z.infer<typeof movementSchema>;

export const stockLevelSchema = z.object({
  productId: z.string(),
  sku: z.string(),
  productName: z.string(),
  unit: z.string(),
  warehouseId: z.string(),
  warehouseCode: z.string(),
  onHand: z.number(),
  reserved: z.number(),
  available: z.number(),
});
export type StockLevel = z.infer<typeof stockLevelSchema>;

export const movementCreated = z.object({ movements: z.array(movementSchema), levels: z.array(stockLevelSchema) });

export const stockLevelQuery = listQuery.extend({ productId: idSchema.optional(), warehouseId: idSchema.optional() });
export const movementListQuery = listQuery.omit({ q: true }).extend({
  productId: idSchema.optional(),
  warehouseId: idSchema.optional(),
  type: z.enum(movementTypes).optional(),
});
export const explainQuery = z.object({ productId: idSchema, warehouseId: idSchema.optional() });

/** "Why is available = X": on hand from the ledger, reserved from the active reservations. */
export const stockExplanation = z.object({
  productId: z.string(),
  sku: z.string(),
  productName: z.string(),
  unit: z.string(),
  /** null: summed over every warehouse. */
  warehouseId: z.string().nullable(),
  onHand: z.number(),
  reserved: z.number(),
  available: z.number(),
  movementsByType: z.array(z.object({ type: z.enum(movementTypes), qty: z.number(), count: z.number() })),
  recentMovements: z.array(movementSchema),
  reservations: z.array(
    z.object({
      id: z.string(),
      /** The holder: a sales order (orderLineId is its line), or a work order holding its components (orderId = orderLineId = the work order's id). */
      orderId: z.string(),
      orderLineId: z.string(),
      holderType: z.enum(['order', 'work_order']),
      /** The order's or work order's number (null for a draft order without one). */
      holderNumber: z.string().nullable(),
      warehouseId: z.string(),
      warehouseCode: z.string(),
      qty: z.number(),
      createdAt: z.string(),
    }),
  ),
  /** Active reservations beyond those listed (the list is capped). */
  moreReservations: z.number(),
  /** The stored counters; `consistent` is false when they disagree with the ledger (run `gendan check-ledger`). */
  counters: z.object({ onHand: z.number(), reserved: z.number() }),
  consistent: z.boolean(),
});
export type StockExplanation = z.infer<typeof stockExplanation>;

/* ---------- Stock count (盘点) ---------- */

/** draft (snapshot taken) → counting (quantities being entered) → posted | cancelled. Mirrors the CHECK in migration 0024. */
export const stockCountStatuses = ['draft', 'counting', 'posted', 'cancelled'] as const;
export type StockCountStatus = (typeof stockCountStatuses)[number];

/** The movement reason a posted count writes on each variance adjustment. */
export const STOCK_COUNT_REASON = 'stock_count';

const countedQty = z
  .number()
  .min(0)
  .max(1e9)
  .refine((v) => fitsDecimals(v, 3), reason('max_3_decimals'));

export const stockCountCreateBody = z.strictObject({
  warehouseId: idSchema,
  /** Only these products (each gets a line even without stock yet); omitted: every product with a counter row in the warehouse. */
  productIds: z.array(idSchema).min(1).max(2000).optional(),
  note: z.string().trim().max(500).nullable().optional(),
});
export type StockCountCreate = z.infer<typeof stockCountCreateBody>;

/** Counted quantities by line; null clears an entry. Lines not named are left as they are. */
export const stockCountEntriesBody = z.strictObject({
  lines: z
    .array(z.strictObject({ lineId: idSchema, countedQty: countedQty.nullable() }))
    .min(1)
    .max(2000),
});
export type StockCountEntries = z.infer<typeof stockCountEntriesBody>;

export const stockCountLineSchema = z.object({
  id: z.string(),
  productId: z.string(),
  sku: z.string(),
  productName: z.string(),
  unit: z.string(),
  unitDecimals: z.number(),
  /** On hand when the count was created. */
  snapshotQty: z.number(),
  countedQty: z.number().nullable(),
  /** Set when posted: on hand at posting time, and the adjustment booked (counted − on hand at posting). */
  postedOnHand: z.number().nullable(),
  postedVariance: z.number().nullable(),
  movementId: z.string().nullable(),
});
export type StockCountLine = z.infer<typeof stockCountLineSchema>;

export const stockCountSchema = z.object({
  id: z.string(),
  number: z.string(),
  warehouseId: z.string(),
  warehouseCode: z.string(),
  status: z.enum(stockCountStatuses),
  note: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  postedAt: z.string().nullable(),
  lineCount: z.number(),
  countedCount: z.number(),
});
export type StockCount = z.infer<typeof stockCountSchema>;

export const stockCountDetail = stockCountSchema.extend({ lines: z.array(stockCountLineSchema) });
export type StockCountDetail = z.infer<typeof stockCountDetail>;

export const stockCountListQuery = listQuery.omit({ q: true }).extend({
  warehouseId: idSchema.optional(),
  status: z.enum(stockCountStatuses).optional(),
});

/* ---------- Adjustments above the approval threshold ---------- */

/** Mirrors the CHECK in migration 0024. */
export const adjustmentRequestStatuses = ['pending', 'approved', 'rejected'] as const;
export type AdjustmentRequestStatus = (typeof adjustmentRequestStatuses)[number];

export const adjustmentRequestSchema = z.object({
  id: z.string(),
  productId: z.string(),
  sku: z.string(),
  productName: z.string(),
  unit: z.string(),
  warehouseId: z.string(),
  warehouseCode: z.string(),
  /** Signed, as asked. */
  qty: z.number(),
  reason: z.string(),
  status: z.enum(adjustmentRequestStatuses),
  requestedBy: z.string().nullable(),
  requestedByName: z.string().nullable(),
  requestedAt: z.string(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
  movementId: z.string().nullable(),
});
export type AdjustmentRequest = z.infer<typeof adjustmentRequestSchema>;

export const adjustmentRequestListQuery = listQuery.omit({ q: true }).extend({
  status: z.enum(adjustmentRequestStatuses).optional(),
  /** to_decide: pending, the caller may decide (inventory:approve, not their own); decided: decided by the caller. */
  mine: z.enum(['to_decide', 'decided']).optional(),
});
export type AdjustmentRequestListQuery = z.infer<typeof adjustmentRequestListQuery>;
export const adjustmentRequestCount = z.object({ toDecide: z.number() });
export const adjustmentDecisionBody = z.strictObject({ note: z.string().trim().max(500).nullable().optional() });
export const adjustmentRejectBody = z.strictObject({ note: z.string().trim().min(1).max(500) });

/** An adjustment above the approval threshold is not booked: 202 with the request waiting for an approver. */
export const movementPending = z.object({ pending: adjustmentRequestSchema });

/* ---------- Movement history export ---------- */

/** The movements list's filters, without paging: what the export writes. */
export const movementExportQuery = movementListQuery.omit({ limit: true, cursor: true });
export const MOVEMENT_EXPORT_MAX_ROWS = 200_000;
export const movementTypeLabels: Record<MovementType, { zh: string; en: string }> = {
  receipt: { zh: '入库', en: 'Receipt' },
  issue: { zh: '出库', en: 'Issue' },
  adjustment: { zh: '调整', en: 'Adjustment' },
  transfer_out: { zh: '调出', en: 'Transfer out' },
  transfer_in: { zh: '调入', en: 'Transfer in' },
  count: { zh: '盘点', en: 'Count' },
};
export const movementExportColumns = [
  { key: 'at', zh: '时间', en: 'Time', width: 18 },
  { key: 'type', zh: '类型', en: 'Type', width: 10 },
  { key: 'sku', zh: 'SKU', en: 'SKU', width: 16 },
  { key: 'productName', zh: '产品', en: 'Product', width: 28 },
  { key: 'warehouseCode', zh: '仓库', en: 'Warehouse', width: 10 },
  { key: 'qty', zh: '数量', en: 'Qty', width: 12 },
  { key: 'reason', zh: '原因', en: 'Reason', width: 30 },
  { key: 'ref', zh: '关联单据', en: 'Reference', width: 24 },
] as const;
