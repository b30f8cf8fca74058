import { z } from 'zod';
import { dataScopes, permissionList, restrictableFields } from './permissions.ts';

export const locales = ['zh-CN', 'en-US'] as const;

export const loginBody = z.strictObject({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});

export const meUser = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  email: z.string().nullable(),
  mobile: z.string().nullable(),
  teamId: z.string().nullable(),
  roles: z.array(z.string()),
  permissions: z.array(z.enum(permissionList)),
  dataScope: z.enum(dataScopes),
  hiddenFields: z.array(z.enum(restrictableFields)),
  locale: z.enum(locales),
});
export type MeUser = z.infer<typeof meUser>;

export const loginReply = z.object({ user: meUser, csrfToken: z.string() });
export const meReply = z.object({ user: meUser, csrfToken: z.string().nullable(), demo: z.boolean() });

export const localeBody = z.strictObject({ locale: z.enum(locales) });

export const passwordChangeBody = z.strictObject({
  currentPassword: z.string().min(1).max(256),
  newPassword: z.string().min(1).max(256),
});

export const apiTokenCreateBody = z.strictObject({
  name: z.string().trim().min(1).max(100),
  expiresInDays: z.number().int().min(1).max(3650).optional(),
});
export const apiToken = z.object({
  id: z.string(),
  userId: z.string(),
  name: z.string(),
  prefix: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type ApiToken = z.infer<typeof apiToken>;
/** The only time the secret is returned. */
export const apiTokenCreated = z.object({ token: apiToken, secret: z.string() });

export const demoAccounts = z.object({
  items: z.array(z.object({ username: z.string(), password: z.string(), role: z.string() })),
});
