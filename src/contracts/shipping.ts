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
  receipt: z.object({ at: z.string(), disputed: z.boolean(), comment: z.string().nullable(), contactName: z.string().nullable() }).nullable(),
  createdAt: z.string(),
});
export type Shipment = z.infer<typeof shipmentSchema>;

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

export const confirmReceiptBody = z.strictObject({
  shipmentId: z.string().max(64),
  /** true: the customer disputes the delivery (missing, damaged, wrong goods). */
  disputed: z.boolean().default(false),
  comment: z.string().trim().max(2000).nullable().optional(),
  contactName: z.string().trim().max(64).nullable().optional(),
}).refine((b) => !b.disputed || !!b.comment, { path: ['comment'], message: 'required', params: { reason: 'required' } });
