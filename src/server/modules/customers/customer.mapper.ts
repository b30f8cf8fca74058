import type { z } from 'zod';
import { normalizeMobile } from '../../../contracts/cn.ts';
import type { addressInput, contactInput, Customer } from '../../../contracts/customers.ts';
import { json } from '../../platform/db/dialect.ts';
import { redact, type Actor } from '../../platform/http/actor.ts';
import { newId } from '../../platform/ids.ts';
import type { addressesOf, contactsOf, CustomerRow } from './customers.repository.ts';

type ContactRow = Awaited<ReturnType<typeof contactsOf>>[number];
type AddressRow = Awaited<ReturnType<typeof addressesOf>>[number];

export function toContacts(rows: ContactRow[]): Customer['contacts'] {
  return rows.map((c) => ({ id: c.id, name: c.name, role: c.role, phone: c.phone, landline: c.landline, email: c.email, wechat: c.wechat, isPrimary: c.isPrimary === 1 }));
}

export function toAddresses(rows: AddressRow[]): Customer['addresses'] {
  return rows.map((a) => ({
    id: a.id,
    label: a.label,
    province: a.province,
    city: a.city,
    district: a.district,
    detail: a.detail,
    recipient: a.recipient,
    phone: a.phone,
    isDefault: a.isDefault === 1,
  }));
}

export function toCustomer(actor: Actor, row: CustomerRow, contacts: ContactRow[], addresses: AddressRow[]): Customer {
  const c: Customer = {
    id: row.id,
    code: row.code,
    name: row.name,
    taxId: row.taxId,
    invoice: json.read(row.invoice, {}),
    tier: row.tier,
    tags: json.read(row.tags, []),
    ownerId: row.ownerId,
    ownerName: row.ownerName ?? null,
    paymentTermsDays: row.paymentTermsDays,
    creditLimit: Number(row.creditLimit),
    currency: row.currency,
    status: row.status,
    province: row.province,
    contacts: toContacts(contacts),
    addresses: toAddresses(addresses),
    customFields: json.read(row.customFields, {}),
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
  return redact(actor, 'customer', c);
}

/** Input contacts → rows: normalized mobile, kept ids, exactly one primary when any exist. */
export function normalizeContacts(input: z.infer<typeof contactInput>[]) {
  const rows = input.map((c) => ({
    id: c.id ?? newId(),
    name: c.name,
    role: c.role ?? null,
    phone: c.phone ? normalizeMobile(c.phone) : null,
    landline: c.landline ?? null,
    email: c.email ?? null,
    wechat: c.wechat ?? null,
    isPrimary: !!c.isPrimary,
  }));
  return exactlyOne(rows, 'isPrimary');
}

/** Input addresses → rows: kept ids, exactly one default when any exist. */
export function normalizeAddresses(input: z.infer<typeof addressInput>[]) {
  const rows = input.map((a) => ({
    id: a.id ?? newId(),
    label: a.label ?? null,
    province: a.province,
    city: a.city,
    district: a.district,
    detail: a.detail,
    recipient: a.recipient,
    phone: a.phone,
    isDefault: !!a.isDefault,
  }));
  return exactlyOne(rows, 'isDefault');
}

/** The first flagged row keeps the flag, the others lose it; with none flagged, the first gets it. */
function exactlyOne<T extends Record<K, boolean>, K extends string>(rows: T[], flag: K): T[] {
  const first = Math.max(0, rows.findIndex((r) => r[flag]));
  rows.forEach((r, i) => ((r as Record<K, boolean>)[flag] = i === first));
  return rows;
}

/**
 * Field-level changes between two versions of a customer, for the history tab:
 * scalar fields by name, contacts and addresses by id (added / removed / changed field).
 */
export function diffCustomer(before: Customer, after: Customer) {
  const changes: { field: string; old: unknown; new: unknown }[] = [];
  const scalar = ['name', 'code', 'taxId', 'tier', 'ownerId', 'paymentTermsDays', 'creditLimit', 'status'] as const;
  for (const f of scalar) if (before[f] !== after[f]) changes.push({ field: f, old: before[f], new: after[f] });
  for (const f of ['tags', 'invoice', 'customFields'] as const) {
    if (JSON.stringify(before[f]) !== JSON.stringify(after[f])) changes.push({ field: f, old: before[f], new: after[f] });
  }
  diffList('contacts', before.contacts, after.contacts, (c) => c.name, changes);
  diffList('addresses', before.addresses, after.addresses, (a) => a.label ?? `${a.city}${a.district}`, changes);
  return changes;
}

function diffList<T extends { id: string }>(field: string, before: T[], after: T[], label: (x: T) => string, out: { field: string; old: unknown; new: unknown }[]) {
  const old = new Map(before.map((x) => [x.id, x]));
  const now = new Map(after.map((x) => [x.id, x]));
  for (const [id, x] of old) if (!now.has(id)) out.push({ field: `${field}[${label(x)}]`, old: x, new: null });
  for (const [id, x] of now) {
    const o = old.get(id);
    if (!o) {
      out.push({ field: `${field}[${label(x)}]`, old: null, new: x });
      continue;
    }
    for (const k of Object.keys(x) as (keyof T)[]) {
      if (k !== 'id' && JSON.stringify(o[k]) !== JSON.stringify(x[k])) out.push({ field: `${field}[${label(x)}].${String(k)}`, old: o[k], new: x[k] });
    }
  }
}
