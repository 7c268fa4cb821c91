// Cross-cutting HTTP concerns from third-party plugins, configured in one place: CORS for the web
// app, a per-IP rate limit (shared by every API process through Redis when REDIS_URL is set), and
// response compression.
import fp from 'fastify-plugin';
import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import compress from '@fastify/compress';
import type { Config } from '../../config.js';
import { ApexError } from '../errors.js';
import { sharedRateLimitStore } from '../rate-limit-store.js';
import { installationIdentity, OptionalRedis, redisNamespace } from '../redis.js';

/** Origins allowed to call the API from a browser: WEB_ORIGIN (comma-separated, or *) or the local web app. */
export function corsOrigins(config: Pick<Config, 'WEB_ORIGIN' | 'WEB_PORT'>): string[] | '*' {
  if (config.WEB_ORIGIN?.trim() === '*') return '*';
  if (config.WEB_ORIGIN) return config.WEB_ORIGIN.split(',').map((o) => o.trim()).filter(Boolean);
  return [`http://localhost:${config.WEB_PORT}`, `http://127.0.0.1:${config.WEB_PORT}`];
}

const loopback = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/**
 * The machine's own clients (the person running ApexData, its test suites, the web app's server
 * side) are never limited; remote clients get APEX_RATE_LIMIT requests per minute.
 */
export function isLoopback(ip: string): boolean {
  return loopback.has(ip) || ip.startsWith('127.');
}

export default fp(
  async (app) => {
    const { config } = app;
    const origins = corsOrigins(config);
    await app.register(cors, {
      origin: origins === '*' ? '*' : origins,
      methods: ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'OPTIONS'],
      allowedHeaders: ['Authorization', 'Content-Type', 'If-None-Match', 'Accept', 'Accept-Encoding'],
      exposedHeaders: ['ETag', 'Cache-Control', 'Retry-After', 'X-RateLimit-Limit', 'X-RateLimit-Remaining', 'X-RateLimit-Reset'],
      maxAge: 600,
      // An OPTIONS request that is not a CORS preflight gets a plain 204, not a text/plain 400.
      strictPreflight: false,
    });

    if (config.APEX_RATE_LIMIT > 0) {
      // With Redis every API process draws on one budget per client.
      const redis = config.REDIS_URL
        ? new OptionalRedis({ url: config.REDIS_URL, timeoutMs: 250, logger: app.log, user: 'rate limit', whenDown: 'counting per process until it is back' })
        : undefined;
      if (redis) {
        app.addHook('onClose', async () => redis.close());
        // Bounded by the connect timeout; then the first requests are already counted in Redis.
        await redis.settled();
      }
      await app.register(rateLimit, {
        ...(redis ? { store: sharedRateLimitStore(redis, redisNamespace('rl', installationIdentity(config))) } : {}),
        global: true,
        max: config.APEX_RATE_LIMIT,
        timeWindow: 60_000,
        allowList: (request) => isLoopback(request.ip),
        errorResponseBuilder: (_request, ctx) =>
          new ApexError('APX_ERR_RATE_LIMITED', `rate limit of ${ctx.max} requests per minute exceeded; retry in ${ctx.after}`),
      });
    }

    await app.register(compress, { global: true, threshold: 1024, encodings: ['br', 'gzip', 'deflate'] });
  },
  { name: 'security', dependencies: ['config'], fastify: '5.x' },
);
