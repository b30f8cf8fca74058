import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { zhCN, en } from 'zod/v4/locales';
import { errorCatalog, errorMessage, fieldReasonMessage, type ErrorCode, type FieldError, type Locale } from '../../../contracts/errors.ts';

/** The one error type: a stable code and optional details; status and message come from the catalog. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly details: unknown = null,
  ) {
    super(code);
  }
  get status(): number {
    return errorCatalog[this.code].status;
  }
}

export const notFound = () => new AppError('NOT_FOUND');

/** Request locale: an explicit Accept-Language wins, then the user's setting, then zh-CN. */
export function requestLocale(req: FastifyRequest): Locale {
  const h = String(req.headers['accept-language'] ?? '').toLowerCase();
  if (h.startsWith('en')) return 'en-US';
  if (h.startsWith('zh')) return 'zh-CN';
  return (req.actor?.locale as Locale) ?? 'zh-CN';
}

const zodLocales = { 'zh-CN': zhCN().localeError, 'en-US': en().localeError };

/** One zod issue worded in the caller's language (imports validate rows with the API schemas). */
export function localizeIssue(issue: { code: string; input?: unknown; params?: { reason?: string } } & Record<string, unknown>, locale: Locale): string {
  const reason = issue.code === 'invalid_type' && issue.input === undefined ? 'required' : issue.params?.reason;
  const worded = (reason && fieldReasonMessage(reason, locale)) || zodLocales[locale](issue as never);
  return typeof worded === 'string' ? worded : ((worded as { message?: string })?.message ?? issue.code);
}

/** Turns schema issues into `[{ path, code, message }]` in the caller's language. */
function fieldErrors(
  validation: { instancePath: string; keyword: string; message?: string; params: Record<string, unknown> }[],
  locale: Locale,
): FieldError[] {
  return validation.map((v) => {
    const path = v.instancePath.replace(/^\//, '').split('/').filter(Boolean).join('.');
    const issue = { code: v.keyword, path: path.split('.'), ...v.params } as any;
    const reason = v.keyword === 'invalid_type' && v.params.input === undefined ? 'required' : ((v.params.params as any)?.reason as string | undefined);
    const localized = (reason && fieldReasonMessage(reason, locale)) || zodLocales[locale](issue);
    const text = typeof localized === 'string' ? localized : (localized?.message ?? v.message ?? v.keyword);
    const label = path || (locale === 'en-US' ? 'body' : '请求体');
    if (v.keyword === 'unrecognized_keys') {
      const keys = (v.params.keys as string[]) ?? [];
      return { path: [path, keys[0]].filter(Boolean).join('.'), code: v.keyword, message: text };
    }
    return { path, code: v.keyword, message: `${label}: ${text}` };
  });
}

/** Field details thrown by services as `{ path, code }` get their message in the caller's language. */
function localizeDetails(details: unknown, locale: Locale): unknown {
  if (!Array.isArray(details)) return details;
  return details.map((d) =>
    d && typeof d === 'object' && 'path' in d && 'code' in d && !('message' in d)
      ? { ...d, message: `${d.path}: ${fieldReasonMessage(String(d.code), locale, d as Record<string, unknown>) ?? d.code}` }
      : d,
  );
}

/** A field-level problem found by a service; the error handler words it. */
export const fieldError = (path: string, code: string, extra: Record<string, unknown> = {}) => ({ path, code, ...extra });

const zodMarker = Symbol.for('ZodFastifySchemaValidationError');

/**
 * Like fastify-type-provider-zod's validator, but keeps each issue's input so the error
 * handler can word the message in the caller's language ("expected string, received number").
 */
export const validatorCompiler =
  ({ schema }: { schema: any }) =>
  (data: unknown) => {
    // PostgreSQL text cannot hold U+0000: refuse it here, for every field, instead of failing in the database.
    const nul = nulPath(data);
    if (nul) return { error: [{ [zodMarker]: true, keyword: 'invalid_characters', instancePath: `/${nul.join('/')}`, schemaPath: '', message: 'NUL', params: { params: { reason: 'nul_character' } } }] };
    const result = schema.safeParse(data, { reportInput: true });
    if (result.success) return { value: result.data };
    return {
      error: result.error.issues.map((issue: any) => {
        const { path, code, message, ...params } = issue;
        return { [zodMarker]: true, keyword: code, instancePath: `/${path.join('/')}`, schemaPath: '', message, params };
      }),
    };
  };

export function registerErrorHandling(app: FastifyInstance): void {
  app.setNotFoundHandler((req, reply) => {
    const code: ErrorCode = 'ROUTE_NOT_FOUND';
    reply.code(404).send({ code, message: errorMessage(code, requestLocale(req)), details: null, requestId: req.id });
  });

  app.setErrorHandler((err: FastifyError | AppError, req, reply) => {
    const locale = requestLocale(req);
    let code: ErrorCode;
    let details: unknown = null;
    if (err instanceof AppError) {
      code = err.code;
      details = localizeDetails(err.details, locale);
    } else if (hasZodFastifySchemaValidationErrors(err)) {
      code = 'VALIDATION_FAILED';
      details = fieldErrors(err.validation as any, locale);
    } else if ((err as FastifyError).code === 'FST_ERR_CTP_INVALID_JSON_BODY' || (err as any).type === 'entity.parse.failed' || (err instanceof SyntaxError && (err as FastifyError).statusCode === 400)) {
      code = 'MALFORMED_JSON';
    } else if ((err as FastifyError).code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      code = 'PAYLOAD_TOO_LARGE';
    } else if ((err as FastifyError).statusCode && (err as FastifyError).statusCode! < 500) {
      code = 'VALIDATION_FAILED';
      details = [{ path: '', code: (err as FastifyError).code ?? 'bad_request', message: err.message }];
    } else {
      code = 'INTERNAL_ERROR';
      req.log.error({ err }, 'unhandled error');
    }
    reply.code(errorCatalog[code].status).send({ code, message: errorMessage(code, locale, details), details, requestId: req.id });
  });
}

/** The path of the first string (value or key) containing U+0000, if any. */
function nulPath(v: unknown, path: string[] = [], depth = 0): string[] | null {
  if (typeof v === 'string') return v.includes('\u0000') ? path : null;
  if (!v || typeof v !== 'object' || depth > 32) return null;
  for (const [k, x] of Object.entries(v)) {
    if (k.includes('\u0000')) return [...path, k.replace(/\u0000/g, '')];
    const p = nulPath(x, [...path, k], depth + 1);
    if (p) return p;
  }
  return null;
}
