// What every session route needs, built once per app: the stored session behind a URL (or the
// 404/202 answer when it is not loaded), the driver, lap and telemetry a URL names (or a 404 that
// says which), the season catalogue, and the two renderings (JSON, CSV) of an answer.
import type { FastifyBaseLogger, FastifyInstance, FastifyReply, FastifyRequest, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Lap, Laps } from '@apexdata/livetiming';
import { apexError } from '../../http/errors.js';
import { queueSessionLoad } from '../../jobs/routes.js';
import { followJob } from '../../jobs/session-status.js';
import { CatalogError, describeSession, findInCatalogue, seasonCatalogue, type CatalogEntry, type SessionKey } from '../catalog.js';
import type { ServableSession, SessionReader } from '../queries/reader.js';
import type { SessionStatusView, StoredSession, StoredStatus } from '../store.js';
import type { LapPick } from '../shape/compare.js';
import { csv, records, type Column, type TableFormat } from '../shape/table.js';
import { CSV_TYPE, JSON_TYPE, SessionResponses, type Rendered } from './cache.js';

/** The session routes' Fastify instance (TypeBox-typed requests). */
export type SessionApp = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, TypeBoxTypeProvider>;

/**
 * Data routes send bytes compressed once when cached (see cache.ts); @fastify/compress's per-request
 * hooks would only cost time on them (errors and 202s are small).
 */
export const precompressed = { compress: false, decompress: false } as const;

/** How long a season's catalogue (archive index or listing + rounds) is reused: sessions are added, not changed. */
const CATALOGUE_TTL_MS = 600_000;

/** With APEX_AUTOLOAD, how long after a failed load a request may queue the load again. */
const AUTOLOAD_RETRY_AFTER_MS = 5 * 60_000;

export const keyOf = (p: { year: number; round: number; session: SessionKey['session'] }): SessionKey => ({ year: p.year, round: p.round, session: p.session });
export const pathOf = (k: SessionKey) => `/api/v1/sessions/${k.year}/${k.round}/${k.session}`;
const loadCommand = (k: SessionKey) => `apex session load ${k.year} ${k.round} ${k.session}`;

