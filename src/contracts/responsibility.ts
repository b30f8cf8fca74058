import { z } from 'zod';
import { stageNames } from './stages.ts';

/**
 * Responsibility engine, part 2 (issue 7): delay reasons, checklists at key nodes and the
 * responsibility reports. Stage names and labels live in `stages.ts`.
 */

const label = z.string().trim().min(1).max(60);
const code = z
  .string()
  .trim()
  .min(2)
  .max(40)
  .refine((v) => /^[a-z][a-z0-9_]*$/.test(v), { message: 'invalid_format', params: { reason: 'invalid_format' } });

/**
 * An event the system already knows that pre-fills a reason: its type, an optional match on
 * one field of the event's data, and the stage it explains (default: the stages running when
 * it happened). Data-driven so an admin maps new events without code.
 */
export const prefillRule = z.strictObject({
  event: z
    .string()
    .trim()
    .min(3)
    .max(80)
    .refine((v) => /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/.test(v), { message: 'invalid_format', params: { reason: 'invalid_format' } }),
  /** `includes`: the data field is a list containing `value`; `in`: the field is one of `values`; `nonEmpty`: a non-empty list. */
  when: z
    .strictObject({ path: z.string().trim().min(1).max(60), op: z.enum(['includes', 'in', 'equals', 'nonEmpty']), value: z.string().max(80).optional(), values: z.array(z.string().max(80)).max(20).optional() })
    .optional(),
  stage: z.enum(stageNames).optional(),
});
export type PrefillRule = z.infer<typeof prefillRule>;

export const delayReasonSchema = z.object({
  code: z.string(),
  labelZh: z.string(),
  labelEn: z.string(),
  active: z.boolean(),
  sortOrder: z.number(),
  prefill: z.array(prefillRule),
});
export type DelayReason = z.infer<typeof delayReasonSchema>;
export const delayReasonCreateBody = z.strictObject({ code, labelZh: label, labelEn: label, sortOrder: z.number().int().min(0).max(10_000).optional(), prefill: z.array(prefillRule).max(20).optional() });
export const delayReasonPatchBody = z.strictObject({ labelZh: label.optional(), labelEn: label.optional(), active: z.boolean().optional(), sortOrder: z.number().int().min(0).max(10_000).optional(), prefill: z.array(prefillRule).max(20).optional() });

/** Seeded reasons (migration 0020) with the events that pre-fill them. */
export const seededDelayReasons: { code: string; labelZh: string; labelEn: string; prefill: PrefillRule[] }[] = [
  { code: 'waiting_customer', labelZh: '等客户', labelEn: 'Waiting for customer', prefill: [] },
  {
    code: 'credit_hold',
    labelZh: '信用冻结',
    labelEn: 'Credit hold',
    prefill: [{ event: 'order.submitted', when: { path: 'warnings', op: 'includes', value: 'CREDIT_LIMIT_EXCEEDED' }, stage: 'review' }],
  },
  {
    code: 'material_shortage',
    labelZh: '缺料',
    labelEn: 'Material shortage',
    prefill: [{ event: 'production.material_short', stage: 'preparation' }, { event: 'order.confirmed', when: { path: 'shortages', op: 'nonEmpty' }, stage: 'preparation' }],
  },
  // Production reports a work centre down on every order whose work it re-planned: it explains the production stage.
  { code: 'equipment_down', labelZh: '设备故障', labelEn: 'Equipment down', prefill: [{ event: 'production.equipment_down', stage: 'preparation' }] },
  { code: 'capacity', labelZh: '产能不足', labelEn: 'Capacity', prefill: [] },
  { code: 'carrier', labelZh: '承运商', labelEn: 'Carrier', prefill: [{ event: 'exception.opened', when: { path: 'type', op: 'in', values: ['late_eta', 'tracking_exception', 'no_movement'] } }] },
  { code: 'internal_error', labelZh: '内部失误', labelEn: 'Internal error', prefill: [] },
  { code: 'other', labelZh: '其他', labelEn: 'Other', prefill: [] },
];

/**
 * Stages a checklist can gate — the key nodes a person completes: review (customer
 * confirmation, finance review: finished by confirming), preparation (shipping notice:
 * finished by dispatch) and shipping. Not the requirement stage (finished before the order
 * exists) nor stages finished by outside parties (a carrier's or customer's delivery), which
 * a checklist must not refuse.
 */
