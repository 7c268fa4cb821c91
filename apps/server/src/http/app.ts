// The whole HTTP application as one Fastify plugin. `buildApp` creates an instance around it for
// tests (app.inject) and for src/server.ts, the only place that listens on a port.
//
// Order matters: config → shared resources (db, cache, data changes) → cross-cutting hooks (CORS, rate limit,
// compression, HTTP caching, OpenAPI's error-schema hook) → routes. Plugins registered earlier see
// routes registered later, never the other way round.
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import fp from 'fastify-plugin';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Config } from '../config.js';
import type { Database } from '../db/client.js';
import type { DataChanges } from './cache/data-changes.js';
import type { ResponseStore } from './cache/store.js';
import { errorHandler, frameworkErrorHandler, notFoundHandler } from './errors.js';
import configPlugin from './plugins/config.js';
import dbPlugin from './plugins/db.js';
import cachePlugin from './plugins/response-cache.js';
import dataChangesPlugin from './plugins/data-changes.js';
import httpCachePlugin from './plugins/http-cache.js';
import securityPlugin from './plugins/security.js';
import authPlugin from './plugins/auth.js';
import openapiPlugin from './plugins/openapi.js';
import healthRoutes from './routes/health.js';
import adminRoutes from './routes/admin.js';
import { ergastRoutes } from '../history/ergast/index.js';
import historyV1Routes from '../history/routes/v1/index.js';
import jobRoutes, { jobsPlugin } from '../jobs/routes.js';
import sessionRoutes from '../sessions/routes/index.js';
import historyAnalyticsRoutes from '../analytics/history-routes.js';
import livePlugin, { type LiveOptions } from '../live/plugin.js';
import liveRoutes from '../live/routes.js';

export interface AppOptions {
  config: Config;
  /** an open, migrated database owned by the caller; default: open the configured one */
  database?: Database;
  /** a response store owned by the caller; default: from REDIS_URL */
  cacheStore?: ResponseStore;
  /** a started view of data changes owned by the caller; default: one listening on the database */
  dataChanges?: DataChanges;
  /** live timing: injected sources and bounds (tests) */
  live?: LiveOptions;
}

export const apexApp = fp<AppOptions>(
  async (app, opts) => {
    app.setErrorHandler(errorHandler);

    await app.register(configPlugin, { config: opts.config });
    await app.register(dbPlugin, { database: opts.database });
    await app.register(cachePlugin, { store: opts.cacheStore });
    await app.register(dataChangesPlugin, { dataChanges: opts.dataChanges });
    // http-cache before security: its onRoute hook must see routes before @fastify/compress does.
    await app.register(httpCachePlugin);
    await app.register(securityPlugin);
    await app.register(authPlugin);
    await app.register(openapiPlugin);
    await app.register(jobsPlugin);
    await app.register(livePlugin, opts.live ?? {});

    // Unknown URLs are rate-limited like real ones so they cannot be used to probe for free.
    app.setNotFoundHandler(app.hasDecorator('rateLimit') ? { preHandler: app.rateLimit() } : {}, notFoundHandler);

    // ── Route plugins ─────────────────────────────────────────────────────────────────────────
    // Each capability exports one plugin; mount it here under its prefix.
    await app.register(healthRoutes);
    await app.register(adminRoutes, { prefix: '/api/v1/admin' });
    await app.register(historyV1Routes, { prefix: '/api/v1' });
    await app.register(historyAnalyticsRoutes, { prefix: '/api/v1' });
    await app.register(jobRoutes, { prefix: '/api/v1' });
    await app.register(sessionRoutes, { prefix: '/api/v1/sessions' });
    await app.register(liveRoutes, { prefix: '/api/v1/live' });
    await app.register(ergastRoutes, { prefix: '/ergast/f1' });
  },
  { name: 'apexdata', fastify: '5.x' },
);

export interface BuildAppOptions extends AppOptions {
  logger?: FastifyServerOptions['logger'];
}

/** Pino options for a config: pretty lines on a terminal, JSON otherwise (for log shippers). */
export function loggerOptions(config: Pick<Config, 'LOG_LEVEL'>, pretty = false): FastifyServerOptions['logger'] {
  if (config.LOG_LEVEL === 'silent') return false;
  return pretty
    ? { level: config.LOG_LEVEL, transport: { target: 'pino-pretty', options: { translateTime: 'HH:MM:ss', ignore: 'pid,hostname' } } }
    : { level: config.LOG_LEVEL };
}

export async function buildApp(opts: BuildAppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ?? loggerOptions(opts.config),
    // Trust X-Forwarded-For only from proxies on this machine or a private network (the web app's
    // rewrite, a reverse proxy, docker), so rate limits apply to the real client.
    trustProxy: ['loopback', 'linklocal', 'uniquelocal'],
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
    bodyLimit: 1024 * 1024,
    frameworkErrors: frameworkErrorHandler,
    ajv: { customOptions: { coerceTypes: 'array', removeAdditional: true, useDefaults: true, allErrors: false } },
  }).withTypeProvider<TypeBoxTypeProvider>();
  await app.register(apexApp, {
    config: opts.config,
    database: opts.database,
    cacheStore: opts.cacheStore,
    dataChanges: opts.dataChanges,
    live: opts.live,
  });
  return app as unknown as FastifyInstance;
}
