import { z } from 'zod';

export const exceptionTypes = ['late_eta', 'tracking_exception', 'receipt_disputed', 'no_movement'] as const;
export const exceptionStates = ['open', 'resolved'] as const;
/** Resolutions staff choose when closing an exception. */
export const exceptionResolutions = ['reshipped', 'customer_contacted', 'refund', 'carrier_claim', 'no_action_needed', 'other'] as const;
/** Resolutions only the system sets: the shipment was cancelled, so its exceptions close with it. */
export const systemResolutions = ['shipment_cancelled'] as const;
export const allResolutions = [...exceptionResolutions, ...systemResolutions] as const;

export const exceptionSchema = z.object({
  id: z.string(),
  type: z.enum(exceptionTypes),
  entityType: z.string(),
  entityId: z.string(),
  orderId: z.string(),
  orderNumber: z.string().nullable(),
  ownerId: z.string(),
  ownerName: z.string().nullable(),
  dueAt: z.string(),
  state: z.enum(exceptionStates),
  details: z.record(z.string(), z.unknown()),
  notes: z.array(z.object({ at: z.string(), by: z.string(), text: z.string() })),
  resolution: z.enum(allResolutions).nullable(),
  resolvedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type ShippingException = z.infer<typeof exceptionSchema>;

export const exceptionPatchBody = z
  .strictObject({
    ownerId: z.string().max(64).optional(),
    note: z.string().trim().min(1).max(1000).optional(),
    state: z.enum(exceptionStates).optional(),
    resolution: z.enum(exceptionResolutions).optional(),
  })
  .refine((b) => b.state !== 'resolved' || !!b.resolution, { path: ['resolution'], message: 'required', params: { reason: 'required' } });

export const exceptionListQuery = z.object({
  state: z.enum(exceptionStates).optional(),
  type: z.enum(exceptionTypes).optional(),
  orderId: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
