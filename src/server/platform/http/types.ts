import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from '../../config.ts';
import type { DbHandle } from '../db/database.ts';
import type { LiveHub } from '../live.ts';

/** Fastify typed by the zod provider: route handlers get parsed, typed input. */
export type App = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, ZodTypeProvider>;

/** What every module is built from. */
export interface AppContext {
  config: Config;
  handle: DbHandle;
  live: LiveHub;
  log: FastifyBaseLogger;
}
