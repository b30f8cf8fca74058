import type { Product, ProductCreate, ProductPatch } from './api.ts';
import { toFen, toYuan } from '../../lib/money.ts';

export interface SpecOptionRow {
  key?: string;
  values?: string[];
}
/** The product form: prices in yuan as typed (stored in fen), spec options as rows. */
export interface ProductFormValues {
  sku: string;
  name: string;
  spec?: string;
  category?: string;
  unit: string;
  unitDecimals: number;
  listPrice: number | null;
  floorPrice: number | null;
  cost?: number | null;
  taxRate: number;
  makeOrBuy: Product['makeOrBuy'];
  leadTimeDays: number;
  minQty?: number | null;
  maxQty?: number | null;
  specOptions: SpecOptionRow[];
  active: boolean;
}

const blank = (v: string | null | undefined) => (v && v.trim() ? v.trim() : null);

export const emptyProduct = (): ProductFormValues => ({ sku: '', name: '', unit: '台', unitDecimals: 0, listPrice: null, floorPrice: 0, cost: 0, taxRate: 13, makeOrBuy: 'buy', leadTimeDays: 0, specOptions: [], active: true });

export function fromProduct(p: Product): ProductFormValues {
  return {
    sku: p.sku,
    name: p.name,
    spec: p.spec ?? '',
    category: p.category ?? '',
    unit: p.unit,
    unitDecimals: p.unitDecimals,
    listPrice: toYuan(p.listPrice),
    floorPrice: toYuan(p.floorPrice),
    cost: p.cost === undefined ? undefined : toYuan(p.cost),
    taxRate: p.taxRate,
    makeOrBuy: p.makeOrBuy,
    leadTimeDays: p.leadTimeDays,
    minQty: p.minQty,
    maxQty: p.maxQty,
    specOptions: Object.entries(p.specOptions).map(([key, values]) => ({ key, values })),
    active: p.active,
  };
}

function body(v: ProductFormValues, withCost: boolean) {
  return {
    sku: v.sku.trim(),
    name: v.name.trim(),
    spec: blank(v.spec),
    category: blank(v.category),
    unit: v.unit.trim(),
    unitDecimals: v.unitDecimals,
    listPrice: toFen(v.listPrice),
    floorPrice: toFen(v.floorPrice),
    ...(withCost ? { cost: toFen(v.cost) } : {}),
    taxRate: v.taxRate,
    makeOrBuy: v.makeOrBuy,
    leadTimeDays: v.leadTimeDays ?? 0,
    minQty: v.minQty ?? null,
    maxQty: v.maxQty ?? null,
    specOptions: Object.fromEntries((v.specOptions ?? []).filter((r) => blank(r.key) && r.values?.length).map((r) => [r.key!.trim(), r.values!.map((x) => x.trim()).filter(Boolean)])),
    active: v.active,
  };
}

export const toCreate = (v: ProductFormValues, withCost: boolean): ProductCreate => body(v, withCost);

/** Only what changed, with the version edited (optimistic lock). */
export function toPatch(p: Product, v: ProductFormValues, withCost: boolean): ProductPatch {
  const now = body(v, withCost);
  const was = body(fromProduct(p), withCost);
  const patch: Record<string, unknown> = {};
  for (const k of Object.keys(now) as (keyof typeof now)[]) if (JSON.stringify(now[k]) !== JSON.stringify(was[k])) patch[k] = now[k];
  return { ...patch, version: p.version };
}
