import { z } from 'zod';
import { fileRef } from './custom-fields.ts';

/** 需求单 lifecycle; the transitions live in requirement.machine.ts. */
export const requirementStatuses = ['draft', 'sent', 'confirmed', 'changes_requested', 'converted', 'cancelled'] as const;
export type RequirementStatus = (typeof requirementStatuses)[number];

const qty = z
  .number()
  .positive()
  .max(1e9)
  .refine((v) => Math.abs(Math.round(v * 1000) - v * 1000) < 1e-6, { message: 'max_3_decimals', params: { reason: 'max_3_decimals' } });

export const requirementItem = z.strictObject({
  productId: z.string().max(64).nullable().optional(),
  description: z.string().trim().min(1).max(500),
  qty,
  unit: z.string().trim().max(16).nullable().optional(),
  spec: z.record(z.string().max(64), z.string().max(200)).default({}),
  note: z.string().trim().max(1000).nullable().optional(),
});

export const requirementCreateBody = z.strictObject({
  customerId: z.string().max(64),
  title: z.string().trim().min(1).max(200),
  items: z.array(requirementItem).min(1).max(200),
  dueDate: z.iso.date().nullable().optional(),
  attachments: z.array(fileRef).max(20).default([]),
  customFields: z.record(z.string(), z.unknown()).default({}),
  note: z.string().trim().max(2000).nullable().optional(),
});

export const requirementPatchBody = z.strictObject({
  title: z.string().trim().min(1).max(200).optional(),
  items: z.array(requirementItem).min(1).max(200).optional(),
  dueDate: z.iso.date().nullable().optional(),
  attachments: z.array(fileRef).max(20).optional(),
  customFields: z.record(z.string(), z.unknown()).optional(),
  note: z.string().trim().max(2000).nullable().optional(),
  /** Optimistic lock on the version the user edited. */
  version: z.number().int().optional(),
  changeReason: z.string().trim().max(500).optional(),
});

const versionContent = {
  title: z.string(),
  items: z.array(
    z.object({
      productId: z.string().nullish(),
      description: z.string(),
      qty: z.number(),
      unit: z.string().nullish(),
      spec: z.record(z.string(), z.string()),
      note: z.string().nullish(),
    }),
  ),
  dueDate: z.string().nullable(),
  attachments: z.array(fileRef),
  customFields: z.record(z.string(), z.unknown()),
  note: z.string().nullable(),
};

export const requirementVersion = z.object({
  version: z.number(),
  ...versionContent,
  createdBy: z.string().nullable(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
  changeReason: z.string().nullable(),
});
export type RequirementVersion = z.infer<typeof requirementVersion>;

export const confirmationSchema = z.object({
  version: z.number(),
  action: z.enum(['confirm', 'request_changes']),
  comment: z.string().nullable(),
  at: z.string(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  contactName: z.string().nullable(),
});

export const requirementSchema = z.object({
  id: z.string(),
  number: z.string(),
  customerId: z.string(),
  customerName: z.string().nullable(),
  ownerId: z.string(),
  ownerName: z.string().nullable(),
  status: z.enum(requirementStatuses),
  version: z.number(),
  ...versionContent,
  confirmedVersion: z.number().nullable(),
  lastConfirmation: confirmationSchema.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Requirement = z.infer<typeof requirementSchema>;

export const requirementListItem = requirementSchema.omit({ items: true, attachments: true, customFields: true, note: true, lastConfirmation: true }).extend({ itemCount: z.number() });

export const requirementListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
  q: z.string().max(200).optional(),
  customerId: z.string().max(64).optional(),
  status: z.enum(requirementStatuses).optional(),
});

export const linkCreateBody = z.strictObject({ expiresInDays: z.number().int().min(1).max(90).default(14) });
export const linkCreated = z.object({ id: z.string(), url: z.string(), expiresAt: z.string() });
/** A link as listed afterwards: the token itself is never stored, so no URL. */
export const linkSchema = z.object({ id: z.string(), createdAt: z.string(), createdBy: z.string(), expiresAt: z.string(), revokedAt: z.string().nullable(), lastViewedAt: z.string().nullable(), viewCount: z.number() });

/** What the customer sees behind /c/:token for a requirement — no internal fields. */
export const portalRequirement = z.object({
  kind: z.literal('requirement'),
  company: z.string(),
  customerName: z.string(),
  number: z.string(),
  status: z.enum(requirementStatuses),
  version: z.number(),
  title: z.string(),
  items: versionContent.items,
  dueDate: z.string().nullable(),
  note: z.string().nullable(),
  customFields: z.array(z.object({ label: z.string(), labelEn: z.string().nullable(), value: z.unknown() })),
  confirmedVersion: z.number().nullable(),
  expiresAt: z.string(),
});

export const portalConfirmBody = z.strictObject({
  version: z.number().int().min(1),
  action: z.enum(['confirm', 'request_changes']).default('confirm'),
  comment: z.string().trim().max(2000).nullable().optional(),
  contactName: z.string().trim().max(64).nullable().optional(),
});
export const portalConfirmReply = z.object({ recordedVersion: z.number(), currentVersion: z.number(), outdated: z.boolean(), status: z.enum(requirementStatuses) });
