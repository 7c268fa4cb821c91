// The Ergast-compatible surface as a Fastify plugin; mount it with `{ prefix: '/ergast/f1' }`.
//
// One catch-all route: the grammar (grammar.ts) decides what a path means, so every combination of
// filters Ergast and Jolpica accept works without a route per combination. Responses of finished
// seasons are immutable and go through the app's HTTP cache when it is registered.
import { Type } from '@sinclair/typebox';
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
  /** Today's date for `current`, `next` and `last` (tests pin it); defaults to the system clock. */
  now?: () => Date;
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
        : await handleErgast(db(), { path, url, paging: parsePaging(request.query as Record<string, unknown>), now: opts.now?.() });
    if (res.status === 200 && typeof reply.cacheable === 'function') {
      reply.cacheable(res.season === undefined ? cachePolicies.recent : seasonCachePolicy(res.season));
    }
    return reply.code(res.status).type('application/json; charset=utf-8').send(res.body);
  };

  const MRData = Type.Object(
    {
      MRData: Type.Object(
        {
          xmlns: Type.String(),
          series: Type.String(),
          url: Type.String(),
          limit: Type.String(),
          offset: Type.String(),
          total: Type.String({ description: 'rows (results, timings, pit stops, standings…), not races' }),
        },
        { additionalProperties: true, description: 'plus one `…Table` holding the filter echo and the list' },
      ),
    },
    { description: 'Ergast MRData envelope: every scalar is a string, empty values are omitted' },
  );
  const ErgastError = Type.Object(
    {
      detail: Type.String({ description: "Jolpica's text, e.g. 'Bad Request: Unsupported filter for endpoint.'" }),
      error: Type.Object({ code: Type.String(), message: Type.String() }),
    },
    { description: 'Ergast/Jolpica clients read `detail`; `error` is the ApexData error shape' },
  );
  const querystring = Type.Object(
    {
      limit: Type.Optional(Type.Unknown({ description: 'rows per page: default 30, at most 100' })),
      offset: Type.Optional(Type.Unknown({ description: 'rows to skip (default 0)' })),
    },
    // Only paging takes part in the response and in cache keys (http-cache.ts keys by declared
    // parameters); others are ignored, as Jolpica does, never refused.
    { additionalProperties: true },
  );
  const routeOptions = {
    config: { httpCache: true },
    schema: {
      tags: ['ergast'],
      summary: 'Ergast/Jolpica-compatible API (any path of its grammar)',
      description:
        'Path: `[{season|current}[/{round|next|last}]/]` then any of `circuits/{id}`, `constructors/{id}`, ' +
        '`drivers/{id}`, `grid/{n}`, `results/{n}`, `fastest/{n}`, `status/{n}`, `laps/{n}`, `qualifying/{n}`, ' +
        '`sprint/{n}`, `driverStandings/{n}`, `constructorStandings/{n}`, ending in one of `seasons`, `races`, ' +
        '`circuits`, `constructors`, `drivers`, `results`, `sprint`, `qualifying`, `laps`, `pitstops`, `status`, ' +
        '`driverStandings`, `constructorStandings` (optionally `/{value}`), with or without `.json`. ' +
        'Example: `/ergast/f1/2023/5/results.json`, `/ergast/f1/drivers/alonso/constructors/renault/grid/1/circuits.json`.',
      params: Type.Object({ '*': Type.String({ description: 'the Ergast path, e.g. `2023/5/results.json`' }) }),
      querystring,
      response: { 200: MRData, '4xx': ErgastError },
    },
  };
  const { params: _params, ...rootSchema } = routeOptions.schema;
  const rootOptions = { ...routeOptions, schema: { ...rootSchema, hide: true } };
  app.get('/', rootOptions, handler);
  app.get('/*', routeOptions, handler);
};

export default ergastRoutes;
