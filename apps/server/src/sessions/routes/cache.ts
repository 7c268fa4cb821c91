// Response caching for loaded sessions. A load is immutable (a reload gets a new data version), so
// the cache key carries the session's load identity: a reload can never serve the previous load's
// bytes, and nothing has to be invalidated. The bytes, ETag and gzip/brotli variants are built once
// with the http-cache helpers and kept in the shared response cache (Redis + LRU, or LRU alone);
// ETag, Cache-Control, Vary and 304s behave exactly as on every other cached route.
//
// A URL answered before is remembered with its key, and answered again from a preParsing hook —
// before validation and the handler — as long as its session's row is fresh in memory (the reader
// re-reads it at most once a second, so a reload shows within a second).
import type { FastifyInstance, FastifyReply, FastifyRequest, preParsingHookHandler } from 'fastify';
import type { CachedResponse } from '../../http/cache/store.js';
import { buildEntry, cacheKey, cachePolicies, sendEntry as send, urlMemo, type CachePolicy } from '../../http/plugins/http-cache.js';
import type { SessionKey } from '../catalog.js';
import type { ServableSession, SessionReader } from '../queries/reader.js';

/** Loaded session data: browsers and proxies may keep it a day without revalidating. */
export const loadedSessionPolicy: CachePolicy = cachePolicies.immutable;

export interface Rendered {
  readonly body: string | Buffer;
  readonly contentType: string;
}

export const JSON_TYPE = 'application/json; charset=utf-8';
export const CSV_TYPE = 'text/csv; charset=utf-8';

const keyFor = (s: ServableSession, base: string) => `sessions:${s.version}|${base}`;
const sessionKeyOf = (s: ServableSession): SessionKey => ({ year: s.row.year, round: s.row.round, session: s.row.session as SessionKey['session'] });

export class SessionResponses {
  /** Pending renders by key, so concurrent misses for the same response render it once. */
  private readonly pending = new Map<string, Promise<CachedResponse>>();
  /** Raw URL → (session, key without the load identity) of responses already sent. */
  private readonly urls = urlMemo<{ session: SessionKey; base: string }>((v) => v.base.length * 2 + 64);

  constructor(private readonly app: FastifyInstance, private readonly reader: SessionReader) {}

  /** preParsing hook of the session routes: a URL seen before, answered from memory. */
  readonly shortcut: preParsingHookHandler = (request, reply, payload, done) => {
    if (request.method === 'GET' || request.method === 'HEAD') {
      const known = this.urls.get(request.url);
      const s = known && this.reader.servableNow(known.session);
      const entry = s ? this.app.responseCache.peek(keyFor(s, known.base)) : undefined;
      if (entry) {
        send(request, reply, entry, 'HIT');
        return;
      }
    }
    done(null, payload);
  };

  /**
   * Answers from the response cache when this load's response is there; otherwise renders it, keeps
   * it and answers. `render` runs at most once per key at a time.
   */
  async send(request: FastifyRequest, reply: FastifyReply, session: ServableSession, render: () => Promise<Rendered>,
    policy: CachePolicy = loadedSessionPolicy): Promise<FastifyReply> {
    const base = cacheKey(request);
    const key = keyFor(session, base);
    this.urls.set(request.url, { session: sessionKeyOf(session), base });
    const hit = await this.app.responseCache.get(key);
    if (hit) return send(request, reply, hit, 'HIT');
    let p = this.pending.get(key);
    if (!p) {
      p = render().then((r) => buildEntry(Buffer.isBuffer(r.body) ? r.body : Buffer.from(r.body), r.contentType, policy));
      this.pending.set(key, p);
      void p.then(
        (entry) => this.app.responseCache.set(key, entry).catch((err: unknown) => request.log.warn({ err }, 'response cache write failed')),
        () => undefined,
      ).finally(() => this.pending.delete(key));
    }
    return send(request, reply, await p, 'MISS');
  }
}
