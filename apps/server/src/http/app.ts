// The whole HTTP application as one Fastify plugin. `buildApp` creates an instance around it for
// tests (app.inject) and for src/server.ts, the only place that listens on a port.
//
// Order matters: config → shared resources (db, cache, data changes) → cross-cutting hooks (CORS, rate limit,
// compression, HTTP caching, OpenAPI's error-schema hook) → routes. Plugins registered earlier see
// routes registered later, never the other way round.
import Fastify, { LogController, type FastifyInstance, type FastifyReply, type FastifyRequest, type FastifyServerOptions } from 'fastify';
import fp from 'fastify-plugin';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Config } from '../config.js';
import type { Database } from '../db/client.js';
import type { DataChanges } from './cache/data-changes.js';
import type { ResponseStore } from './cache/store.js';
import { clientErrorHandler, errorHandler, frameworkErrorHandler, notFoundHandler } from './errors.js';
import configPlugin from './plugins/config.js';
import dbPlugin from './plugins/db.js';
import cachePlugin from './plugins/response-cache.js';
import dataChangesPlugin from './plugins/data-changes.js';
import httpCachePlugin from './plugins/http-cache.js';
import securityPlugin from './plugins/security.js';
import authPlugin from './plugins/auth.js';
import openapiPlugin from './plugins/openapi.js';
import strictRequestsPlugin from './plugins/strict-requests.js';
import healthRoutes from './routes/health.js';
import adminRoutes from './routes/admin.js';
import { ergastRoutes } from '../history/ergast/index.js';
import historyV1Routes from '../history/routes/v1/index.js';
import f1dbAdminRoutes from '../history/f1db/routes.js';
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
    await app.register(strictRequestsPlugin);
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
    await app.register(f1dbAdminRoutes, { prefix: '/api/v1/admin' });
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
  /** pretty: one line per request instead of Fastify's two JSON request records */
  logFormat?: LogFormat;
}

/** Longest URL written to the log: a 16 KB junk URL per request would otherwise fill the disk. */
export const LOGGED_URL_CHARS = 200;

export const truncatedUrl = (url: string) => (url.length > LOGGED_URL_CHARS ? `${url.slice(0, LOGGED_URL_CHARS)}… (${url.length} chars)` : url);

/** Requests as logged: Fastify's fields, the URL truncated. */
const serializers = {
  req: (request: { method: string; url: string; hostname?: string; ip?: string; socket?: { remotePort?: number } }) => ({
    method: request.method, url: truncatedUrl(request.url), hostname: request.hostname, remoteAddress: request.ip, remotePort: request.socket?.remotePort,
  }),
};

export type LogFormat = 'pretty' | 'json';

/** The log format: LOG_FORMAT when set, else pretty for a terminal and JSON for everything else. */
export function logFormatOf(config: Pick<Config, 'LOG_FORMAT'>, tty: boolean): LogFormat {
  return config.LOG_FORMAT ?? (tty ? 'pretty' : 'json');
}

/** Pino options for a log format: readable lines for people, JSON lines for log shippers. */
export function loggerOptions(config: Pick<Config, 'LOG_LEVEL'>, format: LogFormat = 'json'): FastifyServerOptions['logger'] {
  if (config.LOG_LEVEL === 'silent') return false;
  return format === 'pretty'
    ? {
        level: config.LOG_LEVEL,
        serializers,
        transport: { target: 'pino-pretty', options: { translateTime: 'HH:MM:ss', ignore: 'pid,hostname,reqId', singleLine: true, errorLikeObjectKeys: ['err', 'error'] } },
      }
    : { level: config.LOG_LEVEL, serializers };
}

/** `GET /api/v1/seasons 200 3 ms`: the one line a request gets in pretty logs. */
export function requestLine(method: string, url: string, status: number, ms: number): string {
  return `${method} ${truncatedUrl(url)} ${status} ${ms < 10 ? ms.toFixed(1) : Math.round(ms)} ms`;
}

/**
 * Fastify's request logging for pretty logs: nothing when a request arrives, one line when it is
 * answered (`GET /api/v1/seasons 200 3.1 ms`), a warning for 4xx, an error for 5xx and broken
 * responses. Errors themselves are logged with their stack by the error handler.
 */
class RequestLines extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    const line = requestLine(request.method, request.url, reply.statusCode, reply.elapsedTime);
    if (error) reply.log.error({ err: error }, line);
    else if (reply.statusCode >= 500) reply.log.error(line);
    else if (reply.statusCode >= 400) reply.log.warn(line);
    else reply.log.info(line);
  }
}

/**
 * `TRUST_PROXY` as Fastify's trustProxy: the addresses and CIDRs (or proxy-addr's names loopback,
 * linklocal, uniquelocal) whose X-Forwarded-For is believed. Default loopback: the web app's rewrite
 * and a reverse proxy on this machine; a LAN or container neighbour cannot pick its own identity.
 */
export function trustedProxies(config: Pick<Config, 'TRUST_PROXY'>): string[] {
  return config.TRUST_PROXY.split(',').map((s) => s.trim()).filter(Boolean);
}

/** Slow clients: headers must arrive within this, a whole request within REQUEST_TIMEOUT_MS. */
export const HEADERS_TIMEOUT_MS = 10_000;
export const REQUEST_TIMEOUT_MS = 60_000;

export async function buildApp(opts: BuildAppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ?? loggerOptions(opts.config, opts.logFormat),
    // Pretty logs get one line per request instead of Fastify's two records.
    ...(opts.logFormat === 'pretty' ? { logController: new RequestLines() } : {}),
    trustProxy: trustedProxies(opts.config),
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
    bodyLimit: 1024 * 1024,
    // A socket that trickles its headers (or its request) is closed instead of held for minutes.
    requestTimeout: REQUEST_TIMEOUT_MS,
    // Node checks these timeouts every connectionsCheckingInterval (30 s by default, which let
    // slow-header sockets live 75 s); checking every second enforces them within a second.
    http: { headersTimeout: HEADERS_TIMEOUT_MS, connectionsCheckingInterval: 1000 },
    frameworkErrors: frameworkErrorHandler,
    clientErrorHandler,
    // removeAdditional off: a body or query property a schema does not declare is a 400 naming it,
    // never silently dropped.
    ajv: { customOptions: { coerceTypes: 'array', removeAdditional: false, useDefaults: true, allErrors: false } },
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
