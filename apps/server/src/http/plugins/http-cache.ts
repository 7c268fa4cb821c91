// HTTP caching for responses that do not change: strong ETags, Cache-Control, 304s, and the
// response bytes kept in the response cache keyed by route + query so a repeated request never reaches the
// database (or the serializer, or the compressor).
//
// A route opts in twice: `config: { httpCache: true }` lets a request be answered from the cache
// before the handler runs; `reply.cacheable(policy)` in the handler says how long what it returns may
// be reused. Only 200 responses are ever cached.
//
// Such routes answer from history data, so their keys carry the history generation read when the
// request arrived (app.dataChanges). A change committed by any process raises it: from then on the
// old entries are never looked up again (and are swept), and an answer that was being computed
// while the change committed is stored under the old generation, where nobody reads it.
import { createHash } from 'node:crypto';
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib';
import fp from 'fastify-plugin';
import { LRUCache } from 'lru-cache';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { CachedResponse } from '../cache/store.js';

export interface CachePolicy {
  /** seconds browsers and proxies may reuse the response */
  maxAge: number;
  /** past seasons never change: browsers need not even revalidate */
  immutable: boolean;
  /** seconds the server keeps the bytes in Redis/LRU */
  serverTtl: number;
}

export const cachePolicies = {
  /** data of a finished season */
  immutable: { maxAge: 86_400, immutable: true, serverTtl: 86_400 },
  /** data that may change after the next race or sync */
  current: { maxAge: 60, immutable: false, serverTtl: 60 },
  /** aggregates across seasons (careers, lists): change at most once per race weekend */
  recent: { maxAge: 300, immutable: false, serverTtl: 300 },
} as const satisfies Record<string, CachePolicy>;

/** Seasons before the current calendar year are finished and immutable. */
export function seasonCachePolicy(year: number, now: Date = new Date()): CachePolicy {
  return year < now.getUTCFullYear() ? cachePolicies.immutable : cachePolicies.current;
}

export function cacheControlHeader(p: CachePolicy): string {
  return `public, max-age=${p.maxAge}${p.immutable ? ', immutable' : ''}`;
}

export function strongEtag(body: Buffer | string): string {
  return `"${createHash('sha1').update(body).digest('base64url')}"`;
}

/** If-None-Match uses weak comparison (RFC 9110 §13.1.2): W/ prefixes are ignored. */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  const bare = etag.replace(/^W\//, '');
  return ifNoneMatch.split(',').some((t) => t.trim().replace(/^W\//, '') === bare);
}

function parseAcceptEncoding(header: string): { br: boolean; gzip: boolean } {
  const accepted = new Map<string, number>();
  for (const part of header.toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    accepted.set(name!.trim(), q ? Number(q.slice(2)) || 0 : 1);
  }
  const ok = (enc: string) => (accepted.get(enc) ?? accepted.get('*') ?? 0) > 0;
  return { br: ok('br'), gzip: ok('gzip') };
}

// Clients send a handful of distinct Accept-Encoding values; parse each once.
const acceptEncodingCache = new Map<string, { br: boolean; gzip: boolean }>();

/** The precompressed variant to send, preferring brotli; undefined = identity. */
export function pickEncoding(acceptEncoding: string | undefined, entry: Pick<CachedResponse, 'gzip' | 'br'>): 'br' | 'gzip' | undefined {
  if (!acceptEncoding || (!entry.br && !entry.gzip)) return undefined;
  let accepted = acceptEncodingCache.get(acceptEncoding);
  if (!accepted) {
    accepted = parseAcceptEncoding(acceptEncoding);
    if (acceptEncodingCache.size >= 256) acceptEncodingCache.clear();
    // Real clients send short values; a 16 KB header is parsed each time rather than kept.
    if (acceptEncoding.length <= 256) acceptEncodingCache.set(acceptEncoding, accepted);
  }
  if (entry.br && accepted.br) return 'br';
  if (entry.gzip && accepted.gzip) return 'gzip';
  return undefined;
}

const COMPRESS_MIN_BYTES = 1024;

export function buildEntry(body: Buffer, contentType: string, policy: CachePolicy, now = Date.now()): CachedResponse {
  const entry: CachedResponse = {
    body,
    etag: strongEtag(body),
    contentType,
    cacheControl: cacheControlHeader(policy),
    expiresAt: now + policy.serverTtl * 1000,
  };
  if (body.length >= COMPRESS_MIN_BYTES) {
    entry.gzip = gzipSync(body, { level: 6 });
    entry.br = brotliCompressSync(body, {
      params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 5, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: body.length },
    });
  }
  return entry;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** answer GET/HEAD from the response cache when a fresh copy exists */
    httpCache?: boolean;
  }
  interface FastifyReply {
    /** Mark this 200 response as cacheable: ETag, Cache-Control, 304s and server-side caching. */
    cacheable(policy: CachePolicy): FastifyReply;
  }
}

