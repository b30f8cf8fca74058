/**
 * Production: multi-level BOMs, their explosion and the material check of an order.
 * Quantities are JSON numbers with ≤ 3 decimals (API.md); the server stores thousandths.
 * Scrap is a percentage with ≤ 2 decimals (stored as basis points).
 */
import { z } from 'zod';
import { idSchema } from './common.ts';
import { fitsDecimals } from './quantity.ts';

const reason = (r: string) => ({ message: r, params: { reason: r } });

export const MAX_SCRAP_PCT = 50;

export const bomLineInput = z.strictObject({
  componentId: idSchema,
  qtyPer: z
    .number()
    .max(1e6)
    .refine((v) => v > 0, reason('must_be_positive'))
    .refine((v) => fitsDecimals(v, 3), reason('max_3_decimals')),
  scrapPct: z
    .number()
    .min(0)
    .max(MAX_SCRAP_PCT)
    .refine((v) => fitsDecimals(v, 2), reason('invalid_number'))
    .default(0),
  note: z.string().trim().max(500).nullable().optional(),
});
export type BomLineInput = z.infer<typeof bomLineInput>;

export const bomPutBody = z.strictObject({
  lines: z.array(bomLineInput).max(500),
  /**
   * false (default): replace the lines of the current version in place.
   * true: close the current version the day before `validFrom` and start the next one.
   */
  newVersion: z.boolean().default(false),
  /** When the (new) version takes effect; defaults to today. */
  validFrom: z.iso.date().optional(),
  /** The version the client edited; a different current version answers 409. */
  version: z.number().int().min(0).optional(),
});
export type BomPut = z.infer<typeof bomPutBody>;

export const bomLineSchema = z.object({
  componentId: z.string(),
  sku: z.string(),
  name: z.string(),
  unit: z.string(),
  makeOrBuy: z.enum(['make', 'buy']),
  qtyPer: z.number(),
  scrapPct: z.number(),
  note: z.string().nullable(),
  sort: z.number(),
});

export const bomSchema = z.object({
  productId: z.string(),
  /** 0 when the product has no BOM yet. */
  version: z.number(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  lines: z.array(bomLineSchema),
});
export type Bom = z.infer<typeof bomSchema>;

export const explosionQuery = z.strictObject({
  qty: z.coerce
    .number()
    .max(1e9)
    .refine((v) => v > 0, reason('must_be_positive'))
    .refine((v) => fitsDecimals(v, 3), reason('max_3_decimals'))
    .default(1),
});

export const requirementSchema = z.object({
  productId: z.string(),
  sku: z.string(),
  name: z.string(),
  unit: z.string(),
  /** Deepest level the product appears on (1 = direct component): its low-level code. */
  level: z.number(),
  levels: z.array(z.number()),
  /** Gross requirement including scrap, rounded up to the product's unit decimals. */
  required: z.number(),
  /** True for sub-assemblies: exploded further, not checked against stock themselves. */
  hasBom: z.boolean(),
});

export const explosionSchema = z.object({ productId: z.string(), qty: z.number(), requirements: z.array(requirementSchema) });

export const materialComponentSchema = requirementSchema.extend({
  available: z.number(),
  short: z.number(),
});

export const materialCheckSchema = z.object({
  orderId: z.string(),
  ok: z.boolean(),
  lines: z.array(
    z.object({
      orderLineId: z.string(),
      lineNo: z.number(),
      productId: z.string(),
      sku: z.string(),
      /** What is still to be made: line qty minus what finished stock already covers (reserved). */
      qtyToMake: z.number(),
      hasBom: z.boolean(),
      ok: z.boolean(),
      components: z.array(materialComponentSchema),
    }),
  ),
});
export type MaterialCheck = z.infer<typeof materialCheckSchema>;
