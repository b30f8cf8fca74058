import { z } from 'zod';
import { addressInput, addressSchema } from './customers.ts';
import { fitsDecimals } from './quantity.ts';

export const shipmentStatuses = ['draft', 'dispatched', 'in_transit', 'delivered', 'exception', 'cancelled'] as const;
export type ShipmentStatus = (typeof shipmentStatuses)[number];

/** Carriers with a tracking-number format; `manual` accepts any number typed or scanned. */
export const carriers = {
  manual: { zh: '其他/手工', en: 'Other (manual)', pattern: /^[A-Za-z0-9-]{4,40}$/ },
  sf: { zh: '顺丰速运', en: 'SF Express', pattern: /^SF\d{12,13}$/ },
  jd: { zh: '京东物流', en: 'JD Logistics', pattern: /^JD[A-Z0-9]{13,16}$/ },
  zto: { zh: '中通快递', en: 'ZTO Express', pattern: /^\d{12,15}$/ },
  yto: { zh: '圆通速递', en: 'YTO Express', pattern: /^YT\d{13,15}$/ },
} as const;
export type Carrier = keyof typeof carriers;
export const carrierKeys = Object.keys(carriers) as [Carrier, ...Carrier[]];

const qty = z
  .number()
  .positive()
  .max(1e9)
  .refine((v) => fitsDecimals(v, 3), { message: 'max_3_decimals', params: { reason: 'max_3_decimals' } });

export const shipmentCreateBody = z.strictObject({
  orderId: z.string().max(64),
  lines: z.array(z.strictObject({ orderLineId: z.string().max(64), qty })).min(1).max(500),
  shipToAddress: addressInput.nullable().optional(),
  note: z.string().trim().max(1000).nullable().optional(),
});

export const dispatchBody = z.strictObject({
  carrier: z.enum(carrierKeys),
  trackingNumber: z.string().trim().min(1).max(40),
  eta: z.iso.date().nullable().optional(),
  /** Shipping somewhere other than the order's confirmed address needs a reason. */
  addressChangeReason: z.string().trim().max(500).nullable().optional(),
});

export const trackingEventBody = z.strictObject({
  at: z.iso.datetime({ offset: true }),
  status: z.enum(['in_transit', 'delivered', 'exception']),
  location: z.string().trim().max(200).nullable().optional(),
  description: z.string().trim().max(500).nullable().optional(),
});

export const packageSchema = z.object({
  no: z.number(),
  weightKg: z.number(),
  lengthCm: z.number().nullable(),
  widthCm: z.number().nullable(),
  heightCm: z.number().nullable(),
  lines: z.array(z.object({ orderLineId: z.string(), qty: z.number() })),
});
export type ShipmentPackage = z.infer<typeof packageSchema>;

export const shipmentSchema = z.object({
  id: z.string(),
  number: z.string(),
  orderId: z.string(),
  orderNumber: z.string().nullable(),
  customerId: z.string(),
  customerName: z.string().nullable(),
  status: z.enum(shipmentStatuses),
  shipToAddress: addressSchema.omit({ id: true, isDefault: true }).extend({ label: z.string().nullable() }).nullable(),
  carrier: z.string().nullable(),
  trackingNumber: z.string().nullable(),
  eta: z.string().nullable(),
  lines: z.array(z.object({ id: z.string(), orderLineId: z.string(), productId: z.string(), sku: z.string(), name: z.string(), unit: z.string(), qty: z.number(), warehouseId: z.string() })),
  events: z.array(z.object({ id: z.string(), at: z.string(), status: z.string(), location: z.string().nullable(), description: z.string().nullable() })),
  note: z.string().nullable(),
  dispatchedAt: z.string().nullable(),
  deliveredAt: z.string().nullable(),
  receipt: z.object({ at: z.string(), disputed: z.boolean(), comment: z.string().nullable(), contactName: z.string().nullable(), photoFileId: z.string().nullable().optional() }).nullable(),
  createdAt: z.string(),
  /** Where the ETA came from: typed in (manual), the lane's history (lane) or the carrier's default transit days. */
  etaSource: z.enum(['manual', 'lane', 'carrier_default']).nullable(),
  packages: z.array(packageSchema),
  cancelledAt: z.string().nullable(),
  cancelReason: z.string().nullable(),
});
export type Shipment = z.infer<typeof shipmentSchema>;