const kPolicy = Symbol('apex.cachePolicy');
const kHit = Symbol('apex.cacheHit');
const kKey = Symbol('apex.cacheKey');
type CacheReply = FastifyReply & { [kPolicy]?: CachePolicy | null; [kHit]?: boolean; [kKey]?: string | null };

function sorted(v: unknown): unknown {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
  return Object.fromEntries(Object.keys(v).sort().map((k) => [k, (v as Record<string, unknown>)[k]]));
}

/** Only the query parameters the route declares: undeclared ones (ignored, or refused on /api/v1) never reach a key. */
function declaredQuery(request: Pick<FastifyRequest, 'routeOptions' | 'query'>): unknown {
  const query = request.query as Record<string, unknown> | null | undefined;
  if (!query || typeof query !== 'object') return {};
  const declared = (request.routeOptions.schema?.querystring as { properties?: Record<string, unknown> } | undefined)?.properties;
  if (!declared) return {};
  return Object.fromEntries(Object.keys(query).filter((k) => k in declared).sort().map((k) => [k, query[k]]));
}

/**
 * The key is built from the validated route params and the declared query parameters, not the raw
 * URL, so `?a=1&b=2` and `?b=2&a=1` share an entry and junk in the URL cannot mint new keys.
 */
export function cacheKey(request: Pick<FastifyRequest, 'routeOptions' | 'params' | 'query'>): string {
  return `${request.routeOptions.url}|${JSON.stringify(sorted(request.params))}|${JSON.stringify(declaredQuery(request))}`;
}

/**
 * Raw URL → what it was answered from, so a URL seen before is answered before validation. Bounded by
 * bytes (a count bound let 15 KB URLs take gigabytes), and URLs longer than a real client sends are
 * not remembered at all (they take the validated path, which still hits the cache by its key).
 */
export const URL_MEMO_MAX_BYTES = 4 * 1024 * 1024;
export const URL_MEMO_MAX_URL = 1024;

export function urlMemo<V extends object>(sizeOf: (v: V) => number = () => 64): { get(url: string): V | undefined; set(url: string, v: V): void; readonly calculatedSize: number } {
  const lru = new LRUCache<string, V>({ maxSize: URL_MEMO_MAX_BYTES, sizeCalculation: (v, k) => k.length * 2 + sizeOf(v) });
  return {
    get: (url) => lru.get(url),
    set: (url, v) => {
      if (url.length <= URL_MEMO_MAX_URL) lru.set(url, v);
    },
    get calculatedSize() { return lru.calculatedSize; },
  };
}

/** Adds tokens to Vary without dropping what others (CORS: Origin) put there. */
export function appendVary(reply: FastifyReply, ...tokens: string[]): void {
  const current = String(reply.getHeader('vary') ?? '').split(',').map((t) => t.trim()).filter(Boolean);
  const lower = new Set(current.map((t) => t.toLowerCase()));
  for (const t of tokens) if (!lower.has(t.toLowerCase())) current.push(t);
  void reply.header('vary', current.join(', '));
}

/** Keys of cached history answers start with the generation they were read under. */
export function historyKeyPrefix(generation: number): string {
  return `h${generation}|`;
}

/** A cached answer, or 304 when the client has it: ETag, Cache-Control, Vary and the encoding the client accepts. */
export function sendEntry(request: FastifyRequest, reply: FastifyReply, entry: CachedResponse, xCache: 'HIT' | 'MISS'): FastifyReply {
  void reply.header('etag', entry.etag).header('cache-control', entry.cacheControl).header('x-cache', xCache);
  appendVary(reply, 'Accept-Encoding');
  if (etagMatches(request.headers['if-none-match'], entry.etag)) return reply.code(304).send();
  const encoding = pickEncoding(request.headers['accept-encoding'], entry);
  void reply.header('content-type', entry.contentType);
  if (encoding) void reply.header('content-encoding', encoding);
  return reply.send(encoding ? entry[encoding] : entry.body);
}

