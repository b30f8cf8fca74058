import { z } from 'zod';
import { checkDivision, isValidTaxId, normalizeMobile, normalizePhone } from './cn.ts';

export const customerTiers = ['A', 'B', 'C', 'D'] as const;
export const customerStatuses = ['active', 'on_hold'] as const;
export const communicationChannels = ['call', 'visit', 'email', 'wechat', 'meeting', 'other'] as const;
export const changeRequestStates = ['pending', 'approved', 'rejected'] as const;

const text = (max: number) => z.string().trim().max(max);
const optText = (max: number) => text(max).nullable().optional();

/** Zod refinements carry a stable code in `params.reason` so both UIs can word them. */
const mobile = z.string().trim().refine((v) => normalizeMobile(v) !== null, { message: 'invalid_mobile', params: { reason: 'invalid_mobile' } });
const phone = z.string().trim().refine((v) => normalizePhone(v) !== null, { message: 'invalid_phone', params: { reason: 'invalid_phone' } });
const taxId = z
  .string()
  .trim()
  .transform((v) => v.toUpperCase())
  .refine(isValidTaxId, { message: 'invalid_tax_id', params: { reason: 'invalid_tax_id' } });

export const contactInput = z.strictObject({
  id: z.string().max(64).optional(),
  name: text(64).min(1),
  role: optText(64),
  phone: mobile.nullable().optional(),
  landline: phone.nullable().optional(),
  email: z.email().max(254).nullable().optional(),
  wechat: optText(64),
  isPrimary: z.boolean().optional(),
});

export const addressInput = z
  .strictObject({
    id: z.string().max(64).optional(),
    label: optText(32),
    province: text(32).min(1),
    city: text(32).min(1),
    district: text(32).min(1),
    detail: text(200).min(1),
    recipient: text(64).min(1),
    phone: phone,
    isDefault: z.boolean().optional(),
  })
  .superRefine((a, ctx) => {
    const wrong = checkDivision(a.province, a.city, a.district);
    if (wrong) ctx.addIssue({ code: 'custom', path: [wrong], message: 'invalid_division', params: { reason: 'invalid_division' } });
  });

export const invoiceInfo = z.strictObject({
  title: optText(200),
  bank: optText(200),
  account: optText(64),
  address: optText(200),
  phone: optText(64),
});

const customerFields = {
  name: text(200).min(1),
  code: text(32).regex(/^[A-Za-z0-9_-]+$/).optional(),
  taxId: taxId.nullable().optional(),
  invoice: invoiceInfo.optional(),
  tier: z.enum(customerTiers).default('C'),
  tags: z.array(text(32).min(1)).max(20).default([]),
  ownerId: z.string().max(64).optional(),
  paymentTermsDays: z.number().int().min(0).max(365).default(30),
  creditLimit: z.number().int().min(0).max(1e13).default(0),
  currency: z.string().length(3).default('CNY'),
  status: z.enum(customerStatuses).default('active'),
  contacts: z.array(contactInput).max(50).default([]),
  addresses: z.array(addressInput).max(50).default([]),
  customFields: z.record(z.string(), z.unknown()).default({}),
};

export const customerCreateBody = z.strictObject({
  ...customerFields,
  /** Why the user went ahead although possible duplicates were shown. */
  duplicateReason: text(500).optional(),
});
export type CustomerCreate = z.infer<typeof customerCreateBody>;

export const customerPatchBody = z.strictObject({
  name: customerFields.name.optional(),
  code: customerFields.code,
  taxId: customerFields.taxId,
  invoice: invoiceInfo.optional(),
  tier: z.enum(customerTiers).optional(),
  tags: z.array(text(32).min(1)).max(20).optional(),
  ownerId: z.string().max(64).optional(),
  paymentTermsDays: z.number().int().min(0).max(365).optional(),
  creditLimit: z.number().int().min(0).max(1e13).optional(),
  status: z.enum(customerStatuses).optional(),
  contacts: z.array(contactInput).max(50).optional(),
  addresses: z.array(addressInput).max(50).optional(),
  customFields: z.record(z.string(), z.unknown()).optional(),
  /** Optimistic lock: the version the user edited; 409 if someone saved meanwhile. */
  version: z.number().int().optional(),
  reason: text(500).optional(),
});
export type CustomerPatch = z.infer<typeof customerPatchBody>;

export const contactSchema = z.object({
  id: z.string(),
  name: z.string(),
  role: z.string().nullable(),
  phone: z.string().nullable(),
  landline: z.string().nullable(),
  email: z.string().nullable(),
  wechat: z.string().nullable(),
  isPrimary: z.boolean(),
});
export const addressSchema = z.object({
  id: z.string(),
  label: z.string().nullable(),
  province: z.string(),
  city: z.string(),
  district: z.string(),
  detail: z.string(),
  recipient: z.string(),
  phone: z.string(),
  isDefault: z.boolean(),
});

export const fieldChange = z.object({ field: z.string(), old: z.unknown(), new: z.unknown() });

export const changeRequestSchema = z.object({
  id: z.string(),
  customerId: z.string(),
  customerName: z.string().nullable(),
  changes: z.array(fieldChange),
  reason: z.string().nullable(),
  state: z.enum(changeRequestStates),
  requestedBy: z.string(),
  requestedByName: z.string().nullable(),
  requestedAt: z.string(),
  decidedBy: z.string().nullable(),
  decidedByName: z.string().nullable(),
  decidedAt: z.string().nullable(),
  comment: z.string().nullable(),
});
export type ChangeRequest = z.infer<typeof changeRequestSchema>;

