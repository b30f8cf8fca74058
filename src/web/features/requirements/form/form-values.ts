import type { Requirement, RequirementCreate, RequirementItem, RequirementPatch } from '../api.ts';
import { cleanCustomFields } from '../../customers/form/form-values.ts';

export interface SpecRow {
  key?: string;
  value?: string;
}
export interface LineRow {
  productId?: string | null;
  description?: string;
  qty?: number | null;
  unit?: string;
  spec?: SpecRow[];
  note?: string;
}
export interface RequirementFormValues {
  customerId?: string;
  title: string;
  dueDate?: string | null;
  note?: string;
  items: LineRow[];
  customFields: Record<string, unknown>;
  changeReason?: string;
}

const blank = (v: string | null | undefined) => (v && v.trim() ? v.trim() : null);

export const emptyLine = (): LineRow => ({ spec: [] });

export function emptyValues(customerId?: string): RequirementFormValues {
  return { customerId, title: '', items: [emptyLine()], customFields: {} };
}

export function fromRequirement(r: Requirement): RequirementFormValues {
  return {
    customerId: r.customerId,
    title: r.title,
    dueDate: r.dueDate,
    note: r.note ?? '',
    items: r.items.map((i) => ({ productId: i.productId ?? null, description: i.description, qty: i.qty, unit: i.unit ?? '', note: i.note ?? '', spec: Object.entries(i.spec).map(([key, value]) => ({ key, value })) })),
    customFields: r.customFields,
  };
}

/** A line as the API takes it; blank spec rows are dropped, a key without a value keeps "". */
function toItem(l: LineRow): RequirementItem {
  const spec = Object.fromEntries((l.spec ?? []).filter((s) => blank(s.key)).map((s) => [s.key!.trim(), (s.value ?? '').trim()]));
  return { ...(l.productId ? { productId: l.productId } : {}), description: (l.description ?? '').trim(), qty: l.qty ?? 0, unit: blank(l.unit), spec, note: blank(l.note) };
}

/** Lines the user left completely empty (e.g. the spare line Enter added) are not sent. */
export const isFilled = (l: LineRow) => !!(blank(l.description) || l.qty || blank(l.unit) || blank(l.note) || (l.spec ?? []).some((s) => blank(s.key)));

function content(v: RequirementFormValues) {
  return { title: v.title.trim(), items: (v.items ?? []).filter(isFilled).map(toItem), dueDate: v.dueDate ?? null, note: blank(v.note), customFields: cleanCustomFields(v.customFields) };
}

export function toCreateBody(v: RequirementFormValues): RequirementCreate {
  return { customerId: v.customerId!, ...content(v) };
}

/** What changed, with the version edited (optimistic lock) and the reason for the new version. */
export function toPatch(before: Requirement, v: RequirementFormValues): RequirementPatch {
  const now = content(v);
  const was = content(fromRequirement(before));
  const patch: Record<string, unknown> = {};
  for (const k of Object.keys(now) as (keyof typeof now)[]) if (JSON.stringify(now[k]) !== JSON.stringify(was[k])) patch[k] = now[k];
  return { ...patch, version: before.version, ...(blank(v.changeReason) ? { changeReason: blank(v.changeReason)! } : {}) };
}

/** Empty lines are skipped on save: does the form hold at least one real line? */
export const hasLines = (v: RequirementFormValues) => (v.items ?? []).some(isFilled);
