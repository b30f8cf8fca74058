import { z } from 'zod';

/** The stage track every order carries (DESIGN.md "Stages and responsibility"). */
export const stageNames = ['requirement', 'review', 'preparation', 'shipping', 'delivery', 'billing', 'after_sales'] as const;
export type StageName = (typeof stageNames)[number];
export const stageStates = ['pending', 'active', 'done', 'skipped', 'late'] as const;

export const stageSchema = z.object({
  stage: z.enum(stageNames),
  ownerId: z.string().nullable(),
  ownerName: z.string().nullable(),
  /** With no named owner: the role whose members may claim the stage (待认领). */
  queueRole: z.string().nullable(),
  dueAt: z.string().nullable(),
  startedAt: z.string().nullable(),
  completedAt: z.string().nullable(),
  state: z.enum(stageStates),
  /** Minutes past due: for a late active stage up to now, for a finished one at completion. */
  delayMinutes: z.number(),
  delayReason: z.string().nullable(),
});
export type Stage = z.infer<typeof stageSchema>;

export const stageLabels: Record<StageName, { zh: string; en: string }> = {
  requirement: { zh: '需求确认', en: 'Requirement' },
  review: { zh: '订单审核', en: 'Review' },
  preparation: { zh: '备货/生产', en: 'Preparation' },
  shipping: { zh: '发货', en: 'Shipping' },
  delivery: { zh: '签收', en: 'Delivery' },
  billing: { zh: '开票回款', en: 'Billing & collection' },
  after_sales: { zh: '售后', en: 'After-sales' },
};
