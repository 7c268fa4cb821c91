// Response caching for loaded sessions. A load is immutable (a reload gets a new data version), so
// the cache key carries the session's load identity: a reload can never serve the previous load's
// bytes, and nothing has to be invalidated. The bytes, ETag and gzip/brotli variants are built once
// with the http-cache helpers and kept in the shared response cache (Redis + LRU, or LRU alone);
// ETag, Cache-Control, Vary and 304s behave exactly as on every other cached route.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { CachedResponse } from '../../http/cache/store.js';
import { buildEntry, cacheKey, cachePolicies, etagMatches, pickEncoding, type CachePolicy } from '../../http/plugins/http-cache.js';
import type { ServableSession } from '../queries/reader.js';

/** Loaded session data: browsers and proxies may keep it a day without revalidating. */
export const loadedSessionPolicy: CachePolicy = cachePolicies.immutable;

export interface Rendered {
  readonly body: string | Buffer;
  readonly contentType: string;
}

export const JSON_TYPE = 'application/json; charset=utf-8';
export const CSV_TYPE = 'text/csv; charset=utf-8';

function send(request: FastifyRequest, reply: FastifyReply, entry: CachedResponse, xCache: 'HIT' | 'MISS'): FastifyReply {
  void reply.header('etag', entry.etag).header('cache-control', entry.cacheControl).header('vary', 'Accept-Encoding').header('x-cache', xCache);
  if (etagMatches(request.headers['if-none-match'], entry.etag)) return reply.code(304).send();
  const encoding = pickEncoding(request.headers['accept-encoding'], entry);
  void reply.header('content-type', entry.contentType);
  if (encoding) void reply.header('content-encoding', encoding);
  return reply.send(encoding ? entry[encoding] : entry.body);
}

/** Pending renders by key, so concurrent misses for the same response render it once. */
const pending = new Map<string, Promise<CachedResponse>>();

/**
 * Answers from the response cache when this load's response is there; otherwise renders it, keeps
 * it and answers. `render` runs at most once per key at a time.
 */
export async function sendCached(app: FastifyInstance, request: FastifyRequest, reply: FastifyReply, session: ServableSession,
  render: () => Promise<Rendered>, policy: CachePolicy = loadedSessionPolicy): Promise<FastifyReply> {
  const key = `sessions:${session.version}|${cacheKey(request)}`;
  const hit = await app.responseCache.get(key);
  if (hit) return send(request, reply, hit, 'HIT');
  let p = pending.get(key);
  if (!p) {
    p = render().then((r) => buildEntry(Buffer.isBuffer(r.body) ? r.body : Buffer.from(r.body), r.contentType, policy));
    pending.set(key, p);
    void p.then(
      (entry) => app.responseCache.set(key, entry).catch((err: unknown) => request.log.warn({ err }, 'response cache write failed')),
      () => undefined,
    ).finally(() => pending.delete(key));
  }
  return send(request, reply, await p, 'MISS');
}
