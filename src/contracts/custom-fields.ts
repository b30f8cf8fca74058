import { z } from 'zod';

export const customFieldEntities = ['requirement', 'customer', 'order'] as const;
export const customFieldTypes = ['text', 'number', 'date', 'select', 'multiselect', 'attachment'] as const;
export type CustomFieldType = (typeof customFieldTypes)[number];

export const customFieldSchema = z.object({
  id: z.string(),
  entity: z.enum(customFieldEntities),
  key: z.string(),
  label: z.string(),
  labelEn: z.string().nullable(),
  type: z.enum(customFieldTypes),
  options: z.array(z.string()),
  required: z.boolean(),
  help: z.string().nullable(),
  sort: z.number(),
  active: z.boolean(),
});
export type CustomField = z.infer<typeof customFieldSchema>;

export const customFieldCreateBody = z
  .strictObject({
    entity: z.enum(customFieldEntities),
    key: z.string().trim().min(1).max(40).regex(/^[a-z][a-zA-Z0-9_]*$/),
    label: z.string().trim().min(1).max(64),
    labelEn: z.string().trim().max(64).nullable().optional(),
    type: z.enum(customFieldTypes),
    options: z.array(z.string().trim().min(1).max(64)).max(100).default([]),
    required: z.boolean().default(false),
    help: z.string().trim().max(300).nullable().optional(),
    sort: z.number().int().min(0).max(10_000).default(0),
  })
  .refine((f) => !['select', 'multiselect'].includes(f.type) || f.options.length > 0, { path: ['options'], message: 'options_required', params: { reason: 'options_required' } });

export const customFieldPatchBody = z.strictObject({
  label: z.string().trim().min(1).max(64).optional(),
  labelEn: z.string().trim().max(64).nullable().optional(),
  options: z.array(z.string().trim().min(1).max(64)).max(100).optional(),
  required: z.boolean().optional(),
  help: z.string().trim().max(300).nullable().optional(),
  sort: z.number().int().min(0).max(10_000).optional(),
  active: z.boolean().optional(),
});

/** An uploaded file referenced from a form (attachment custom fields, requirement attachments). */
export const fileRef = z.object({ id: z.string().max(64), name: z.string().max(200) });

/**
 * Checks values against the admin's field definitions; returns `{ path, code }` problems
 * (path `customFields.<key>`). Unknown keys are problems too: a typo must not pass silently.
 */
export function checkCustomFields(defs: CustomField[], values: Record<string, unknown>): { path: string; code: string }[] {
  const problems: { path: string; code: string }[] = [];
  const active = defs.filter((d) => d.active);
  for (const key of Object.keys(values)) if (!active.some((d) => d.key === key)) problems.push({ path: `customFields.${key}`, code: 'unknown_field' });
  for (const d of active) {
    const v = values[d.key];
    const path = `customFields.${d.key}`;
    const empty = v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);
    if (empty) {
      if (d.required) problems.push({ path, code: 'required' });
      continue;
    }
    const ok =
      d.type === 'text'
        ? typeof v === 'string' && v.length <= 2000
        : d.type === 'number'
          ? typeof v === 'number' && Number.isFinite(v)
          : d.type === 'date'
            ? typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v))
            : d.type === 'select'
              ? typeof v === 'string' && d.options.includes(v)
              : d.type === 'multiselect'
                ? Array.isArray(v) && v.every((x) => typeof x === 'string' && d.options.includes(x))
                : Array.isArray(v) && v.every((x) => fileRef.safeParse(x).success);
    if (!ok) problems.push({ path, code: `invalid_${d.type}` });
  }
  return problems;
}
