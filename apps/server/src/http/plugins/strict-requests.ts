// What a request may carry, enforced for every route in one place:
//
// - Query parameters a route does not declare are a 400 on /api/v1 (its querystring schema gets
//   `additionalProperties: false`; a route without one accepts none). Otherwise `?foo=1`, `?foo=2`,
//   … would each be a new response-cache key and a trip to the database: unique junk parameters
//   were a way around the cache. The Ergast surface ignores unknown parameters, as Jolpica does;
//   its cache key holds only the declared ones (http-cache.ts, cacheKey).
// - Numbers in paths and queries are written the canonical way: `20`, not `20.0`, `+20`, `0x14`,
//   `1e1` or `Infinity`, which Ajv's type coercion would otherwise accept as 20 (or ∞).
// - A method a path does not support is a 405 naming the ones it does (Allow), not a 404.
import fp from 'fastify-plugin';
import type { FastifyRequest, RouteOptions } from 'fastify';
import { apexError, errorBody } from '../errors.js';

type Schema = { type?: unknown; properties?: Record<string, Schema>; additionalProperties?: unknown; items?: Schema; anyOf?: Schema[] };

/** Routes whose unknown query parameters are refused (the rest ignore them). */
export const STRICT_QUERY_PREFIX = '/api/v1/';

/** The route's querystring schema with unknown parameters refused (a copy: schemas may be shared). */
export function strictQuerystring(schema: Schema | undefined): Schema {
  if (!schema) return { type: 'object', properties: {}, additionalProperties: false };
  if (schema.type !== 'object' || schema.additionalProperties !== undefined) return schema;
  return { ...schema, additionalProperties: false };
}

const INTEGER = /^-?\d+$/;
const NUMBER = /^-?\d+(\.\d+)?$/;

/** 'integer' | 'number' when the schema is (or may be) a number, else null. */
function numericType(schema: Schema | undefined): 'integer' | 'number' | null {
  if (!schema) return null;
  if (schema.type === 'integer' || schema.type === 'number') return schema.type;
  if (schema.type === 'array') return numericType(schema.items);
  if (Array.isArray(schema.anyOf)) {
    const kinds = schema.anyOf.map(numericType);
    // A union that also takes strings (e.g. 'latest' | integer) validates its own strings.
    return kinds.every((k) => k !== null) ? (kinds.includes('number') ? 'number' : 'integer') : null;
  }
  return null;
}

/** The first value of `raw` written other than as a canonical number where the schema wants one. */
export function nonCanonicalNumber(raw: Record<string, unknown> | undefined, schema: Schema | undefined): { name: string; value: string; type: 'integer' | 'number' } | null {
  if (!raw || !schema?.properties) return null;
  for (const [name, prop] of Object.entries(schema.properties)) {
    const type = numericType(prop);
    const value = raw[name];
    if (!type || value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) {
      if (typeof v === 'string' && !(type === 'integer' ? INTEGER : NUMBER).test(v)) return { name, value: v, type };
    }
  }
  return null;
}

/** `/api/v1/sessions/:year/load` → a RegExp matching its paths. */
function pathPattern(url: string): RegExp {
  const body = url
    .split('/')
    .map((part) => (part.startsWith(':') ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return new RegExp(`^${body}/?$`);
}

export default fp(
  async (app) => {
    const routes: { pattern: RegExp; method: string }[] = [];

    app.addHook('onRoute', (route: RouteOptions) => {
      const methods = Array.isArray(route.method) ? route.method : [route.method];
      // Catch-alls (CORS preflight `OPTIONS *`, static files) say nothing about which methods a path has.
      if (!route.url.includes('*')) for (const method of methods) if (method !== 'OPTIONS') routes.push({ pattern: pathPattern(route.url), method });
      if (!route.url.startsWith(STRICT_QUERY_PREFIX) || !methods.some((m) => m === 'GET' || m === 'HEAD')) return;
      route.schema = { ...route.schema, querystring: strictQuerystring(route.schema?.querystring as Schema | undefined) };
    });

    app.addHook('preValidation', async (request: FastifyRequest) => {
      const schema = request.routeOptions.schema as { params?: Schema; querystring?: Schema } | undefined;
      if (!schema) return;
      const bad = nonCanonicalNumber(request.params as Record<string, unknown>, schema.params) ?? nonCanonicalNumber(request.query as Record<string, unknown>, schema.querystring);
      if (bad) {
        const part = schema.params?.properties?.[bad.name] && (request.params as Record<string, unknown>)[bad.name] !== undefined ? 'params' : 'querystring';
        throw apexError('APX_ERR_VALIDATION', `${part}/${bad.name} must be ${bad.type === 'integer' ? 'a whole number written in digits' : 'a finite decimal number'} (got '${bad.value.slice(0, 40)}')`);
      }
    });

    /** Methods routed for this path (HEAD comes with GET). */
    app.decorate('allowedMethods', (path: string): string[] => {
      const found = new Set(routes.filter((r) => r.pattern.test(path)).map((r) => r.method));
      return [...found].sort();
    });
  },
  { name: 'strict-requests', fastify: '5.x' },
);

declare module 'fastify' {
  interface FastifyInstance {
    /** Methods some route answers for this path (empty: no route has it). */
    allowedMethods(path: string): string[];
  }
}

/** 405 with Allow when the path exists under other methods, else the usual 404. */
export function methodNotAllowedBody(method: string, path: string, allowed: readonly string[]) {
  return errorBody({ code: 'APX_ERR_METHOD_NOT_ALLOWED', message: `${method} is not supported on ${path.length > 200 ? `${path.slice(0, 200)}…` : path}; use ${allowed.join(', ')}` });
}
