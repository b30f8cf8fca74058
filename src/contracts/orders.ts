import { z } from 'zod';
import { addressInput, addressSchema } from './customers.ts';
import { fitsDecimals } from './quantity.ts';
import { stageSchema } from './stages.ts';

/** The order lifecycle (DESIGN.md); transitions live in order.machine.ts. */
export const orderStatuses = [
  'draft',
  'submitted',
  'pending_approval',
  'rejected',
  'confirmed',
  'in_fulfilment',
  'partially_shipped',
  'shipped',
  'delivered',
  'completed',
  'on_hold',
  'cancelled',
] as const;
export type OrderStatus = (typeof orderStatuses)[number];
export const priorities = ['low', 'normal', 'high', 'urgent'] as const;

/** Stable codes of the submit checks. */
export const orderCheckCodes = [
  'PRICE_BELOW_FLOOR',
  'PRICE_BELOW_LIST',
  'PRICE_BELOW_LAST',
  'SPEC_INVALID',
  'QTY_OUT_OF_RANGE',
  'PRODUCT_INACTIVE',
  'CREDIT_LIMIT_EXCEEDED',
  'CUSTOMER_ON_HOLD',
  'LEAD_TIME_TOO_SHORT',
  'POSSIBLE_DUPLICATE_ORDER',
] as const;
export type OrderCheckCode = (typeof orderCheckCodes)[number];
/** hard: blocks (422); approval: routes to approval; soft: a warning; reason: blocks until acknowledged with a reason. */
export const checkSeverities = ['hard', 'approval', 'soft', 'reason', 'off'] as const;

const qty = z
  .number()
  .positive()
  .max(1e9)
  .refine((v) => fitsDecimals(v, 3), { message: 'max_3_decimals', params: { reason: 'max_3_decimals' } });

export const orderLineInput = z.strictObject({
  productId: z.string().max(64),
  qty,
  unitPrice: z.number().int().min(0).max(1e13),
  discountPct: z.number().min(0).max(100).multipleOf(0.01).default(0),
  spec: z.record(z.string().max(32), z.string().max(64)).default({}),
  warehouseId: z.string().max(64).nullable().optional(),
  note: z.string().trim().max(500).nullable().optional(),
});

/** Today in China: a promised date is a calendar date where the customer is. (One formatter: building one costs more than validating a whole order.) */
const chinaDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });
const today = () => chinaDate.format(new Date());
const promisedDate = z.iso.date().refine((d) => d >= today(), { message: 'date_in_past', params: { reason: 'date_in_past' } });

export const acknowledgement = z.strictObject({ code: z.enum(orderCheckCodes), reason: z.string().trim().min(1).max(500) });

export const orderCreateBody = z.strictObject({
  customerId: z.string().max(64),
  requirementId: z.string().max(64).nullable().optional(),
  customerPo: z.string().trim().max(64).nullable().optional(),
  currency: z.literal('CNY').default('CNY'),
  promisedDate,
  priority: z.enum(priorities).default('normal'),
  nonStandard: z.boolean().default(false),
  nonStandardReason: z.string().trim().max(500).nullable().optional(),
  /** Either one of the customer's addresses by id, or an address. */
  shipToAddressId: z.string().max(64).nullable().optional(),
  shipToAddress: addressInput.nullable().optional(),
  lines: z.array(orderLineInput).min(1).max(500),
  note: z.string().trim().max(2000).nullable().optional(),
  customFields: z.record(z.string(), z.unknown()).default({}),
  /** Create and submit in one transaction. */
  submit: z.boolean().default(false),
  acknowledge: z.array(acknowledgement).max(20).default([]),
});
export type OrderCreate = z.infer<typeof orderCreateBody>;

export const orderPatchBody = z.strictObject({
  customerPo: z.string().trim().max(64).nullable().optional(),
  promisedDate: promisedDate.optional(),
  priority: z.enum(priorities).optional(),
  nonStandard: z.boolean().optional(),
  nonStandardReason: z.string().trim().max(500).nullable().optional(),
  shipToAddressId: z.string().max(64).nullable().optional(),
  shipToAddress: addressInput.nullable().optional(),
  lines: z.array(orderLineInput).min(1).max(500).optional(),
  note: z.string().trim().max(2000).nullable().optional(),
  customFields: z.record(z.string(), z.unknown()).optional(),
  version: z.number().int().optional(),
});

export const submitBody = z.strictObject({ acknowledge: z.array(acknowledgement).max(20).default([]) }).default({ acknowledge: [] });
export const cancelBody = z.strictObject({ reason: z.string().trim().min(1).max(500) });
/** A planner moves reserved stock from one order's line to another's short line of the same product. */
export const reallocateBody = z.strictObject({
  fromOrderLineId: z.string().min(1).max(64),
  toOrderLineId: z.string().min(1).max(64),
  qty: z.number().positive().max(1e9),
  reason: z.string().trim().min(1).max(500),
});
export const reallocateReply = z.object({ qty: z.number(), warehouseId: z.string(), from: z.object({ orderId: z.string(), number: z.string().nullable() }), to: z.object({ orderId: z.string(), number: z.string().nullable() }) });
/** Hold (credit, exception, customer request) and release: a reason each time, on the timeline. */
export const holdBody = cancelBody;

