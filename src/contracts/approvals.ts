import { z } from 'zod';
import { conditionSchema } from './rules.ts';

export const approvalStates = ['waiting', 'pending', 'approved', 'rejected', 'cancelled'] as const;
export const approvalModes = ['any', 'all'] as const;

export const approvalLevel = z
  .strictObject({
    approverRole: z.string().max(64).nullable().optional(),
    approverUserId: z.string().max(64).nullable().optional(),
    mode: z.enum(approvalModes).default('any'),
  })
  .refine((l) => !!l.approverRole !== !!l.approverUserId, { message: 'role_or_user', params: { reason: 'role_or_user' } });

export const approvalRuleCreateBody = z.strictObject({
  name: z.string().trim().min(1).max(100),
  documentType: z.literal('order').default('order'),
  condition: conditionSchema,
  levels: z.array(approvalLevel).min(1).max(5),
  active: z.boolean().default(true),
});
export const approvalRulePatchBody = z.strictObject({
  name: z.string().trim().min(1).max(100).optional(),
  condition: conditionSchema.optional(),
  levels: z.array(approvalLevel).min(1).max(5).optional(),
  active: z.boolean().optional(),
});
export const approvalRuleSchema = z.object({
  id: z.string(),
  name: z.string(),
  documentType: z.string(),
  condition: z.unknown(),
  levels: z.array(z.object({ approverRole: z.string().nullish(), approverUserId: z.string().nullish(), mode: z.enum(approvalModes) })),
  active: z.boolean(),
  version: z.number(),
  updatedAt: z.string(),
});
export type ApprovalRule = z.infer<typeof approvalRuleSchema>;

export const dryRunBody = z.strictObject({
  /** A rule to try (not saved); without it the active rules are used. */
  rule: approvalRuleCreateBody.optional(),
  days: z.number().int().min(1).max(365).default(90),
});
export const dryRunReply = z.object({
  orders: z.number(),
  matched: z.number(),
  byRule: z.array(z.object({ ruleId: z.string().nullable(), name: z.string(), matched: z.number() })),
  samples: z.array(z.object({ orderId: z.string(), number: z.string().nullable(), amount: z.number() })),
});

export const approvalSchema = z.object({
  id: z.string(),
  documentType: z.string(),
  documentId: z.string(),
  documentNumber: z.string().nullable(),
  documentVersion: z.number(),
  level: z.number(),
  ruleId: z.string().nullable(),
  ruleName: z.string().nullable(),
  approverRole: z.string().nullable(),
  approverUserId: z.string().nullable(),
  state: z.enum(approvalStates),
  decidedBy: z.string().nullable(),
  decidedByName: z.string().nullable(),
  decidedAt: z.string().nullable(),
  comment: z.string().nullable(),
  summary: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
});
export type Approval = z.infer<typeof approvalSchema>;

export const approvalDecisionBody = z.strictObject({ comment: z.string().trim().max(1000).nullable().optional() });
export const approvalRejectBody = z.strictObject({ comment: z.string().trim().min(1).max(1000), returnForEdit: z.boolean().default(false) });
