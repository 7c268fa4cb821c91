// The Ergast-compatible surface as a Fastify plugin; mount it with `{ prefix: '/ergast/f1' }`.
//
// One catch-all route: the grammar (grammar.ts) decides what a path means, so every combination of
// filters Ergast and Jolpica accept works without a route per combination. Responses of finished
// seasons are immutable and go through the app's HTTP cache when it is registered.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../db/client.js';
import { cachePolicies, seasonCachePolicy } from '../../http/plugins/http-cache.js';
import { parsePaging } from './grammar.js';
import { handleErgast } from './handler.js';

export { handleErgast } from './handler.js';
export { parseErgastPath, checkErgastPath, parsePaging } from './grammar.js';

export interface ErgastRoutesOptions {
  /** Defaults to the app's `db` decorator. */
  db?: Db;
}

function decodePath(raw: string): string | null {
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}

export const ergastRoutes: FastifyPluginAsync<ErgastRoutesOptions> = async (app, opts) => {
  const db = () => {
    const found = opts.db ?? (app.hasDecorator('db') ? app.db : undefined);
    if (!found) throw new Error('ergastRoutes: no database (pass { db } or register the db plugin first)');
    return found;
  };

  const handler = async (request: FastifyRequest, reply: FastifyReply) => {
    const rawPath = request.url.split('?', 1)[0]!;
    const prefixAt = rawPath.toLowerCase().indexOf('/ergast/f1');
    const tail = prefixAt < 0 ? '' : rawPath.slice(prefixAt + '/ergast/f1'.length);
    const path = decodePath(tail);
    const url = `${request.protocol}://${request.host}${rawPath}`.toLowerCase();
    const res =
      path === null
        ? { status: 404 as const, body: { detail: 'Not found.', error: { code: 'APX_ERR_ROUTE_NOT_FOUND', message: 'malformed path' } } }
        : await handleErgast(db(), { path, url, paging: parsePaging(request.query as Record<string, unknown>) });
    if (res.status === 200 && typeof reply.cacheable === 'function') {
      reply.cacheable(res.season === undefined ? cachePolicies.recent : seasonCachePolicy(res.season));
    }
    return reply.code(res.status).type('application/json; charset=utf-8').send(res.body);
  };

  const routeOptions = {
    config: { httpCache: true },
    schema: {
      hide: true,
      // Only paging takes part in the response (and in cache keys); other parameters are dropped.
      querystring: { type: 'object', properties: { limit: {}, offset: {} }, additionalProperties: false },
    },
  } as const;
  app.get('/', routeOptions, handler);
  app.get('/*', routeOptions, handler);
};

export default ergastRoutes;
