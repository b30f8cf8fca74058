import { z } from 'zod';
import { stageNames, type StageName } from './stages.ts';

/**
 * SLA rules (issue 7): per stage an owner rule, a due time relative to an anchor event,
 * reminders before due and escalation levels after, each through chosen channels.
 */

/** What a due time can be counted from: an order event, or the end of the promised day. */
export const slaAnchors = ['order.created', 'order.submitted', 'order.confirmed', 'shipment.dispatched', 'order.shipped', 'order.delivered', 'promised_date'] as const;
export type SlaAnchor = (typeof slaAnchors)[number];
/** `hours` are plain elapsed hours; the working units count only the calendar's working time. */
export const slaUnits = ['working_hours', 'working_days', 'hours'] as const;
export type SlaUnit = (typeof slaUnits)[number];
export const alertChannels = ['inapp', 'email', 'webhook'] as const;
export type AlertChannel = (typeof alertChannels)[number];
export const alertKinds = ['reminder', 'escalation'] as const;
export type AlertKind = (typeof alertKinds)[number];
export const alertStates = ['queued', 'sent', 'dropped'] as const;

const anchor = z.string().refine((v) => (slaAnchors as readonly string[]).includes(v), { message: 'unknown_anchor', params: { reason: 'unknown_anchor' } }).transform((v) => v as SlaAnchor);
const unit = z.enum(slaUnits);
const channels = z.array(z.enum(alertChannels)).min(1).max(3).refine((c) => new Set(c).size === c.length, { params: { reason: 'duplicate_channel' } });
const roleKey = z.string().trim().min(1).max(40);
const userId = z.string().trim().min(1).max(40);

export const slaOwnerRule = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('customer_owner') }),
  z.strictObject({ type: z.literal('role'), role: roleKey }),
  z.strictObject({ type: z.literal('user'), userId }),
]);
export const escalationTarget = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('manager') }),
  z.strictObject({ type: z.literal('role'), role: roleKey }),
  z.strictObject({ type: z.literal('user'), userId }),
]);

export const slaDue = z.strictObject({ anchor, amount: z.number().int().min(-1000).max(1000), unit });
export const slaReminder = z.strictObject({ before: z.strictObject({ amount: z.number().int().min(1).max(1000), unit }), channels });
export const slaEscalation = z.strictObject({ level: z.number().int().min(1).max(5), after: z.strictObject({ amount: z.number().int().min(0).max(1000), unit }), to: escalationTarget, channels });

const escalations = z
  .array(slaEscalation)
  .max(5)
  .superRefine((list, ctx) => {
    list.forEach((e, i) => {
      if (e.level !== i + 1) ctx.addIssue({ code: 'custom', path: [i, 'level'], message: 'levels_in_order', params: { reason: 'levels_in_order' } });
    });
  });

export const slaRuleCreateBody = z.strictObject({
  stage: z.enum(stageNames),
  name: z.string().trim().min(1).max(80),
  owner: slaOwnerRule,
  /** Where the stage goes when its owner is disabled. */
  queueRole: roleKey.default('coordinator'),
  due: slaDue,
  reminders: z.array(slaReminder).max(5).default([]),
  escalations: escalations.default([]),
  active: z.boolean().default(true),
});
export type SlaRuleInput = z.infer<typeof slaRuleCreateBody>;
export const slaRulePatchBody = z.strictObject({
  name: z.string().trim().min(1).max(80).optional(),
  owner: slaOwnerRule.optional(),
  queueRole: roleKey.optional(),
  due: slaDue.optional(),
  reminders: z.array(slaReminder).max(5).optional(),
  escalations: escalations.optional(),
  active: z.boolean().optional(),
  /** The version the admin edited: a stale one answers 409. */
  version: z.number().int().min(1).optional(),
});

export const slaRuleSchema = z.object({
  id: z.string(),
  stage: z.enum(stageNames),
  name: z.string(),
  owner: slaOwnerRule,
  queueRole: z.string(),
  due: z.object({ anchor: z.enum(slaAnchors), amount: z.number(), unit }),
  reminders: z.array(z.object({ before: z.object({ amount: z.number(), unit }), channels: z.array(z.enum(alertChannels)) })),
  escalations: z.array(z.object({ level: z.number(), after: z.object({ amount: z.number(), unit }), to: escalationTarget, channels: z.array(z.enum(alertChannels)) })),
  active: z.boolean(),
  version: z.number(),
  updatedAt: z.string(),
});
export type SlaRule = z.infer<typeof slaRuleSchema>;

export const slaDryRunBody = z.strictObject({ rules: z.array(slaRuleCreateBody).max(stageNames.length) });
export const slaDryRunReply = z.object({
  at: z.string(),
  orders: z.number(),
  stages: z.array(z.object({ stage: z.enum(stageNames), open: z.number(), withDue: z.number(), late: z.number(), reminded: z.number(), escalated: z.number(), changed: z.number() })),
  samples: z.array(z.object({ orderId: z.string(), number: z.string().nullable(), stage: z.enum(stageNames), currentDueAt: z.string().nullable(), proposedDueAt: z.string().nullable(), state: z.enum(['ok', 'reminded', 'late']) })),
});

/**
 * The rule set shipped with the migration: it keeps the due times the stage track used
 * before rules existed (review 24 h after submit; preparation, shipping and delivery 48 h,
 * 24 h and 0 h before the end of the promised day), with a reminder two working hours
 * before due and escalation to the owner's manager at due, then to the sales managers one
 * working day later.
 */
export const defaultSlaRules: (Omit<SlaRuleInput, 'due'> & { due: { anchor: SlaAnchor; amount: number; unit: SlaUnit } })[] = (
  [
    ['review', '订单审核', 'order.submitted', 24],
    ['preparation', '备货/生产', 'promised_date', -48],
    ['shipping', '发货', 'promised_date', -24],
    ['delivery', '签收', 'promised_date', 0],
  ] as [StageName, string, SlaAnchor, number][]
).map(([stage, name, anchor, hours]) => ({
  stage,
  name,
  owner: { type: 'customer_owner' as const },
  queueRole: 'coordinator',
  due: { anchor, amount: hours, unit: 'hours' as const },
  reminders: [{ before: { amount: 2, unit: 'working_hours' as const }, channels: ['inapp' as const] }],
  escalations: [
    { level: 1, after: { amount: 0, unit: 'working_hours' as const }, to: { type: 'manager' as const }, channels: ['inapp' as const] },
    { level: 2, after: { amount: 1, unit: 'working_days' as const }, to: { type: 'role' as const, role: 'sales_manager' }, channels: ['inapp' as const, 'email' as const] },
  ],
  active: true,
}));