export const checkResult = z.object({
  code: z.enum(orderCheckCodes),
  severity: z.enum(checkSeverities),
  lineNo: z.number().nullable(),
  details: z.record(z.string(), z.unknown()),
  needsReason: z.boolean().optional(),
});
export type CheckResult = z.infer<typeof checkResult>;

export const orderLineSchema = z.object({
  id: z.string(),
  lineNo: z.number(),
  productId: z.string(),
  sku: z.string(),
  name: z.string(),
  unit: z.string(),
  qty: z.number(),
  unitPrice: z.number(),
  listPrice: z.number(),
  discountPct: z.number(),
  taxRate: z.number(),
  net: z.number(),
  tax: z.number(),
  gross: z.number(),
  spec: z.record(z.string(), z.string()),
  warehouseId: z.string().nullable(),
  reservedQty: z.number(),
  shortQty: z.number(),
  /** The production scheduler's planned completion of the line's work orders (ISO UTC), null when none is planned. */
  plannedCompletion: z.string().nullable(),
  /** Planned completion leaves no time to ship by the promised date (or could not be planned). */
  atRisk: z.boolean(),
  note: z.string().nullable(),
});

export const orderSchema = z.object({
  id: z.string(),
  number: z.string().nullable(),
  customerId: z.string(),
  customerName: z.string().nullable(),
  requirementId: z.string().nullable(),
  customerPo: z.string().nullable(),
  currency: z.string(),
  promisedDate: z.string(),
  priority: z.enum(priorities),
  nonStandard: z.boolean(),
  nonStandardReason: z.string().nullable(),
  shipToAddress: addressSchema.omit({ id: true, isDefault: true }).extend({ label: z.string().nullable() }).nullable(),
  status: z.enum(orderStatuses),
  ownerId: z.string(),
  ownerName: z.string().nullable(),
  lines: z.array(orderLineSchema),
  totals: z.object({ net: z.number(), tax: z.number(), gross: z.number() }),
  warnings: z.array(checkResult),
  /** The stage track: owner, due, actual start/finish and state per stage (detail only). */
  stages: z.array(stageSchema).optional(),
  note: z.string().nullable(),
  customFields: z.record(z.string(), z.unknown()),
  version: z.number(),
  submittedAt: z.string().nullable(),
  confirmedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** The order this one was copied from (`POST /orders/:id/copy`). */
  copiedFromId: z.string().nullable().optional(),
});
export type Order = z.infer<typeof orderSchema>;

export const orderCreated = z.object({ order: orderSchema, warnings: z.array(checkResult) });

export const orderListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
  q: z.string().max(200).optional(),
  status: z.enum(orderStatuses).optional(),
  customerId: z.string().max(64).optional(),
  ownerId: z.string().max(64).optional(),
  priority: z.enum(priorities).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  /** Open orders past their promised date. */
  overdue: z.enum(['true', 'false']).optional(),
  /** Orders submitted with warnings (soft checks, acknowledged reasons). */
  hasWarnings: z.enum(['true', 'false']).optional(),
});
export const orderListItem = orderSchema.omit({ lines: true, shipToAddress: true, customFields: true, note: true, stages: true }).extend({ lineCount: z.number() });

