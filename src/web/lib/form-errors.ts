import type { FormInstance } from 'antd';
import i18n from '../i18n/index.ts';
import { ApiError } from './api.ts';

type NamePath = (string | number)[];

/** `contacts.0.phone` → ['contacts', 0, 'phone'] (array indices as numbers, as antd names them). */
export function toNamePath(path: string): NamePath {
  return path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

/**
 * Puts the server's field errors next to the fields they name, so input is never lost and
 * the user sees which field to fix. Schema errors arrive as `path: message` (already in the
 * user's language); business errors (`USERNAME_TAKEN`) carry the field in `details[].path`
 * and the words in the top-level `message`. `codeFields` maps codes that name no field
 * (e.g. `PASSWORD_TOO_WEAK`) to the field they are about.
 * With `nested`, the whole path names the field (`contacts.0.phone`, `customFields.grade`),
 * for forms with lists and groups (`alias` maps a path to the field that shows it, e.g. the
 * three address levels to one cascader); otherwise only its first segment does.
 * Returns true when at least one field got an error; the caller shows the rest.
 */
export function applyServerErrors(form: FormInstance, err: unknown, fields: readonly string[], codeFields: Record<string, string> = {}, opts: { nested?: boolean; alias?: (path: string) => string } = {}): boolean {
  if (!(err instanceof ApiError)) return false;
  const byField = new Map<string, string>();
  for (const d of err.fieldErrors) {
    const top = d.path.split('.')[0];
    if (!fields.includes(top)) continue;
    const key = opts.nested ? (opts.alias?.(d.path) ?? d.path) : top;
    if (byField.has(key)) continue;
    let text = err.message;
    if (err.code === 'VALIDATION_FAILED') {
      const prefix = `${d.path}: `;
      if (d.code === 'not_found') text = i18n.t('validation.notFound');
      else text = d.message.startsWith(prefix) ? d.message.slice(prefix.length) : d.message;
    }
    byField.set(key, text);
  }
  const mapped = codeFields[err.code];
  if (mapped && fields.includes(mapped.split('.')[0]) && !byField.has(mapped)) byField.set(mapped, err.message);
  if (byField.size === 0) return false;
  form.setFields([...byField].map(([name, text]) => ({ name: opts.nested ? toNamePath(name) : name, errors: [text] })));
  return true;
}