/** The shipment list's filters: shared by the list and the Excel export. `from`/`to` are days in the company time zone (dispatch day, or creation day for drafts), both inclusive. */
export const shipmentFilterQuery = z.object({
  /** Shipment number, tracking number, order number or recipient (substring, case-insensitive). */
  q: z.string().max(200).optional(),
  status: z.enum(shipmentStatuses).optional(),
  orderId: z.string().max(64).optional(),
  customerId: z.string().max(64).optional(),
  carrier: z.enum(carrierKeys).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});
export type ShipmentFilterQuery = z.infer<typeof shipmentFilterQuery>;
export const shipmentListQuery = shipmentFilterQuery.extend({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});
export const shipmentListReply = z.object({ items: z.array(shipmentSchema), nextCursor: z.string().nullable() });

/** At most this many rows go into one export; X-Export-Truncated says when more matched. */
export const SHIPMENT_EXPORT_MAX_ROWS = 50_000;

/** Status words in exported files (the web app's i18n has the same words; a test keeps them equal). */
export const shipmentStatusLabels: Record<ShipmentStatus, { zh: string; en: string }> = {
  draft: { zh: '待发货', en: 'To dispatch' },
  dispatched: { zh: '已发出', en: 'Dispatched' },
  in_transit: { zh: '运输中', en: 'In transit' },
  delivered: { zh: '已签收', en: 'Delivered' },
  exception: { zh: '物流异常', en: 'Carrier exception' },
  cancelled: { zh: '已取消', en: 'Cancelled' },
};

/** Export columns in order; times in the company time zone. */
export const shipmentExportColumns = [
  { key: 'number', zh: '发货单号', en: 'Shipment number', width: 20 },
  { key: 'orderNumber', zh: '订单号', en: 'Order number', width: 20 },
  { key: 'customer', zh: '客户', en: 'Customer', width: 28 },
  { key: 'status', zh: '状态', en: 'Status', width: 12 },
  { key: 'carrier', zh: '承运商', en: 'Carrier', width: 14 },
  { key: 'trackingNumber', zh: '物流单号', en: 'Tracking number', width: 20 },
  { key: 'recipient', zh: '收货人', en: 'Recipient', width: 12 },
  { key: 'phone', zh: '电话', en: 'Phone', width: 14 },
  { key: 'address', zh: '收货地址', en: 'Address', width: 40 },
  { key: 'eta', zh: '预计到达', en: 'ETA', width: 12 },
  { key: 'dispatchedAt', zh: '发出时间', en: 'Dispatched at', width: 18 },
  { key: 'deliveredAt', zh: '签收时间', en: 'Delivered at', width: 18 },
  { key: 'createdAt', zh: '创建时间', en: 'Created at', width: 18 },
] as const;

/** What the customer sees behind /c/:token for an order: progress, shipments, tracking — no prices of others, no internals. */
export const portalOrder = z.object({
  kind: z.literal('order'),
  company: z.string(),
  customerName: z.string(),
  number: z.string().nullable(),
  status: z.string(),
  promisedDate: z.string(),
  gross: z.number(),
  lines: z.array(z.object({ name: z.string(), sku: z.string(), unit: z.string(), qty: z.number(), shippedQty: z.number() })),
  shipments: z.array(
    shipmentSchema.pick({ id: true, number: true, status: true, carrier: true, trackingNumber: true, eta: true, dispatchedAt: true, deliveredAt: true, receipt: true, events: true }).extend({ lines: z.array(z.object({ name: z.string(), qty: z.number(), unit: z.string() })) }),
  ),
  expiresAt: z.string(),
});

/** What the customer sees behind a customer-level link: their open orders with progress and shipments; each order opens within the same token. */
export const portalCustomer = z.object({
  kind: z.literal('customer'),
  company: z.string(),
  customerName: z.string(),
  orders: z.array(
    z.object({
      id: z.string(),
      number: z.string().nullable(),
      status: z.string(),
      promisedDate: z.string(),
      /** Shipped share of the ordered quantity, 0–100. */
      shippedPct: z.number(),
      shipments: z.array(shipmentSchema.pick({ id: true, number: true, status: true, carrier: true, trackingNumber: true, eta: true, dispatchedAt: true, deliveredAt: true })),
    }),
  ),
  expiresAt: z.string(),
});

export const confirmReceiptBody = z.strictObject({
  shipmentId: z.string().max(64),
  /** true: the customer disputes the delivery (missing, damaged, wrong goods). */
  disputed: z.boolean().default(false),
  comment: z.string().trim().max(2000).nullable().optional(),
  contactName: z.string().trim().max(64).nullable().optional(),
}).refine((b) => !b.disputed || !!b.comment, { path: ['comment'], message: 'required', params: { reason: 'required' } });

