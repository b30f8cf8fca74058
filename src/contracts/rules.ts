import { z } from 'zod';

/** Rule conditions (API.md approval rules): `{ field, op, value }` or `{ all: [...] }` / `{ any: [...] }`. */
export const ruleOps = ['>', '>=', '<', '<=', '==', '!=', 'in'] as const;
export type RuleOp = (typeof ruleOps)[number];

export type Condition = { field: string; op: RuleOp; value: unknown } | { all: Condition[] } | { any: Condition[] };

export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.strictObject({ field: z.string().min(1).max(80).regex(/^(amount|discountPct|marginPct|customerTier|nonStandard|creditExceeded|lineCount|priority|customFields\.[a-zA-Z0-9_]+)$/), op: z.enum(ruleOps), value: z.unknown() }),
    z.strictObject({ all: z.array(conditionSchema).min(1).max(20) }),
    z.strictObject({ any: z.array(conditionSchema).min(1).max(20) }),
  ]),
);

/** Evaluates a condition over a flat fact record; unknown fields are false, never errors. */
export function evaluate(c: Condition, facts: Record<string, unknown>): boolean {
  if ('all' in c) return c.all.every((x) => evaluate(x, facts));
  if ('any' in c) return c.any.some((x) => evaluate(x, facts));
  const v = c.field.startsWith('customFields.') ? (facts.customFields as Record<string, unknown> | undefined)?.[c.field.slice(13)] : facts[c.field];
  if (v === undefined) return false;
  switch (c.op) {
    case '>':
      return typeof v === 'number' && v > Number(c.value);
    case '>=':
      return typeof v === 'number' && v >= Number(c.value);
    case '<':
      return typeof v === 'number' && v < Number(c.value);
    case '<=':
      return typeof v === 'number' && v <= Number(c.value);
    case '==':
      return v === c.value;
    case '!=':
      return v !== c.value;
    case 'in':
      return Array.isArray(c.value) && c.value.includes(v);
  }
}
