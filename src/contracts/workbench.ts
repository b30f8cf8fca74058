import { z } from 'zod';

export const riskReasons = ['overdue', 'due_soon', 'short_stock', 'open_exception', 'waiting_approval', 'rejected'] as const;

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
  nextAction: z.string(),
  daysLate: z.number(),
});
export const workbenchReply = z.object({ items: z.array(workbenchItem), counts: z.record(z.string(), z.number()) });
