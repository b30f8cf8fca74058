import { z } from 'zod';

export const idSchema = z.string().min(1).max(64);
export const idParams = z.strictObject({ id: idSchema });

/** `?limit=&cursor=&q=` on every list (API.md). */
export const listQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
  q: z.string().max(200).optional(),
});
export type ListQuery = z.infer<typeof listQuery>;

export const page = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), nextCursor: z.string().nullable() });

export const errorBody = z.object({
  code: z.string(),
  message: z.string(),
  details: z.unknown(),
  requestId: z.string(),
});

export const okBody = z.object({ ok: z.literal(true) });
