import { z } from 'zod';
import { checkSeverities, orderCheckCodes } from './orders.ts';
import { carrierKeys, noticeLocales } from './shipping.ts';

/** Company-wide settings an admin edits in the UI: each key with its schema and default. */
export const settingDefs = {
  'company.name': { schema: z.string().trim().max(200), default: '' },
  /** Customer fields whose change waits for an approver (DOMAIN.md stage 1). */
  'customer.approvalFields': {
    schema: z.array(z.enum(['creditLimit', 'paymentTermsDays', 'taxId', 'invoice', 'addresses', 'ownerId', 'status', 'tier'])).max(20),
    default: ['creditLimit', 'taxId', 'invoice'] as string[],
  },
  /** How each order check acts: hard (blocks), approval (routes to an approver), soft (warning), reason (needs a reason), off. */
  'order.checks': {
    schema: z.partialRecord(z.enum(orderCheckCodes), z.enum(checkSeverities)),
    default: {
      PRICE_BELOW_FLOOR: 'hard',
      PRICE_BELOW_LIST: 'soft',
      PRICE_BELOW_LAST: 'soft',
      SPEC_INVALID: 'hard',
      QTY_OUT_OF_RANGE: 'hard',
      PRODUCT_INACTIVE: 'hard',
      CREDIT_LIMIT_EXCEEDED: 'hard',
      CUSTOMER_ON_HOLD: 'hard',
      LEAD_TIME_TOO_SHORT: 'soft',
      POSSIBLE_DUPLICATE_ORDER: 'reason',
    } as Partial<Record<(typeof orderCheckCodes)[number], (typeof checkSeverities)[number]>>,
  },
  /** Orders of the same customer with the same lines within this many days are suspected duplicates. */
  'order.duplicateWindowDays': { schema: z.number().int().min(0).max(365), default: 7 },
  /** Order numbers: {yyyy} {MM} {dd} {yyyyMMdd} {yyyyMM} and {seq:N}; the sequence restarts per day, month or never. */
  'order.numbering': {
    schema: z.strictObject({ pattern: z.string().min(3).max(60).regex(/\{seq(:\d)?\}/), reset: z.enum(['day', 'month', 'never']) }),
    default: { pattern: 'SO-{yyyyMMdd}-{seq:4}', reset: 'day' } as { pattern: string; reset: 'day' | 'month' | 'never' },
  },
  /** Shipping: dispatch refused (PACKING_INCOMPLETE) until every line is packed, even with no packages recorded. */
  'shipping.packingRequired': { schema: z.boolean(), default: false },
  /** A dispatched shipment without a tracking event for this many hours opens a no-movement exception. */
  'shipping.noMovementHours': { schema: z.number().int().min(1).max(720), default: 48 },
  /** The province goods ship from: the origin of a lane (province → province) for ETAs. */
  'shipping.originProvince': { schema: z.string().trim().max(20), default: '' },
  /** Transit days per carrier when a lane has too little history. */
  'shipping.transitDays': {
    schema: z.partialRecord(z.enum(carrierKeys), z.number().int().min(1).max(60)),
    default: { manual: 3, sf: 2, jd: 2, zto: 3, yto: 3 } as Partial<Record<(typeof carrierKeys)[number], number>>,
  },
  /** Language of customer notices (dispatch email, SMS, WeCom). */
  'notice.customerLocale': { schema: z.enum(noticeLocales), default: 'zh-CN' as (typeof noticeLocales)[number] },
  /** SMS gateway (webhook style): POST JSON { to, text } with an optional Bearer token; empty url = no SMS. */
  'notice.smsGateway': {
    schema: z.strictObject({ url: z.union([z.literal(''), z.url({ protocol: /^https?$/ })]), token: z.string().max(500) }),
    default: { url: '', token: '' } as { url: string; token: string },
  },
  /** WeCom (企业微信) group robot webhook URL for dispatch notices; empty = none. */
  'notice.wecomWebhook': { schema: z.union([z.literal(''), z.url({ protocol: /^https?$/ })]), default: '' },
  /** Stock adjustments above either limit wait for someone with inventory:approve (not the requester); null = no limit. valueFen = |qty| × product cost. */
  'inventory.adjustmentApproval': {
    schema: z.strictObject({ qty: z.number().min(0).max(1e9).nullable(), valueFen: z.number().int().min(0).max(1e13).nullable() }),
    default: { qty: null, valueFen: null } as { qty: number | null; valueFen: number | null },
  },
  /** 我的跟单 daily digest: the China-time hour (0–23) at which each user gets their at-risk orders; null = off. */
  'workbench.digestHour': { schema: z.number().int().min(0).max(23).nullable(), default: 8 as number | null },
} as const;
export type SettingKey = keyof typeof settingDefs;
export const settingKeys = Object.keys(settingDefs) as SettingKey[];
export type SettingValue<K extends SettingKey> = z.infer<(typeof settingDefs)[K]['schema']>;
