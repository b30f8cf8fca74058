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

export type Query = Record<string, string | number | boolean | null | undefined>;

function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const s = params.toString();
  return s ? `${path}?${s}` : path;
}

/** A file sent as the raw request body (uploads, Excel imports). */
interface RawBody {
  blob: Blob;
  contentType: string;
}

async function send(method: string, path: string, body?: unknown, query?: Query, accept = 'application/json'): Promise<Response> {
  const headers: Record<string, string> = { Accept: accept, 'Accept-Language': currentLanguage() };
  const raw = body && typeof body === 'object' && 'blob' in body && (body as RawBody).blob instanceof Blob ? (body as RawBody) : null;
  if (raw) headers['Content-Type'] = raw.contentType;
  else if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  try {
    return await fetch(withQuery(path, query), { method, headers, credentials: 'same-origin', body: raw ? raw.blob : body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new ApiError(0, 'NETWORK_ERROR', i18n.t('errors.network'));
  }
}

async function request<T>(method: string, path: string, body?: unknown, query?: Query): Promise<T> {
  const res = await send(method, path, body, query);
  if (!res.ok) await fail(res, path);
  const text = await res.text();
  try {
    return (text ? JSON.parse(text) : null) as T;
  } catch {
    return null as T;
  }
}

async function fail(res: Response, path: string): Promise<never> {
  const text = await res.text();
  let data: unknown = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = null;
  }
  const b = (data ?? {}) as { code?: string; message?: string; details?: unknown; requestId?: string };
  const fallback = i18n.t('errors.http', { status: res.status });
  const err = new ApiError(res.status, b.code ?? `HTTP_${res.status}`, b.message ?? fallback, b.details ?? null, b.requestId ?? null);
  // 401: the session ended. CSRF_INVALID: the session was rotated (e.g. signed in again in
  // another tab), so the token we hold is stale. Either way, re-ask who we are.
  if ((res.status === 401 || err.code === 'CSRF_INVALID') && path !== '/api/auth/me' && path !== '/api/auth/login') onSessionProblem?.();
  throw err;
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', path, undefined, query),
  post: <T>(path: string, body: unknown = {}) => request<T>('POST', path, body),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  delete: <T>(path: string) => request<T>('DELETE', path),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  /** Sends a file as the raw body (e.g. an .xlsx import) and reads the JSON answer. */
  upload: <T>(path: string, blob: Blob, contentType: string, query?: Query) => request<T>('POST', path, { blob, contentType } satisfies RawBody, query),
  /** A file the server generates (templates, exports), in the UI language. */
  download: async (path: string, query?: Query): Promise<Blob> => {
    const res = await send('GET', path, undefined, query, '*/*');
    if (!res.ok) await fail(res, path);
    return res.blob();
  },
};

/** Hands a downloaded file to the browser as a normal download. */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
