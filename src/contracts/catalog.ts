import { z } from 'zod';
import { customerTiers } from './customers.ts';
import { fitsDecimals } from './quantity.ts';

export const makeOrBuyValues = ['make', 'buy'] as const;

const money = z.number().int().min(0).max(1e13);
const qty = z
  .number()
  .positive()
  .max(1e9)
  .refine((v) => fitsDecimals(v, 3), { message: 'max_3_decimals', params: { reason: 'max_3_decimals' } });

/** Field rules without defaults, so a PATCH never resets what it does not mention. */
const productFields = {
  sku: z.string().trim().min(1).max(64).regex(/^[A-Za-z0-9._\-/]+$/),
  name: z.string().trim().min(1).max(200),
  spec: z.string().trim().max(500).nullable(),
  category: z.string().trim().max(64).nullable(),
  unit: z.string().trim().min(1).max(16),
  unitDecimals: z.number().int().min(0).max(3),
  listPrice: money,
  floorPrice: money,
  cost: money,
  /** VAT in percent, e.g. 13 (default), 9, 6, 0. */
  taxRate: z.number().min(0).max(100).multipleOf(0.01),
  makeOrBuy: z.enum(makeOrBuyValues),
  leadTimeDays: z.number().int().min(0).max(3650),
  minQty: qty.nullable(),
  maxQty: qty.nullable(),
  specOptions: z.record(z.string().trim().min(1).max(32), z.array(z.string().trim().min(1).max(64)).min(1).max(100)),
  active: z.boolean(),
};

const priceRules = (p: { listPrice?: number; floorPrice?: number; minQty?: number | null; maxQty?: number | null }, ctx: z.RefinementCtx) => {
  if (p.listPrice !== undefined && p.floorPrice !== undefined && p.floorPrice > p.listPrice) {
    ctx.addIssue({ code: 'custom', path: ['floorPrice'], message: 'floor_above_list', params: { reason: 'floor_above_list' } });
  }
  if (p.minQty != null && p.maxQty != null && p.minQty > p.maxQty) ctx.addIssue({ code: 'custom', path: ['maxQty'], message: 'max_below_min', params: { reason: 'max_below_min' } });
};

export const productCreateBody = z
  .strictObject({
    ...productFields,
    spec: productFields.spec.optional(),
    category: productFields.category.optional(),
    unitDecimals: productFields.unitDecimals.default(0),
    floorPrice: productFields.floorPrice.default(0),
    cost: productFields.cost.default(0),
    taxRate: productFields.taxRate.default(13),
    makeOrBuy: productFields.makeOrBuy.default('buy'),
    leadTimeDays: productFields.leadTimeDays.default(0),
    minQty: productFields.minQty.optional(),
    maxQty: productFields.maxQty.optional(),
    specOptions: productFields.specOptions.default({}),
    active: productFields.active.default(true),
  })
  .superRefine(priceRules);
export type ProductCreate = z.infer<typeof productCreateBody>;

export const productPatchBody = z
  .strictObject({ ...productFields, version: z.number().int() })
  .partial()
  .superRefine(priceRules);
export type ProductPatch = z.infer<typeof productPatchBody>;

export const productSchema = z.object({
  id: z.string(),
  sku: z.string(),
  name: z.string(),
  spec: z.string().nullable(),
  category: z.string().nullable(),
  unit: z.string(),
  unitDecimals: z.number(),
  listPrice: z.number(),
  floorPrice: z.number(),
  cost: z.number().optional(),
  taxRate: z.number(),
  makeOrBuy: z.enum(makeOrBuyValues),
  leadTimeDays: z.number(),
  minQty: z.number().nullable(),
  maxQty: z.number().nullable(),
  specOptions: z.record(z.string(), z.array(z.string())),
  active: z.boolean(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Product = z.infer<typeof productSchema>;

export const productListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
  q: z.string().max(200).optional(),
  category: z.string().max(64).optional(),
  makeOrBuy: z.enum(makeOrBuyValues).optional(),
  active: z.enum(['true', 'false']).optional(),
});

export const priceListCreateBody = z.strictObject({
  name: z.string().trim().min(1).max(100),
  tier: z.enum(customerTiers).nullable().optional(),
  validFrom: z.iso.date().nullable().optional(),
  validTo: z.iso.date().nullable().optional(),
  items: z.array(z.strictObject({ productId: z.string().max(64), unitPrice: money })).max(10_000).default([]),
});
/** Every field optional; `items`, when given, replaces the whole list of prices. */
export const priceListPatchBody = z.strictObject({
  name: z.string().trim().min(1).max(100).optional(),
  tier: z.enum(customerTiers).nullable().optional(),
  validFrom: z.iso.date().nullable().optional(),
  validTo: z.iso.date().nullable().optional(),
  active: z.boolean().optional(),
  items: z.array(z.strictObject({ productId: z.string().max(64), unitPrice: money })).max(10_000).optional(),
});
export const priceListSchema = z.object({
  id: z.string(),
  name: z.string(),
  tier: z.string().nullable(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  active: z.boolean(),
  items: z.array(z.object({ productId: z.string(), sku: z.string(), name: z.string(), unitPrice: z.number() })),
});

/** What order entry shows per product for a customer: list price, tier price, last price paid. */
export const priceQuote = z.object({
  productId: z.string(),
  listPrice: z.number(),
  floorPrice: z.number(),
  tierPrice: z.number().nullable(),
  lastPrice: z.number().nullable(),
  lastOrderedAt: z.string().nullable(),
  /** On hand − reserved over all warehouses. */
  available: z.number(),
});
