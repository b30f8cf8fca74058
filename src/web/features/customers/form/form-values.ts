import type { Customer, CustomerCreate, CustomerPatch } from '../api.ts';

/** One contact row as the form holds it (inputs are strings; blanks become null on save). */
export interface ContactRow {
  id?: string;
  name?: string;
  role?: string;
  phone?: string;
  landline?: string;
  email?: string;
  wechat?: string;
  isPrimary?: boolean;
}
export interface AddressRow {
  id?: string;
  label?: string;
  region?: string[];
  detail?: string;
  recipient?: string;
  phone?: string;
  isDefault?: boolean;
}
export interface CustomerFormValues {
  name: string;
  code?: string;
  taxId?: string;
  tier: Customer['tier'];
  status: Customer['status'];
  ownerId: string;
  tags: string[];
  paymentTermsDays: number;
  /** In yuan; the API takes fen. */
  creditLimit?: number | null;
  invoice: { title?: string; bank?: string; account?: string; address?: string; phone?: string };
  contacts: ContactRow[];
  addresses: AddressRow[];
  customFields: Record<string, unknown>;
  duplicateReason?: string;
  reason?: string;
}

const blank = (v: string | null | undefined) => (v && v.trim() ? v.trim() : null);

export function emptyValues(ownerId: string): CustomerFormValues {
  return { name: '', tier: 'C', status: 'active', ownerId, tags: [], paymentTermsDays: 30, creditLimit: 0, invoice: {}, contacts: [{ isPrimary: true }], addresses: [], customFields: {} };
}

export function fromCustomer(c: Customer): CustomerFormValues {
  return {
    name: c.name,
    code: c.code,
    taxId: c.taxId ?? '',
    tier: c.tier,
    status: c.status,
    ownerId: c.ownerId,
    tags: c.tags,
    paymentTermsDays: c.paymentTermsDays,
    creditLimit: c.creditLimit === undefined ? undefined : c.creditLimit / 100,
    invoice: { title: c.invoice.title ?? '', bank: c.invoice.bank ?? '', account: c.invoice.account ?? '', address: c.invoice.address ?? '', phone: c.invoice.phone ?? '' },
    contacts: c.contacts.map((x) => ({ id: x.id, name: x.name, role: x.role ?? '', phone: x.phone ?? '', landline: x.landline ?? '', email: x.email ?? '', wechat: x.wechat ?? '', isPrimary: x.isPrimary })),
    addresses: c.addresses.map((a) => ({ id: a.id, label: a.label ?? '', region: [a.province, a.city, a.district], detail: a.detail, recipient: a.recipient, phone: a.phone, isDefault: a.isDefault })),
    customFields: c.customFields,
  };
}

/** Everything the form edits, in API shape (shared by create and the edit diff). */
function fields(v: CustomerFormValues) {
  const invoice = Object.fromEntries(Object.entries(v.invoice ?? {}).map(([k, x]) => [k, blank(x)]));
  return {
    name: v.name.trim(),
    taxId: blank(v.taxId),
    tier: v.tier,
    status: v.status,
    ownerId: v.ownerId,
    tags: v.tags ?? [],
    paymentTermsDays: v.paymentTermsDays ?? 0,
    ...(v.creditLimit === undefined ? {} : { creditLimit: Math.round((v.creditLimit ?? 0) * 100) }),
    invoice,
    contacts: (v.contacts ?? [])
      .filter((c) => blank(c.name))
      .map((c) => ({
        ...(c.id ? { id: c.id } : {}),
        name: c.name!.trim(),
        role: blank(c.role),
        phone: blank(c.phone),
        landline: blank(c.landline),
        email: blank(c.email),
        wechat: blank(c.wechat),
        isPrimary: !!c.isPrimary,
      })),
    addresses: (v.addresses ?? []).map((a) => ({
      ...(a.id ? { id: a.id } : {}),
      label: blank(a.label),
      province: a.region?.[0] ?? '',
      city: a.region?.[1] ?? '',
      district: a.region?.[2] ?? '',
      detail: (a.detail ?? '').trim(),
      recipient: (a.recipient ?? '').trim(),
      phone: (a.phone ?? '').trim(),
      isDefault: !!a.isDefault,
    })),
    customFields: cleanCustomFields(v.customFields),
  };
}

/** Empty custom values are left out, so an optional field stays unset rather than "". */
export function cleanCustomFields(values: Record<string, unknown> | undefined): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values ?? {}).filter(([, x]) => x !== undefined && x !== null && x !== '' && !(Array.isArray(x) && x.length === 0)));
}

export function toCreateBody(v: CustomerFormValues): CustomerCreate {
  const code = blank(v.code);
  return { ...fields(v), ...(code ? { code } : {}), currency: 'CNY', duplicateReason: blank(v.duplicateReason) ?? undefined } as CustomerCreate;
}

/** Only what changed, so the history shows exactly the user's edit and gated fields unchanged are not re-requested. */
export function toPatch(before: Customer, v: CustomerFormValues): CustomerPatch {
  const now = fields(v);
  const was = fields(fromCustomer(before));
  const patch: Record<string, unknown> = {};
  for (const k of Object.keys(now) as (keyof typeof now)[]) if (JSON.stringify(now[k]) !== JSON.stringify(was[k])) patch[k] = now[k];
  const code = blank(v.code);
  if (code && code !== before.code) patch.code = code;
  return { ...patch, version: before.version, ...(blank(v.reason) ? { reason: blank(v.reason)! } : {}) } as CustomerPatch;
}