/** Cancelling: a draft needs no reason; a dispatched shipment (stock comes back) does. */
export const cancelShipmentBody = z.strictObject({
  reason: z.string().trim().max(500).nullable().optional(),
});

const weightKg = z
  .number()
  .positive()
  .max(100_000)
  .refine((v) => fitsDecimals(v, 3), { message: 'max_3_decimals', params: { reason: 'max_3_decimals' } });
const sideCm = z
  .number()
  .positive()
  .max(10_000)
  .refine((v) => fitsDecimals(v, 1), { message: 'max_1_decimal', params: { reason: 'max_1_decimal' } });

/** The packing list of a draft shipment, replaced as a whole. */
export const packagesBody = z
  .array(
    z.strictObject({
      no: z.number().int().min(1).max(9999),
      weightKg,
      lengthCm: sideCm.nullable().optional(),
      widthCm: sideCm.nullable().optional(),
      heightCm: sideCm.nullable().optional(),
      lines: z.array(z.strictObject({ orderLineId: z.string().max(64), qty })).max(500),
    }),
  )
  .max(500);


export const packagesResponse = z.object({
  packages: z.array(packageSchema),
  /** Per shipment line: shipped vs packed; `complete` when every line is fully packed. */
  lines: z.array(z.object({ orderLineId: z.string(), sku: z.string(), qty: z.number(), packedQty: z.number() })),
  complete: z.boolean(),
  totalWeightKg: z.number(),
});

/** What the warehouse picks: per warehouse, the lines with what is on hand there. */
export const pickListSchema = z.object({
  shipmentId: z.string(),
  number: z.string(),
  orderNumber: z.string().nullable(),
  status: z.enum(shipmentStatuses),
  lines: z.array(
    z.object({
      orderLineId: z.string(),
      productId: z.string(),
      sku: z.string(),
      name: z.string(),
      unit: z.string(),
      spec: z.record(z.string(), z.unknown()),
      qty: z.number(),
      warehouseId: z.string(),
      warehouseCode: z.string().nullable(),
      warehouseName: z.string().nullable(),
      onHand: z.number(),
      packedQty: z.number(),
    }),
  ),
});

/** Customer notice channels: email to the primary contact, SMS through a gateway, a WeCom group robot. */
export const noticeChannels = ['email', 'sms', 'wecom'] as const;
export type NoticeChannel = (typeof noticeChannels)[number];
export const noticeLocales = ['zh-CN', 'en-US'] as const;

/** Each notice key with the placeholders its templates may use. */
export const noticeKeys = {
  'shipment.dispatched': ['orderNumber', 'shipmentNumber', 'customerName', 'contactName', 'carrier', 'trackingNumber', 'eta', 'link'],
  /** Sent by staff from a delivery exception (delay, carrier problem), when they choose to inform the customer. */
  'shipment.delayed': ['orderNumber', 'shipmentNumber', 'customerName', 'contactName', 'carrier', 'trackingNumber', 'eta', 'link', 'note'],
} as const;
export type NoticeKey = keyof typeof noticeKeys;
export const noticeKeyList = Object.keys(noticeKeys) as [NoticeKey, ...NoticeKey[]];

export const noticeTemplateSchema = z.object({
  channel: z.enum(noticeChannels),
  locale: z.enum(noticeLocales),
  subject: z.string().nullable(),
  body: z.string(),
  /** true: the built-in text (never edited, or reset). */
  isDefault: z.boolean(),
  updatedAt: z.string().nullable(),
});
export const noticeTemplatesResponse = z.object({ key: z.enum(noticeKeyList), placeholders: z.array(z.string()), templates: z.array(noticeTemplateSchema) });

export const noticeTemplatesBody = z.strictObject({
  templates: z
    .array(
      z.strictObject({
        channel: z.enum(noticeChannels),
        locale: z.enum(noticeLocales),
        subject: z.string().trim().max(200).nullable().optional(),
        body: z.string().trim().min(1).max(2000),
        /** true: drop the edited text and use the built-in one again. */
        reset: z.boolean().optional(),
      }),
    )
    .min(1)
    .max(6),
});

/** Notices sent to the customer about a shipment, with their delivery state from the outbox. */
export const shipmentNoticeSchema = z.object({
  outboxId: z.string(),
  key: z.enum(noticeKeyList),
  channel: z.enum(noticeChannels),
  to: z.string(),
  state: z.enum(['pending', 'done', 'dead']),
  attempts: z.number(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  doneAt: z.string().nullable(),
});

/** Informing the customer about a delivery exception: an optional note fills {note}. */
export const notifyCustomerBody = z.strictObject({
  note: z.string().trim().max(500).nullable().optional(),
});
