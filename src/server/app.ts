import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify from 'fastify';
import { jsonSchemaTransform, serializerCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from './config.ts';
import type { DbHandle } from './platform/db/database.ts';
import { registerErrorHandling, validatorCompiler } from './platform/http/errors.ts';
import { registerIdempotency } from './platform/http/idempotency.ts';
import { registerUploads } from './platform/http/upload.ts';
import type { App, AppContext } from './platform/http/types.ts';
import { LiveHub } from './platform/live.ts';
import { newId } from './platform/ids.ts';
import { registerAdmin } from './modules/admin/index.ts';
import { registerAuth } from './modules/auth/index.ts';
import { registerNotifications } from './modules/notifications/index.ts';
import { customerFileReferrer, registerCustomers } from './modules/customers/index.ts';
import { registerRequirements, requirementFileReferrer } from './modules/requirements/index.ts';
import { registerPortal } from './modules/portal/index.ts';
import { registerCatalog } from './modules/catalog/index.ts';
import { registerInventory } from './modules/inventory/index.ts';
import { registerApprovals } from './modules/approvals/index.ts';
import { orderFileReferrer, registerOrders } from './modules/orders/index.ts';
import { registerFiles } from './modules/files/index.ts';
import { registerShipping, shipmentFileReferrer } from './modules/shipping/index.ts';
import { registerWorkbench } from './modules/workbench/index.ts';
import { registerResponsibility } from './modules/responsibility/index.ts';
import { registerStageEngine } from './modules/stages/index.ts';
import { registerSla } from './modules/sla/index.ts';
import { registerProduction } from './modules/production/index.ts';
import { registerViews } from './modules/views/index.ts';
import { demoAccountList } from './demo/accounts.ts';

export const VERSION = '0.1.0';
export const webRoot = resolve(import.meta.dirname, '../../dist/web');

export interface BuildOptions {
  config: Config;
  handle: DbHandle;
  live?: LiveHub;
  logger?: boolean | object;
}

/** Builds the HTTP app: platform plugins, then each module's routes. Starts nothing. */
export async function buildApp(opts: BuildOptions) {
  const { config, handle } = opts;
  const fastify = Fastify({
    logger: opts.logger ?? { level: config.logLevel },
    genReqId: () => newId(),
    requestIdHeader: 'x-request-id',
    bodyLimit: 10 * 1024 * 1024,
    trustProxy: process.env.GENDAN_TRUST_PROXY === '1',
    // Idle keep-alive and preconnected sockets must not hold up shutdown.
    forceCloseConnections: true,
  }).withTypeProvider<ZodTypeProvider>();
  const app = fastify as unknown as App;
  // The route table (method, path, declared permission): the access-matrix proof is generated from it.
  const routes: { method: string; url: string; permission?: string; public?: boolean }[] = [];
  app.addHook('onRoute', (r) => {
    const cfg = r.config as { permission?: string; public?: boolean } | undefined;
    for (const method of [r.method].flat()) if (method !== 'HEAD') routes.push({ method, url: r.url, permission: cfg?.permission, public: cfg?.public });
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });
  registerErrorHandling(app);

  await app.register(fastifyCookie);
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'Gendan API', description: '跟单 — sales order tracking. Money in fen, quantities with ≤ 3 decimals, times ISO-8601 UTC.', version: VERSION },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          session: { type: 'apiKey', in: 'cookie', name: 'gendan_sid' },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list' } });

  const live = opts.live ?? new LiveHub();
  const ctx: AppContext = { config, handle, live, log: app.log };

  app.get('/api/health', { config: { public: true }, schema: { tags: ['platform'], response: { 200: z.object({ status: z.literal('ok'), db: z.enum(['sqlite', 'postgres']), version: z.string() }) } } }, async () => ({
    status: 'ok' as const,
    db: handle.dialect,
    version: VERSION,
  }));
  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());

  registerStageEngine();
  const auth = registerAuth(app, ctx, config.demo ? demoAccountList : []);
  registerIdempotency(app, handle.db);
  registerUploads(app);
  const services = {
    auth,
    admin: registerAdmin(app, ctx),
    notifications: registerNotifications(app, ctx),
    customers: registerCustomers(app, ctx),
    requirements: registerRequirements(app, ctx),
    catalog: registerCatalog(app, ctx),
    inventory: registerInventory(app, ctx),
    approvals: registerApprovals(app, ctx),
    files: registerFiles(app, ctx),
    sla: registerSla(app, ctx),
    views: registerViews(app, ctx),
  };
  const orders = registerOrders(app, ctx, { approvals: services.approvals, requirements: services.requirements });
  const shipping = registerShipping(app, ctx);
  for (const referrer of [customerFileReferrer, requirementFileReferrer, orderFileReferrer, shipmentFileReferrer]) services.files.addReferrer(referrer(handle.db));
  registerPortal(app, ctx, { requirements: services.requirements, orders: shipping.portal, linkScope: { requirement: services.requirements.assertVisible, order: orders.assertVisible, order_revision: orders.revisionPortal.assertVisible, customer: async (actor, id) => void (await services.customers.customers.get(actor, id)) }, revisions: orders.revisionPortal, files: services.files });
  registerWorkbench(app, ctx, { exceptions: shipping.exceptions });
  registerResponsibility(app, ctx);
  registerProduction(app, ctx, { orders });

  if (existsSync(resolve(webRoot, 'index.html'))) {
    await app.register(fastifyStatic, { root: webRoot, wildcard: false, index: ['index.html'] });
    // Client-side routes fall back to the SPA shell; unknown API paths stay JSON 404s.
    app.get('/*', { config: { public: true }, schema: { hide: true } }, (req, reply) => {
      if (req.url.startsWith('/api/')) return reply.callNotFound();
      // Assets built after start-up (a rebuild while running) are not in the static route table.
      const path = req.url.split('?')[0];
      if (path.startsWith('/assets/') && !path.includes('..') && existsSync(resolve(webRoot, `.${path}`))) return reply.sendFile(path.slice(1));
      return reply.sendFile('index.html');
    });
  }
  return { app, ctx, routes, services: { ...services, orders, shipping } };
}
