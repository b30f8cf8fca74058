import type { FieldError } from '../../contracts/errors.ts';
import i18n, { currentLanguage } from '../i18n/index.ts';

/**
 * The one way the browser talks to the server: same-origin JSON with the session cookie,
 * the CSRF token on state-changing requests and the UI language in Accept-Language, so the
 * server's error `message` arrives already worded for the user.
 */
let csrfToken: string | null = null;
let onSessionProblem: (() => void) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when a request shows the session is gone or its CSRF token is stale. */
export function setSessionProblemHandler(fn: () => void): void {
  onSessionProblem = fn;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: unknown = null,
    readonly requestId: string | null = null,
  ) {
    super(message);
  }

  /** Field-level problems (`details: [{ path, code, message }]`), if the server sent any. */
  get fieldErrors(): FieldError[] {
    if (!Array.isArray(this.details)) return [];
    return this.details.filter((d): d is FieldError => typeof d === 'object' && d !== null && typeof (d as FieldError).path === 'string');
  }
}

type Query = Record<string, string | number | boolean | null | undefined>;

function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const s = params.toString();
  return s ? `${path}?${s}` : path;
}

async function request<T>(method: string, path: string, body?: unknown, query?: Query): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': currentLanguage() };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(withQuery(path, query), { method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new ApiError(0, 'NETWORK_ERROR', i18n.t('errors.network'));
  }
  const text = await res.text();
  let data: unknown = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = null;
  }
  if (!res.ok) {
    const b = (data ?? {}) as { code?: string; message?: string; details?: unknown; requestId?: string };
    const fallback = i18n.t('errors.http', { status: res.status });
    const err = new ApiError(res.status, b.code ?? `HTTP_${res.status}`, b.message ?? fallback, b.details ?? null, b.requestId ?? null);
    // 401: the session ended. CSRF_INVALID: the session was rotated (e.g. signed in again in
    // another tab), so the token we hold is stale. Either way, re-ask who we are.
    if ((res.status === 401 || err.code === 'CSRF_INVALID') && path !== '/api/auth/me' && path !== '/api/auth/login') onSessionProblem?.();
    throw err;
  }
  return data as T;
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', path, undefined, query),
  post: <T>(path: string, body: unknown = {}) => request<T>('POST', path, body),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  delete: <T>(path: string) => request<T>('DELETE', path),
};
