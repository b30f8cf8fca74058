import type { FormRule } from 'antd';
import type { z } from 'zod';
import { fieldReasonMessage } from '../../contracts/errors.ts';
import i18n, { currentLanguage } from '../i18n/index.ts';
import type { Messages } from '../i18n/messages.ts';

type ValidationKey = keyof Messages['validation'];

/**
 * An antd form rule that runs the same zod schema the server validates with (contracts),
 * worded in the UI language. Empty values pass: pair with `required` where needed.
 * Refinements that carry `params.reason` (invalid_mobile, invalid_tax_id, …) are worded from
 * the contracts' `fieldReasons`, the same words the server sends; `formatKey` names the
 * message for any other failed pattern (e.g. `usernameChars`).
 */
export function zodRule(schema: z.ZodType, formatKey: ValidationKey = 'invalid'): FormRule {
  return {
    validator: async (_rule, value: unknown) => {
      if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) return;
      const r = schema.safeParse(typeof value === 'string' ? value.trim() : value);
      if (r.success) return;
      throw new Error(zodIssueMessage(r.error.issues[0], formatKey));
    },
  };
}

/** One zod issue in the UI language. */
export function zodIssueMessage(raw: z.core.$ZodIssue, formatKey: ValidationKey = 'invalid'): string {
  const issue = raw as z.core.$ZodIssue & { minimum?: number | bigint; maximum?: number | bigint; format?: string; origin?: string; params?: { reason?: string } };
  const t = i18n.t.bind(i18n);
  const reason = issue.code === 'custom' ? issue.params?.reason : undefined;
  const worded = reason ? fieldReasonMessage(reason, currentLanguage()) : null;
  if (worded) return worded;
  const min = Number(issue.minimum);
  const max = Number(issue.maximum);
  if (issue.code === 'too_small' && issue.origin === 'array') return t('validation.tooFewItems', { min });
  if (issue.code === 'too_small' && issue.origin === 'number') return (issue as { inclusive?: boolean }).inclusive === false && min === 0 ? t('validation.positive') : t('validation.numberMin', { min });
  if (issue.code === 'too_small') return t('validation.tooShort', { min });
  if (issue.code === 'too_big' && issue.origin === 'number') return t('validation.numberMax', { max });
  if (issue.code === 'too_big') return t('validation.tooLong', { max });
  if (issue.code === 'invalid_format' && issue.format === 'email') return t('validation.email');
  if (issue.code === 'invalid_format' && issue.format === 'url') return t('validation.url');
  return t(`validation.${formatKey}`);
}
