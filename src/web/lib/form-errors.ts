import type { FormInstance } from 'antd';
import i18n from '../i18n/index.ts';
import { ApiError } from './api.ts';

/**
 * Puts the server's field errors next to the fields they name, so input is never lost and
 * the user sees which field to fix. Schema errors arrive as `path: message` (already in the
 * user's language); business errors (`USERNAME_TAKEN`) carry the field in `details[].path`
 * and the words in the top-level `message`. `codeFields` maps codes that name no field
 * (e.g. `PASSWORD_TOO_WEAK`) to the field they are about.
 * Returns true when at least one field got an error; the caller shows the rest.
 */
export function applyServerErrors(form: FormInstance, err: unknown, fields: readonly string[], codeFields: Record<string, string> = {}): boolean {
  if (!(err instanceof ApiError)) return false;
  const byField = new Map<string, string>();
  for (const d of err.fieldErrors) {
    const field = d.path.split('.')[0];
    if (!fields.includes(field) || byField.has(field)) continue;
    let text = err.message;
    if (err.code === 'VALIDATION_FAILED') {
      const prefix = `${d.path}: `;
      if (d.code === 'not_found') text = i18n.t('validation.notFound');
      else text = d.message.startsWith(prefix) ? d.message.slice(prefix.length) : d.message;
    }
    byField.set(field, text);
  }
  const mapped = codeFields[err.code];
  if (mapped && fields.includes(mapped) && !byField.has(mapped)) byField.set(mapped, err.message);
  if (byField.size === 0) return false;
  form.setFields([...byField].map(([name, text]) => ({ name, errors: [text] })));
  return true;
}
