import { ApiError } from '../../lib/api.ts';

/**
 * The server's field problems as `{ path, text }`, the text without its `path: ` prefix
 * (service errors such as ADDRESS_INVALID carry the fields in `details`, worded per language).
 */
export function serverFieldErrors(err: unknown): { path: string; text: string }[] {
  if (!(err instanceof ApiError)) return [];
  return err.fieldErrors.map((d) => ({ path: d.path, text: d.message?.startsWith(`${d.path}: `) ? d.message.slice(d.path.length + 2) : (d.message ?? err.message) }));
}

/** An address path from the server (`shipToAddress.city`) → the form field that shows it (the three levels share one cascader). */
export function addressField(path: string): string | null {
  const m = /^shipToAddress\.(\w+)/.exec(path);
  if (!m) return path === 'shipToAddress' ? 'region' : null;
  return ['province', 'city', 'district'].includes(m[1]) ? 'region' : m[1];
}
