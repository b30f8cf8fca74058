import { z } from 'zod';
import { normalizeMobile } from './cn.ts';
import { dataScopes, permissionList, restrictableFields, roleKeys } from './permissions.ts';

const mobile = z.string().trim().refine((v) => normalizeMobile(v) !== null, { message: 'invalid_mobile', params: { reason: 'invalid_mobile' } });

export const userSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  email: z.string().nullable(),
  mobile: z.string().nullable(),
  teamId: z.string().nullable(),
  managerId: z.string().nullable(),
  roles: z.array(z.string()),
  active: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type User = z.infer<typeof userSchema>;

export const userCreateBody = z.strictObject({
  username: z.string().trim().min(2).max(64).regex(/^[a-zA-Z0-9_.-]+$/),
  displayName: z.string().trim().min(1).max(64),
  password: z.string().min(8).max(256),
  roles: z.array(z.string().max(64)).min(1).max(20),
  teamId: z.string().max(64).nullable().optional(),
  managerId: z.string().max(64).nullable().optional(),
  email: z.email().max(254).nullable().optional(),
  mobile: mobile.nullable().optional(),
});
export type UserCreate = z.infer<typeof userCreateBody>;

export const userPatchBody = z.strictObject({
  displayName: z.string().trim().min(1).max(64).optional(),
  password: z.string().min(8).max(256).optional(),
  roles: z.array(z.string().max(64)).min(1).max(20).optional(),
  teamId: z.string().max(64).nullable().optional(),
  managerId: z.string().max(64).nullable().optional(),
  email: z.email().max(254).nullable().optional(),
  mobile: mobile.nullable().optional(),
  active: z.boolean().optional(),
});
export type UserPatch = z.infer<typeof userPatchBody>;

export const userListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
  q: z.string().max(200).optional(),
  active: z.enum(['true', 'false']).optional(),
  role: z.string().max(64).optional(),
});

export const roleSchema = z.object({
  key: z.string(),
  name: z.string(),
  nameEn: z.string(),
  permissions: z.array(z.enum(permissionList)),
  dataScope: z.enum(dataScopes),
  hiddenFields: z.array(z.enum(restrictableFields)),
  builtin: z.boolean(),
});
export type Role = z.infer<typeof roleSchema>;

export const rolePatchBody = z.strictObject({
  name: z.string().trim().min(1).max(64).optional(),
  nameEn: z.string().trim().min(1).max(64).optional(),
  permissions: z.array(z.enum(permissionList)).max(permissionList.length).optional(),
  dataScope: z.enum(dataScopes).optional(),
  hiddenFields: z.array(z.enum(restrictableFields)).optional(),
});
export const roleCreateBody = z.strictObject({
  key: z.string().trim().min(2).max(64).regex(/^[a-z][a-z0-9_]*$/),
  name: z.string().trim().min(1).max(64),
  nameEn: z.string().trim().min(1).max(64),
  permissions: z.array(z.enum(permissionList)).max(permissionList.length),
  dataScope: z.enum(dataScopes),
  hiddenFields: z.array(z.enum(restrictableFields)).default([]),
});

export const teamSchema = z.object({
  id: z.string(),
  name: z.string(),
  managerId: z.string().nullable(),
  memberCount: z.number(),
  createdAt: z.string(),
});
export const teamCreateBody = z.strictObject({
  name: z.string().trim().min(1).max(64),
  managerId: z.string().max(64).nullable().optional(),
});
export const teamPatchBody = teamCreateBody.partial();

export const webhookPresets = ['generic', 'wecom', 'dingtalk', 'feishu'] as const;
export type WebhookPreset = (typeof webhookPresets)[number];
export const webhookSchema = z.object({
  id: z.string(),
  name: z.string(),
  url: z.string(),
  preset: z.enum(webhookPresets),
  hasSecret: z.boolean(),
  topics: z.array(z.string()),
  active: z.boolean(),
  createdAt: z.string(),
});
export type Webhook = z.infer<typeof webhookSchema>;

/** `*` (every event), an exact event type (`order.created`) or a prefix (`order.*`). */
export const webhookTopic = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^(\*|[a-z][a-z0-9_]*(\.[a-z0-9_]+)*(\.\*)?)$/, { message: 'invalid_topic' });

const webhookFields = {
  name: z.string().trim().min(1).max(100),
  url: z.url({ protocol: /^https?$/ }).max(2000),
  preset: z.enum(webhookPresets),
  /** Write-only: generic hooks sign with it, DingTalk/Feishu robots use it for `sign`. */
  secret: z.string().min(1).max(500).nullable(),
  topics: z.array(webhookTopic).min(1).max(100),
  active: z.boolean(),
};
export const webhookCreateBody = z.strictObject({
  ...webhookFields,
  preset: webhookFields.preset.default('generic'),
  secret: webhookFields.secret.optional(),
  topics: webhookFields.topics.default(['*']),
  active: webhookFields.active.default(true),
});
export type WebhookCreate = z.infer<typeof webhookCreateBody>;
// Written out rather than `webhookCreateBody.partial()`: zod keeps inner defaults under
// `.partial()`, so `{}` would silently reset preset, topics and active.
export const webhookPatchBody = z.strictObject({
  name: webhookFields.name.optional(),
  url: webhookFields.url.optional(),
  preset: webhookFields.preset.optional(),
  secret: webhookFields.secret.optional(),
  topics: webhookFields.topics.optional(),
  active: webhookFields.active.optional(),
});
export type WebhookPatch = z.infer<typeof webhookPatchBody>;

export const outboxStates = ['pending', 'done', 'dead'] as const;
export const webhookDeliverySchema = z.object({
  /** The outbox id, sent as `X-Gendan-Delivery`. */
  id: z.string(),
  topic: z.string(),
  state: z.enum(outboxStates),
  attempts: z.number(),
  lastError: z.string().nullable(),
  nextAttemptAt: z.string(),
  createdAt: z.string(),
  doneAt: z.string().nullable(),
  attemptLog: z.array(z.object({ attempt: z.number(), at: z.string(), ok: z.boolean(), error: z.string().nullable(), durationMs: z.number() })),
});
export type WebhookDelivery = z.infer<typeof webhookDeliverySchema>;
export const webhookTestReply = z.object({ deliveryId: z.string() });

export const notificationSchema = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type Notification = z.infer<typeof notificationSchema>;

export { roleKeys };

/** The user directory every signed-in user may read (pickers, names in timelines). */
export const directoryEntry = z.object({ id: z.string(), username: z.string(), displayName: z.string(), teamId: z.string().nullable(), roles: z.array(z.string()), active: z.boolean() });
export const directoryQuery = z.object({
  q: z.string().max(100).optional(),
  role: z.string().max(64).optional(),
  /** Resolve these ids to names regardless of scope (names are not secret). */
  ids: z.string().max(5000).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