export const checklistStages = ['review', 'preparation', 'shipping'] as const satisfies readonly (typeof stageNames)[number][];
export const checklistItemSchema = z.object({ id: z.string(), stage: z.enum(stageNames), labelZh: z.string(), labelEn: z.string(), required: z.boolean(), sortOrder: z.number() });
export const checklistPutBody = z.strictObject({
  items: z
    .array(z.strictObject({ id: z.string().max(64).optional(), labelZh: z.string().trim().min(1).max(200), labelEn: z.string().trim().min(1).max(200), required: z.boolean().default(true) }))
    .max(50),
});
export const orderChecklistItem = checklistItemSchema.extend({ tickedBy: z.string().nullable(), tickedByName: z.string().nullable(), tickedAt: z.string().nullable() });
export const orderChecklists = z.object({
  items: z.array(z.object({ stage: z.enum(stageNames), state: z.string(), complete: z.boolean(), items: z.array(orderChecklistItem) })),
});
export const tickBody = z.strictObject({ ticked: z.boolean().default(true), reason: z.string().trim().min(1).max(500).optional() });

/** `PATCH /orders/:id/stages/:stage`: reassign (`ownerId` + `reason`) and/or attribute a delay (`delayReason`, `delayNote`). */
export const stagePatchBody = z
  .strictObject({
    ownerId: z.string().max(64).optional(),
    reason: z.string().trim().min(1).max(500).optional(),
    delayReason: z.string().trim().min(1).max(40).optional(),
    delayNote: z.string().trim().max(500).nullable().optional(),
  })
  .superRefine((b, ctx) => {
    if (b.ownerId !== undefined && !b.reason) ctx.addIssue({ code: 'custom', path: ['reason'], params: { reason: 'required' }, message: 'required' });
    if (b.ownerId === undefined && b.delayReason === undefined) ctx.addIssue({ code: 'custom', path: ['delayReason'], params: { reason: 'required' }, message: 'required' });
  });

// —— workbench ——
export const nudgeBody = z.strictObject({
  items: z.array(z.strictObject({ orderId: z.string().min(1).max(64), stage: z.enum(stageNames) })).min(1).max(200),
  message: z.string().trim().max(500).nullable().optional(),
});
export const nudgeReply = z.object({ items: z.array(z.object({ orderId: z.string(), stage: z.enum(stageNames), ok: z.boolean(), code: z.string().optional() })), notified: z.number() });

// —— reports ——
export const reportGroupBys = ['stage', 'owner', 'customer', 'reason', 'month'] as const;
const date = z.string().refine((v) => /^\d{4}-\d{2}-\d{2}$/.test(v), { message: 'invalid_date', params: { reason: 'invalid_date' } });
export const reportRange = z.strictObject({ from: date.optional(), to: date.optional() });
export const delaysQuery = reportRange.extend({ groupBy: z.enum(reportGroupBys).default('stage') });
export const delayGroup = z.object({
  key: z.string().nullable(),
  label: z.string().nullable(),
  stages: z.number(),
  lateStages: z.number(),
  lateMinutes: z.number(),
  lateDays: z.number(),
  /** Share of all late minutes, and the running total in this order (the Pareto line). */
  share: z.number(),
  cumulativeShare: z.number(),
});
export const delaysReply = z.object({ groupBy: z.enum(reportGroupBys), from: z.string().nullable(), to: z.string().nullable(), totalLateMinutes: z.number(), items: z.array(delayGroup) });
export const leadTimeRow = z.object({ stage: z.enum(stageNames), completed: z.number(), onTime: z.number(), onTimeRate: z.number().nullable(), p50Minutes: z.number().nullable(), p90Minutes: z.number().nullable() });
export const leadTimesReply = z.object({ items: z.array(leadTimeRow) });
export const delayOrdersQuery = reportRange.extend({
  stage: z.enum(stageNames).optional(),
  ownerId: z.string().max(64).optional(),
  customerId: z.string().max(64).optional(),
  /** A reason code, or `none` for delays nobody has explained yet. */
  reason: z.string().max(40).optional(),
  month: z.string().refine((v) => /^\d{4}-\d{2}$/.test(v), { message: 'invalid_format', params: { reason: 'invalid_format' } }).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});
export const delayOrderRow = z.object({
  orderId: z.string(),
  number: z.string().nullable(),
  customerId: z.string(),
  customerName: z.string().nullable(),
  stage: z.enum(stageNames),
  ownerId: z.string().nullable(),
  ownerName: z.string().nullable(),
  dueAt: z.string().nullable(),
  completedAt: z.string().nullable(),
  lateMinutes: z.number(),
  delayReason: z.string().nullable(),
  delayNote: z.string().nullable(),
});
export const delayOrdersReply = z.object({ items: z.array(delayOrderRow), nextCursor: z.string().nullable() });
