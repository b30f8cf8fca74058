import { z } from 'zod';

/** Company-wide settings an admin edits in the UI: each key with its schema and default. */
export const settingDefs = {
  'company.name': { schema: z.string().trim().max(200), default: '' },
  /** Customer fields whose change waits for an approver (DOMAIN.md stage 1). */
  'customer.approvalFields': {
    schema: z.array(z.enum(['creditLimit', 'paymentTermsDays', 'taxId', 'invoice', 'addresses', 'ownerId', 'status', 'tier'])).max(20),
    default: ['creditLimit', 'taxId', 'invoice'] as string[],
  },
} as const;
export type SettingKey = keyof typeof settingDefs;
export const settingKeys = Object.keys(settingDefs) as SettingKey[];
export type SettingValue<K extends SettingKey> = z.infer<(typeof settingDefs)[K]['schema']>;