export default fp(
  async (app) => {
    app.decorateReply(kPolicy, null);
    app.decorateReply(kHit, false);
    app.decorateReply(kKey, null);
    app.decorateReply('cacheable', function (this: FastifyReply, policy: CachePolicy) {
      (this as CacheReply)[kPolicy] = policy;
      return this;
    });

    // Requests are answered from the cache in two places. preHandler is the general one: the key
    // needs the validated params, and invalid requests never hit. preParsing is a shortcut for a URL
    // seen before (its key is remembered), which skips validation and the remaining hooks. Both run
    // after onRequest, so rate limiting and CORS apply to hits too. Callback-style hooks that do not
    // call done() after sending are Fastify's cheapest way to answer early.
    const keyOfUrl = urlMemo<{ base: string }>((v) => v.base.length * 2);
    const generationPrefix = () => historyKeyPrefix(app.dataChanges.history);
    const isCacheable = (request: FastifyRequest) =>
      request.routeOptions.config?.httpCache === true && (request.method === 'GET' || request.method === 'HEAD');
    const hit = (request: FastifyRequest, reply: FastifyReply, entry: CachedResponse) => {
      (reply as CacheReply)[kHit] = true;
      sendEntry(request, reply, entry, 'HIT');
    };

    app.addHook('preParsing', (request, reply, payload, done) => {
      if (isCacheable(request)) {
        const base = keyOfUrl.get(request.url)?.base;
        const entry = base === undefined ? undefined : app.responseCache.peek(generationPrefix() + base);
        if (entry) return hit(request, reply, entry);
      }
      done(null, payload);
    });

    app.addHook('preHandler', (request, reply, done) => {
      if (!isCacheable(request)) return done();
      const base = cacheKey(request);
      keyOfUrl.set(request.url, { base });
      const key = generationPrefix() + base;
      (reply as CacheReply)[kKey] = key;
      const local = app.responseCache.peek(key);
      if (local) return hit(request, reply, local);
      app.responseCache.get(key).then(
        (entry) => (entry ? hit(request, reply, entry) : done()),
        () => done(),
      );
    });

    // Responses of cached routes are compressed once, when stored (see buildEntry), so the
    // per-request compression hooks of @fastify/compress are left off those routes. This plugin is
    // registered before @fastify/compress for this onRoute hook to run first.
    app.addHook('onRoute', (route) => {
      if (route.config?.httpCache === true && route.compress === undefined) route.compress = false;
    });

    // Entries of a generation that is gone can never be hit again; free their memory (and Redis's).
    app.dataChanges.onHistory((_generation, previous) => {
      app.responseCache.forget(historyKeyPrefix(previous)).catch((err: unknown) => app.log.warn({ err }, 'response cache: sweeping old entries failed'));
    });

    app.addHook('onSend', async (request, reply, payload) => {
      const r = reply as CacheReply;
      const policy = r[kPolicy];
      if (!policy || r[kHit] || reply.statusCode !== 200) return payload;
      if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
      const body = Buffer.isBuffer(payload) ? payload : Buffer.from(payload);
      const contentType = String(reply.getHeader('content-type') ?? 'application/json; charset=utf-8');
      const store = Boolean(request.routeOptions.config?.httpCache);
      // Only entries that will be stored are precompressed; others go through @fastify/compress.
      const entry = store ? buildEntry(body, contentType, policy) : { body, etag: strongEtag(body), contentType, cacheControl: cacheControlHeader(policy), expiresAt: 0 };
      if (store) {
        app.responseCache.set(r[kKey] ?? generationPrefix() + cacheKey(request), entry).catch((err: unknown) => request.log.warn({ err }, 'response cache write failed'));
      }
      void reply.header('etag', entry.etag).header('cache-control', entry.cacheControl);
      appendVary(reply, 'Accept-Encoding');
      if (store) void reply.header('x-cache', 'MISS');
      if (etagMatches(request.headers['if-none-match'], entry.etag)) {
        reply.code(304);
        reply.removeHeader('content-type');
        reply.removeHeader('content-length');
        // Fastify's HEAD handler cannot take a null payload; an empty one has no body either way.
        return request.method === 'HEAD' ? '' : null;
      }
      const encoding = pickEncoding(request.headers['accept-encoding'], entry);
      if (encoding) {
        void reply.header('content-encoding', encoding);
        reply.removeHeader('content-length');
        return entry[encoding];
      }
      return payload;
    });
  },
  { name: 'http-cache', dependencies: ['cache', 'data-changes'], fastify: '5.x' },
);