/** Epoch ms of a timestamp as the database gives it ('2025-10-25 21:00:00+00'); NaN when unreadable. */
const timestampMs = (ts: string | null) => (ts ? Date.parse(ts.replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00')) : NaN);

/** A database timestamp in ISO 8601. */
export function iso(ts: string | null): string | null {
  const ms = timestampMs(ts);
  return Number.isNaN(ms) ? ts : new Date(ms).toISOString();
}

/** The session clock's origin as ISO 8601 (null when the load found none). */
export const t0Of = (s: ServableSession): string | null => (s.row.t0 !== null ? new Date(Math.round(s.row.t0)).toISOString() : null);

/** A JSON answer serialized by the route's response schema. */
export const json = (reply: FastifyReply, body: unknown): Rendered => ({ body: reply.serialize(body) as string, contentType: JSON_TYPE });

/** A tabular answer: `{ items }` as JSON, or CSV with format=csv. */
export function table<R>(reply: FastifyReply, format: TableFormat | undefined, rows: readonly R[], columns: readonly Column<R>[]): Rendered {
  return format === 'csv' ? { body: csv(rows, columns), contentType: CSV_TYPE } : json(reply, { items: records(rows, columns) });
}

/** Why there is nothing to serve, and what to do about it. */
export function notLoadedMessage(key: SessionKey, status: ReturnType<SessionReader['status']>): string {
  const name = describeSession(key);
  const how = `run \`${loadCommand(key)}\` or POST ${pathOf(key)}/load (admin token; or set APEX_AUTOLOAD=true to load on request)`;
  if (status.state === 'loading') {
    const progress = [status.stage, status.percent !== null ? `${Math.round(status.percent)}%` : null].filter(Boolean).join(' ');
    return `${name} is being loaded (${progress || 'queued'}); follow GET /api/v1/jobs/${status.jobId ?? '…'} or GET ${pathOf(key)}`;
  }
  if (status.state === 'failed') return `${name} is not loaded: its last load failed (${status.error ?? 'unknown reason'}); to retry, ${how}`;
  return `${name} is not loaded yet: ${how}`;
}

export class SessionRouteContext {
  readonly responses: SessionResponses;
  readonly archiveLabel: string;
  private readonly seasons = new Map<number, { at: number; catalogue: Promise<CatalogEntry[]> }>();

  constructor(private readonly app: FastifyInstance, readonly reader: SessionReader) {
    this.responses = new SessionResponses(app, reader);
    this.archiveLabel = app.jobDeps.sources.archive.source.label;
  }

  /** Sessions load on request, without the admin token (APEX_AUTOLOAD; see loadsOnDemand). */
  get onDemand(): boolean {
    return this.app.config.APEX_AUTOLOAD === true;
  }

  /** The session's row and status, the status following its running job's stage and percent live (jobs/session-status.ts). */
  async rowAndStatus(key: SessionKey): Promise<{ row: StoredSession | null; status: SessionStatusView }> {
    let row = await this.reader.row(key);
    const status = await followJob(this.app.jobs, this.reader.status(row), async () => {
      // The job finished after the (cached) row was read: the row as the load left it.
      this.reader.forget(key);
      row = await this.reader.row(key);
      return this.reader.status(row);
    });
    return { row, status };
  }

  /** The stored statuses of a season's sessions, those loading following their jobs. */
  async liveStatuses(year: number): Promise<Map<string, StoredStatus>> {
    const stored = await this.reader.store.statuses(year);
    await Promise.all([...stored].map(async ([k, s]) => {
      if (s.status.state !== 'loading') return;
      const key: SessionKey = { year, round: s.row.round, session: s.row.session as SessionKey['session'] };
      stored.set(k, { ...s, status: await followJob(this.app.jobs, s.status, () => this.reader.store.status(key)) });
    }));
    return stored;
  }

  /** The session's servable data, or the 404/202 answer when there is none yet. */
  async withSession(request: FastifyRequest, reply: FastifyReply, key: SessionKey,
    answer: (s: ServableSession) => Promise<FastifyReply>): Promise<FastifyReply> {
    const { row, status } = await this.rowAndStatus(key);
    const s = this.reader.servable(row);
    if (s) return answer(s);
    // Never requested: a session the archive does not have is "no session", not "not loaded yet".
    if (!row) {
      await this.entryOf(key).catch((err: unknown) => {
        if (err instanceof CatalogError && err.code === 'not-found') throw apexError('APX_ERR_NOT_FOUND', err.message);
        // The archive cannot be reached now: answer what we know (not loaded).
      });
    }
    const message = notLoadedMessage(key, status);
    if (!this.onDemand) throw apexError('APX_ERR_NOT_LOADED', message);
    // A load that just failed is not retried by every request that comes along (the job already
    // retried transient failures); after a while, a request may try again.
    const failedAt = status.state === 'failed' ? timestampMs(status.updatedAt) : NaN;
    if (Date.now() - failedAt < AUTOLOAD_RETRY_AFTER_MS) throw apexError('APX_ERR_NOT_LOADED', message);
    const queued = await queueSessionLoad(this.app, key, request.log);
    this.reader.forget(key);
    return reply
      .code(202)
      .header('location', `/api/v1/jobs/${queued.jobId}`)
      .header('retry-after', '2')
      .header('cache-control', 'no-store')
      .send({ message: `${describeSession(key)} was not loaded; its load is queued as job ${queued.jobId} (GET /api/v1/jobs/${queued.jobId})`, ...queued });
  }

  /**
   * A loaded session's cached answer: `render` runs only when this load's bytes for the URL are not
   * cached yet. The common shape of every data route.
   */
  serve(request: FastifyRequest, reply: FastifyReply, key: SessionKey, render: (s: ServableSession) => Promise<Rendered>): Promise<FastifyReply> {
    return this.withSession(request, reply, key, (s) => this.responses.send(request, reply, s, () => render(s)));
  }

  async driverNumberOr404(s: ServableSession, key: SessionKey, id: string): Promise<string> {
    const d = await this.reader.resolveDriver(s, id);
    if (!d) throw apexError('APX_ERR_NOT_FOUND', `no driver '${id}' in ${describeSession(key)}`);
    return d.driverNumber;
  }

  async lapOr404(s: ServableSession, key: SessionKey, laps: Laps, pick: LapPick): Promise<Lap> {
    const driverNumber = await this.driverNumberOr404(s, key, pick.driver);
    const own = laps.pickDrivers(driverNumber);
    const lap = pick.lap === 'fastest' ? own.pickFastest() : own.laps.find((l) => l.lapNumber === pick.lap);
    if (!lap) {
      throw apexError('APX_ERR_NOT_FOUND', pick.lap === 'fastest'
        ? `driver '${pick.driver}' has no timed personal-best lap in ${describeSession(key)}`
        : `driver '${pick.driver}' has no lap ${pick.lap} in ${describeSession(key)}`);
    }
    return lap;
  }

  async telemetryOr404(s: ServableSession, key: SessionKey) {
    const tel = s.row.hasTelemetry ? await this.reader.telemetryOf(s) : null;
    if (!tel) throw apexError('APX_ERR_NOT_FOUND', `${describeSession(key)} has no telemetry (the archive has no CarData.z/Position.z for it)`);
    return tel;
  }

  /** A season's catalogue, reused for CATALOGUE_TTL_MS (a failed lookup is not kept). */
  seasonOf(year: number): Promise<CatalogEntry[]> {
    const hit = this.seasons.get(year);
    if (hit && Date.now() - hit.at < CATALOGUE_TTL_MS) return hit.catalogue;
    const catalogue = seasonCatalogue(this.app.db, this.app.jobDeps.sources, year);
    this.seasons.set(year, { at: Date.now(), catalogue });
    catalogue.catch(() => this.seasons.delete(year));
    return catalogue;
  }

  async entryOf(key: SessionKey): Promise<CatalogEntry> {
    return findInCatalogue(await this.seasonOf(key.year), key, this.archiveLabel);
  }
}