export const timelineEntry = z.object({
  id: z.string(),
  type: z.string(),
  at: z.string(),
  stage: z.string().nullable(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
});

export const revisionStates = ['pending_approval', 'applied', 'rejected'] as const;

export const revisionBody = z.strictObject({
  reason: z.string().trim().min(1).max(500),
  lines: z.array(orderLineInput).min(1).max(500).optional(),
  promisedDate: promisedDate.optional(),
  priority: z.enum(priorities).optional(),
  customerPo: z.string().trim().max(64).nullable().optional(),
  shipToAddressId: z.string().max(64).nullable().optional(),
  shipToAddress: addressInput.nullable().optional(),
  note: z.string().trim().max(2000).nullable().optional(),
  /** Only compute and return the impact; change nothing. */
  preview: z.boolean().default(false),
  version: z.number().int().optional(),
});

export const revisionImpact = z.object({
  amountBefore: z.number(),
  amountAfter: z.number(),
  amountDelta: z.number(),
  promisedDate: z.object({ before: z.string(), after: z.string() }).nullable(),
  lines: z.array(
    z.object({
      productId: z.string(),
      sku: z.string(),
      qtyBefore: z.number(),
      qtyAfter: z.number(),
      unitPriceBefore: z.number().nullable(),
      unitPriceAfter: z.number().nullable(),
      /** Positive: more to reserve; negative: to release. */
      stockDelta: z.number(),
      available: z.number(),
    }),
  ),
  fields: z.array(z.string()),
  needsApproval: z.boolean(),
  rules: z.array(z.string()),
});

/** The customer's answer to a revision asked through a customer link. */
export const customerAnswerStates = ['requested', 'confirmed', 'declined'] as const;
export const revisionCustomerAnswer = z.object({
  state: z.enum(customerAnswerStates),
  requestedAt: z.string(),
  requestedBy: z.string(),
  expiresAt: z.string(),
  at: z.string().nullable(),
  comment: z.string().nullable(),
  contactName: z.string().nullable(),
});
export type RevisionCustomerAnswer = z.infer<typeof revisionCustomerAnswer>;

export const revisionSchema = z.object({
  id: z.string(),
  orderId: z.string(),
  revisionNo: z.number(),
  fromVersion: z.number(),
  reason: z.string(),
  state: z.enum(revisionStates),
  impact: revisionImpact,
  before: z.record(z.string(), z.unknown()),
  requestedBy: z.string(),
  requestedByName: z.string().nullable(),
  createdAt: z.string(),
  appliedAt: z.string().nullable(),
  /** null until the customer is asked to confirm the change. */
  customer: revisionCustomerAnswer.nullable().optional(),
});
export const revisionReply = z.object({ preview: z.boolean(), impact: revisionImpact, revision: revisionSchema.nullable(), order: orderSchema });

/** `POST /orders/:id/copy`: a new draft from an earlier order; the promised date defaults to today + the longest lead time. */
export const orderCopyBody = z.strictObject({ promisedDate: promisedDate.optional() }).nullish();
export const copyWarningCodes = ['PRICE_CHANGED', 'PRODUCT_DROPPED'] as const;
export const copyWarning = z.object({
  code: z.enum(copyWarningCodes),
  /** Line number in the new draft (PRICE_CHANGED) or null (a dropped line; `details.lineNo` is its number in the source). */
  lineNo: z.number().nullable(),
  details: z.object({ sku: z.string(), name: z.string(), lineNo: z.number().optional(), oldPrice: z.number().optional(), newPrice: z.number().optional(), source: z.enum(['tier', 'last', 'list']).optional() }),
});
export type CopyWarning = z.infer<typeof copyWarning>;
export const orderCopied = z.object({ order: orderSchema, warnings: z.array(copyWarning) });

/** Converting a requirement: the product chosen per requirement item (0-based index), overriding the one it names. */
export const convertBody = z.strictObject({
  promisedDate,
  priority: z.enum(priorities).optional(),
  shipToAddressId: z.string().max(64).nullable().optional(),
  items: z.array(z.strictObject({ itemIndex: z.number().int().min(0).max(199), productId: z.string().min(1).max(64) })).max(200).default([]),
});

/** What the customer sees behind a revision link: the change, never cost, margin or internal notes. */
export const portalRevision = z.object({
  kind: z.literal('order_revision'),
  company: z.string(),
  customerName: z.string(),
  number: z.string().nullable(),
  revisionNo: z.number(),
  reason: z.string(),
  createdAt: z.string(),
  currency: z.string(),
  amount: z.object({ before: z.number(), after: z.number() }),
  promisedDate: z.object({ before: z.string(), after: z.string() }).nullable(),
  shipToAddress: z.object({ before: z.string().nullable(), after: z.string().nullable() }).nullable(),
  lines: z.array(z.object({ sku: z.string(), name: z.string(), unit: z.string(), qtyBefore: z.number(), qtyAfter: z.number(), unitPriceBefore: z.number().nullable(), unitPriceAfter: z.number().nullable() })),
  state: z.enum(customerAnswerStates),
  answeredAt: z.string().nullable(),
  comment: z.string().nullable(),
  expiresAt: z.string(),
});
export const portalRevisionAnswer = z.object({ state: z.enum(['confirmed', 'declined']), at: z.string() });

/** Order import template: one row per line; rows with the same customer code and order key form one order. */
export const orderImportColumns = [
  { key: 'orderKey', zh: '订单分组号*', en: 'Order key*' },
  { key: 'customerCode', zh: '客户编码*', en: 'Customer code*' },
  { key: 'customerPo', zh: '客户PO号', en: 'Customer PO' },
  { key: 'promisedDate', zh: '承诺交期*(YYYY-MM-DD)', en: 'Promised date* (YYYY-MM-DD)' },
  { key: 'priority', zh: '优先级(low/normal/high/urgent)', en: 'Priority (low/normal/high/urgent)' },
  { key: 'sku', zh: '产品SKU*', en: 'SKU*' },
  { key: 'qty', zh: '数量*', en: 'Quantity*' },
  { key: 'unitPrice', zh: '单价(元)*', en: 'Unit price (CNY)*' },
  { key: 'discountPct', zh: '折扣%', en: 'Discount %' },
  { key: 'spec', zh: '规格(如 电压=220V;颜色=黑)', en: 'Spec (e.g. voltage=220V;colour=black)' },
] as const;
export type OrderImportColumn = (typeof orderImportColumns)[number]['key'];