export const customerSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  taxId: z.string().nullable(),
  invoice: z.object({ title: z.string().nullish(), bank: z.string().nullish(), account: z.string().nullish(), address: z.string().nullish(), phone: z.string().nullish() }),
  tier: z.enum(customerTiers),
  tags: z.array(z.string()),
  ownerId: z.string(),
  ownerName: z.string().nullable(),
  paymentTermsDays: z.number(),
  creditLimit: z.number().optional(),
  currency: z.string(),
  status: z.enum(customerStatuses),
  province: z.string().nullable(),
  contacts: z.array(contactSchema),
  addresses: z.array(addressSchema),
  customFields: z.record(z.string(), z.unknown()),
  version: z.number(),
  /** Changes to approval-gated fields waiting for an approver. */
  pendingChanges: z.array(changeRequestSchema).optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Customer = z.infer<typeof customerSchema>;

export const customerListItem = customerSchema.omit({ contacts: true, addresses: true, invoice: true, customFields: true, pendingChanges: true }).extend({
  primaryContact: z.string().nullable(),
  primaryPhone: z.string().nullable(),
});

export const customerListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
  q: z.string().max(200).optional(),
  ownerId: z.string().max(64).optional(),
  tier: z.enum(customerTiers).optional(),
  province: z.string().max(32).optional(),
  tag: z.string().max(32).optional(),
  status: z.enum(customerStatuses).optional(),
});

export const duplicateMatch = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  ownerName: z.string().nullable(),
  reasons: z.array(z.enum(['name', 'taxId', 'phone'])),
  /** False when the match is outside the caller's data scope: shown, but cannot be opened. */
  canOpen: z.boolean(),
});
export const customerWarning = z.object({ code: z.literal('POSSIBLE_DUPLICATE'), matches: z.array(duplicateMatch) });
export const customerCreated = z.object({ customer: customerSchema, warnings: z.array(customerWarning) });

export const duplicateCheckBody = z.strictObject({
  name: z.string().max(200).optional(),
  taxId: z.string().max(32).nullable().optional(),
  phones: z.array(z.string().max(32)).max(50).optional(),
  excludeId: z.string().max(64).optional(),
});

export const historyEntry = z.object({
  id: z.string(),
  type: z.string(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  changes: z.array(fieldChange),
  data: z.record(z.string(), z.unknown()),
});

export const communicationCreateBody = z.strictObject({
  customerId: z.string().max(64),
  orderId: z.string().max(64).nullable().optional(),
  requirementId: z.string().max(64).nullable().optional(),
  channel: z.enum(communicationChannels),
  summary: text(5000).min(1),
  occurredAt: z.iso.datetime({ offset: true }),
  participants: z.array(text(64).min(1)).max(20).default([]),
  followUpAt: z.iso.datetime({ offset: true }).nullable().optional(),
  attachments: z.array(z.object({ name: text(200), url: text(2000) })).max(20).default([]),
});
export const communicationSchema = z.object({
  id: z.string(),
  customerId: z.string(),
  customerName: z.string().nullable(),
  orderId: z.string().nullable(),
  requirementId: z.string().nullable(),
  channel: z.enum(communicationChannels),
  summary: z.string(),
  occurredAt: z.string(),
  participants: z.array(z.string()),
  followUpAt: z.string().nullable(),
  attachments: z.array(z.object({ name: z.string(), url: z.string() })),
  createdBy: z.string(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
});
export const communicationListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
  customerId: z.string().max(64).optional(),
  orderId: z.string().max(64).optional(),
  requirementId: z.string().max(64).optional(),
});

/** Columns of the customer import template, in order; headers are matched in either language. */
export const customerImportColumns = [
  { key: 'name', zh: '客户名称*', en: 'Name*' },
  { key: 'code', zh: '客户编码', en: 'Code' },
  { key: 'taxId', zh: '统一社会信用代码', en: 'Tax ID' },
  { key: 'tier', zh: '客户等级(A/B/C/D)', en: 'Tier (A/B/C/D)' },
  { key: 'tags', zh: '标签(逗号分隔)', en: 'Tags (comma separated)' },
  { key: 'paymentTermsDays', zh: '账期(天)', en: 'Payment terms (days)' },
  { key: 'creditLimit', zh: '信用额度(元)', en: 'Credit limit (CNY)' },
  { key: 'ownerUsername', zh: '负责人用户名', en: 'Owner username' },
  { key: 'contactName', zh: '联系人', en: 'Contact' },
  { key: 'contactRole', zh: '职务', en: 'Contact role' },
  { key: 'contactPhone', zh: '联系人手机', en: 'Contact mobile' },
  { key: 'contactEmail', zh: '联系人邮箱', en: 'Contact email' },
  { key: 'province', zh: '省', en: 'Province' },
  { key: 'city', zh: '市', en: 'City' },
  { key: 'district', zh: '区/县', en: 'District' },
  { key: 'detail', zh: '详细地址', en: 'Street address' },
  { key: 'recipient', zh: '收件人', en: 'Recipient' },
  { key: 'recipientPhone', zh: '收件电话', en: 'Recipient phone' },
] as const;
export type CustomerImportColumn = (typeof customerImportColumns)[number]['key'];

export const importIssue = z.object({ row: z.number(), column: z.string().nullable(), code: z.string(), message: z.string() });
export const importReport = z.object({
  dryRun: z.boolean(),
  rows: z.number(),
  valid: z.number(),
  imported: z.number(),
  errorCount: z.number(),
  errors: z.array(importIssue),
  duplicates: z.array(z.object({ row: z.number(), name: z.string(), matches: z.array(z.object({ id: z.string().nullable(), name: z.string(), reason: z.string(), row: z.number().nullable() })) })),
  durationMs: z.number(),
});
export type ImportReport = z.infer<typeof importReport>;
