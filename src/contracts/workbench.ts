import { z } from 'zod';
import { stageNames, stageStates } from './stages.ts';

export const riskReasons = ['overdue', 'late_stage', 'delay_unexplained', 'due_soon', 'short_stock', 'open_exception', 'waiting_approval', 'rejected'] as const;
export type RiskReason = (typeof riskReasons)[number];

/** The stage an item is about: the late one, else the one running now. */
export const workbenchStage = z.object({
  stage: z.enum(stageNames),
  ownerId: z.string().nullable(),
  ownerName: z.string().nullable(),
  queueRole: z.string().nullable(),
  dueAt: z.string().nullable(),
  state: z.enum(stageStates),
  delayMinutes: z.number(),
  delayReason: z.string().nullable(),
});

/** One order on the coordinator's workbench (我的跟单): why it is at risk and what to do next. */
export const workbenchItem = z.object({
  orderId: z.string(),
  number: z.string().nullable(),
  customerName: z.string().nullable(),
  status: z.string(),
  promisedDate: z.string(),
  gross: z.number(),
  ownerId: z.string(),
  ownerName: z.string().nullable(),
  reasons: z.array(z.enum(riskReasons)),
  /** Higher is more urgent; the list is sorted by it. */
  score: z.number(),
  /** The next action in Chinese (kept for API clients); the web app words `nextActionKey` itself. */
  nextAction: z.string(),
  nextActionKey: z.enum(riskReasons),
  daysLate: z.number(),
  stage: workbenchStage.nullable(),
});
export type WorkbenchItem = z.infer<typeof workbenchItem>;
export const workbenchQuery = z.object({ stage: z.enum(stageNames).optional() });
export const workbenchReply = z.object({ items: z.array(workbenchItem), counts: z.record(z.string(), z.number()) });
