import { z } from 'zod';
import { orderFilterQuery } from './order-list.ts';
import type { Permission } from './permissions.ts';

/**
 * Saved views: a named set of list filters, per user, optionally shared with everyone.
 * Each list that offers views adds its entity here with the schema its filters are read
 * with, so a stored view can never hold a filter the list would reject.
 */
export const savedViewEntities = ['orders'] as const;
export type SavedViewEntity = (typeof savedViewEntities)[number];

/** The permission a caller needs to keep views of an entity (the same as reading its list). */
export const savedViewPermission: Record<SavedViewEntity, Permission> = { orders: 'orders:read' };

/** Filter params per entity, strings as they sit in the list's URL. */
export const savedViewQuerySchemas = {
  orders: orderFilterQuery.strict(),
} satisfies Record<SavedViewEntity, z.ZodType>;

const name = z.string().trim().min(1).max(60);
const query = z.record(z.string().max(32), z.unknown());

export const savedViewCreateBody = z.strictObject({
  entity: z.enum(savedViewEntities),
  name,
  query,
  /** Visible to everyone; only the owner or an admin may change or delete it. */
  shared: z.boolean().default(false),
  /** The caller's default view for this entity (one per user and entity). */
  isDefault: z.boolean().default(false),
});
export type SavedViewCreate = z.infer<typeof savedViewCreateBody>;

export const savedViewPatchBody = z
  .strictObject({ name: name.optional(), query: query.optional(), shared: z.boolean().optional(), isDefault: z.boolean().optional() })
  .refine((b) => Object.values(b).some((v) => v !== undefined), { message: 'required', params: { reason: 'required' } });
export type SavedViewPatch = z.infer<typeof savedViewPatchBody>;

export const savedViewListQuery = z.object({ entity: z.enum(savedViewEntities) });

export const savedViewSchema = z.object({
  id: z.string(),
  entity: z.enum(savedViewEntities),
  name: z.string(),
  query: z.record(z.string(), z.unknown()),
  shared: z.boolean(),
  /** The caller's default (not the owner's). */
  isDefault: z.boolean(),
  ownerId: z.string(),
  ownerName: z.string().nullable(),
  /** The caller may rename, share or delete it (owner or admin). */
  editable: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type SavedView = z.infer<typeof savedViewSchema>;
