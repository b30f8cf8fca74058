import type { FormRule } from 'antd';
import type { z } from 'zod';
import i18n from '../i18n/index.ts';
import type { Messages } from '../i18n/messages.ts';

type ValidationKey = keyof Messages['validation'];

/**
 * An antd form rule that runs the same zod schema the server validates with (contracts),
 * worded in the UI language. Empty values pass: pair with `required` where needed.
 * `formatKey` names the message for a failed pattern (e.g. `usernameChars`).
 */
export function zodRule(schema: z.ZodType, formatKey: ValidationKey = 'invalid'): FormRule {
  return {
    validator: async (_rule, value: unknown) => {
      if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) return;
      const r = schema.safeParse(typeof value === 'string' ? value.trim() : value);
      if (r.success) return;
      const issue = r.error.issues[0] as z.core.$ZodIssue & { minimum?: number; maximum?: number; format?: string; origin?: string };
      const t = i18n.t.bind(i18n);
      if (issue.code === 'too_small') throw new Error(issue.origin === 'array' ? t('validation.tooFewItems', { min: issue.minimum }) : t('validation.tooShort', { min: issue.minimum }));
      if (issue.code === 'too_big') throw new Error(t('validation.tooLong', { max: issue.maximum }));
      if (issue.code === 'invalid_format' && issue.format === 'email') throw new Error(t('validation.email'));
      if (issue.code === 'invalid_format' && issue.format === 'url') throw new Error(t('validation.url'));
      throw new Error(t(`validation.${formatKey}`));
    },
  };
}
