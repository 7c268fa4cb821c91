// /api/v1/sessions/{year} — a season's sessions and the state of their data;
// /api/v1/sessions/{year}/{round}/{session}/… — a stored session's data. Mount with
// `app.register(sessionRoutes, { prefix: '/api/v1/sessions' })` (after the jobs routes, which own
// POST …/load and GET /api/v1/jobs/{id}).
//
// Every data endpoint answers from the session's stored load through the engine's own objects
// (Laps picks, lap telemetry, lap comparison), caches the bytes per load (see cache.ts), and when
// the session is not loaded answers 404 naming the load command — or, with APEX_AUTOLOAD=true,
// queues the load and answers 202 with the job.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type, type TSchema } from '@sinclair/typebox';
import { compareLaps, sessionKind, SourceError, type Lap, type Laps } from '@apexdata/livetiming';
import { apexError, notFound } from '../../http/errors.js';
import { JobViewSchema, queueSessionLoad, SessionStatusSchema } from '../../jobs/routes.js';
import { CatalogError, describeSession, findInCatalogue, seasonCatalogue, type CatalogEntry, type SessionKey } from '../catalog.js';
import { SessionReader, type ServableSession } from '../queries/reader.js';
import {
  comparisonBody, CompareRequestError, fastestIndex, parseCompareChannels, parseLapPicks, DEFAULT_COMPARE_STEP, type LapPick,
} from '../shape/compare.js';
import { filterLaps, lapColumns, LapFilterError, type LapFilter } from '../shape/laps.js';
import { gapsPerLap, positionsPerLap } from '../shape/race-order.js';
import { seasonSessionColumns, seasonSessions } from '../shape/season.js';
import { columnsCsv, csv, records, type Column, type TableFormat } from '../shape/table.js';
import {
  abbreviationsOf, driverColumns, gapColumns, pitStopColumns, positionColumns, raceControlColumns, resultColumns, stintColumns,
  trackStatusColumns, weatherColumns, weatherSeries, withDriver,
} from '../shape/tables.js';
import { columnarTelemetry, parseTelemetryColumns } from '../shape/telemetry.js';
import { trackOutline } from '../shape/track.js';
import { utcOf } from '../store-write.js';
import { CSV_TYPE, JSON_TYPE, SessionResponses, type Rendered } from './cache.js';
import {
  CompareQuery, CompareResponse, DriversResponse, FormatQuery, GapsResponse, LapsQuery, LapsResponse, PitStopsResponse,
  PositionsResponse, RaceControlResponse, ResultsResponse, SeasonParams, SeasonSessionsResponse, SessionParams, SessionResponse,
  StintsResponse, TelemetryParams,
  TelemetryQuery, TelemetryResponse, TrackQuery, TrackResponse, TrackStatusResponse, WeatherResponse,
} from './schemas.js';

export interface SessionRoutesOptions {
  /** A reader to share (tests, bench); default one per app. */
  reader?: SessionReader;
}

const tags = ['sessions'];

const LoadAccepted = Type.Object({
  message: Type.String(),
  jobId: Type.String(),
  created: Type.Boolean(),
  job: JobViewSchema,
  status: SessionStatusSchema,
}, { title: 'SessionLoadStarted', description: 'APEX_AUTOLOAD=true: the session was not loaded; its load is queued (poll the job)' });

/**
 * Data routes send bytes compressed once when cached (see cache.ts); @fastify/compress's per-request
 * hooks would only cost time on them (errors and 202s are small).
 */
const precompressed = { compress: false, decompress: false } as const;

const formatOnly = Type.Object({ ...FormatQuery });

/** How long a season's catalogue (archive index or listing + rounds) is reused: sessions are added, not changed. */
const CATALOGUE_TTL_MS = 600_000;

/** With APEX_AUTOLOAD, how long after a failed load a request may queue the load again. */
const AUTOLOAD_RETRY_AFTER_MS = 5 * 60_000;

/** 200 plus the 202 an on-demand load answers with. */
const dataResponses = (ok: TSchema) => ({ 200: ok, 202: LoadAccepted });

const keyOf = (p: { year: number; round: number; session: SessionKey['session'] }): SessionKey => ({ year: p.year, round: p.round, session: p.session });
const pathOf = (k: SessionKey) => `/api/v1/sessions/${k.year}/${k.round}/${k.session}`;
const loadCommand = (k: SessionKey) => `apex session load ${k.year} ${k.round} ${k.session}`;
const list = (s: string | undefined) => (s ?? '').split(',').map((x) => x.trim()).filter(Boolean);
/** Epoch ms of a timestamp as the database gives it ('2025-10-25 21:00:00+00'); NaN when unreadable. */
const timestampMs = (ts: string | null) => (ts ? Date.parse(ts.replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00')) : NaN);

/** A database timestamp in ISO 8601. */
function iso(ts: string | null): string | null {
  const ms = timestampMs(ts);
  return Number.isNaN(ms) ? ts : new Date(ms).toISOString();
}

const sessionRoutes: FastifyPluginAsyncTypebox<SessionRoutesOptions> = async (app, opts) => {
  const reader = opts.reader ?? new SessionReader(app.db);
  const fastify = app as unknown as FastifyInstance;
  const responses = new SessionResponses(fastify, reader);
  app.addHook('preParsing', responses.shortcut);
  // A load committed by another process (on PostgreSQL) shows at once, not after the row's TTL.
  if (fastify.hasDecorator('dataChanges')) fastify.dataChanges.onSession((key) => reader.forget(key as SessionKey));
  const seasons = new Map<number, { at: number; catalogue: Promise<CatalogEntry[]> }>();
  const archiveLabel = app.jobDeps.sources.archive.source.label;

  /** Why there is nothing to serve, and what to do about it. */
  function notLoadedMessage(key: SessionKey, status: ReturnType<SessionReader['status']>): string {
    const name = describeSession(key);
    const how = `run \`${loadCommand(key)}\` or POST ${pathOf(key)}/load (admin token)`;
    if (status.state === 'loading') {
      const progress = [status.stage, status.percent !== null ? `${Math.round(status.percent)}%` : null].filter(Boolean).join(' ');
      return `${name} is being loaded (${progress || 'queued'}); follow GET /api/v1/jobs/${status.jobId ?? '…'} or GET ${pathOf(key)}`;
    }
    if (status.state === 'failed') return `${name} is not loaded: its last load failed (${status.error ?? 'unknown reason'}); to retry, ${how}`;
    return `${name} is not loaded yet: ${how}`;
  }

  /** The session's servable data, or the 404/202 answer when there is none yet. */
  async function withSession(request: FastifyRequest, reply: FastifyReply, key: SessionKey,
    answer: (s: ServableSession) => Promise<FastifyReply>): Promise<FastifyReply> {
    const row = await reader.row(key);
    const s = reader.servable(row);
    if (s) return answer(s);
    const status = reader.status(row);
    const message = notLoadedMessage(key, status);
    if (!app.config.APEX_AUTOLOAD) throw apexError('APX_ERR_NOT_LOADED', message);
    // A load that just failed is not retried by every request that comes along (the job already
    // retried transient failures); after a while, a request may try again.
    const failedAt = status.state === 'failed' ? timestampMs(status.updatedAt) : NaN;
    if (Date.now() - failedAt < AUTOLOAD_RETRY_AFTER_MS) throw apexError('APX_ERR_NOT_LOADED', message);
    const queued = await queueSessionLoad(fastify, key, request.log);
    reader.forget(key);
    return reply
      .code(202)
      .header('location', `/api/v1/jobs/${queued.jobId}`)
      .header('retry-after', '2')
      .header('cache-control', 'no-store')
      .send({ message: `${describeSession(key)} was not loaded; its load is queued as job ${queued.jobId} (GET /api/v1/jobs/${queued.jobId})`, ...queued });
  }

  const json = (reply: FastifyReply, body: unknown): Rendered => ({ body: reply.serialize(body) as string, contentType: JSON_TYPE });

  /** A tabular endpoint: `{ items }` as JSON, or CSV with format=csv. */
  function table<R>(reply: FastifyReply, format: TableFormat | undefined, rows: readonly R[], columns: readonly Column<R>[]): Rendered {
    return format === 'csv' ? { body: csv(rows, columns), contentType: CSV_TYPE } : json(reply, { items: records(rows, columns) });
  }

  async function resolveDriverOr404(s: ServableSession, key: SessionKey, id: string): Promise<string> {
    const d = await reader.resolveDriver(s, id);
    if (!d) throw apexError('APX_ERR_NOT_FOUND', `no driver '${id}' in ${describeSession(key)}`);
    return d.driverNumber;
  }

  async function lapOr404(s: ServableSession, key: SessionKey, laps: Laps, pick: LapPick): Promise<Lap> {
    const driverNumber = await resolveDriverOr404(s, key, pick.driver);
    const own = laps.pickDrivers(driverNumber);
    const lap = pick.lap === 'fastest' ? own.pickFastest() : own.laps.find((l) => l.lapNumber === pick.lap);
    if (!lap) {
      throw apexError('APX_ERR_NOT_FOUND', pick.lap === 'fastest'
        ? `driver '${pick.driver}' has no timed personal-best lap in ${describeSession(key)}`
        : `driver '${pick.driver}' has no lap ${pick.lap} in ${describeSession(key)}`);
    }
    return lap;
  }

  /** A season's catalogue, reused for CATALOGUE_TTL_MS (a failed lookup is not kept). */
  function seasonOf(year: number): Promise<CatalogEntry[]> {
    const hit = seasons.get(year);
    if (hit && Date.now() - hit.at < CATALOGUE_TTL_MS) return hit.catalogue;
    const catalogue = seasonCatalogue(app.db, app.jobDeps.sources, year);
    seasons.set(year, { at: Date.now(), catalogue });
    catalogue.catch(() => seasons.delete(year));
    return catalogue;
  }

  const entryOf = async (key: SessionKey): Promise<CatalogEntry> => findInCatalogue(await seasonOf(key.year), key, archiveLabel);

  // ── the season ──────────────────────────────────────────────────────────────────────────────

  app.get('/:year', {
    schema: {
      tags,
      summary: 'The sessions of a season in the live-timing archive, with the state of their data (not loaded, loading with progress, loaded, failed with the reason)',
      description: 'In round order, then FP1, FP2, FP3, SQ, S, Q, R. Rounds come from history (the race on the event\'s race day), else from Jolpica\'s or FastF1\'s schedule; testing is left out. 404 when the archive has no session of the season.',
      params: SeasonParams,
      querystring: formatOnly,
      response: { 200: SeasonSessionsResponse },
    },
  }, async (request, reply) => {
    const { year } = request.params;
    let catalogue: CatalogEntry[];
    try {
      catalogue = await seasonOf(year);
    } catch (err) {
      if (err instanceof CatalogError && err.code === 'no-index') throw apexError('APX_ERR_NOT_FOUND', `no season ${year} in the live-timing archive: ${err.message}`);
      if (err instanceof SourceError || (err instanceof CatalogError && err.cause instanceof SourceError)) {
        throw apexError('APX_ERR_UPSTREAM', `cannot read the ${year} season of the live-timing archive (${archiveLabel}): ${err.message}`);
      }
      throw err;
    }
    if (catalogue.length === 0) throw apexError('APX_ERR_NOT_FOUND', `no season ${year} in the live-timing archive (${archiveLabel}): it has no race-weekend session of ${year}`);
    const rows = seasonSessions(catalogue, await reader.store.statuses(year));
    // Load states change while loads run: revalidate every time (ETag → 304 when unchanged).
    reply.cacheable({ maxAge: 0, immutable: false, serverTtl: 0 });
    if (request.query.format === 'csv') return reply.type(CSV_TYPE).send(csv(rows, seasonSessionColumns) as never);
    return { items: records(rows, seasonSessionColumns) };
  });

  // ── the session ─────────────────────────────────────────────────────────────────────────────

  app.get('/:year/:round/:session', {
    schema: {
      tags,
      summary: 'A session: schedule, and the state of its data (not loaded, loading with progress, loaded, failed with the reason)',
      params: SessionParams,
      response: { 200: SessionResponse },
    },
  }, async (request, reply) => {
    const key = keyOf(request.params);
    const row = await reader.row(key);
    const status = reader.status(row);
    let info: { name: string | null; eventName: string | null; kind: string | null; archivePath: string | null; startUtc: string | null; endUtc: string | null };
    if (row && row.archivePath !== null) {
      info = { name: row.name, eventName: row.eventName, kind: row.kind, archivePath: row.archivePath, startUtc: iso(row.startUtc), endUtc: iso(row.endUtc) };
    } else {
      try {
        const { archive } = await entryOf(key);
        info = {
          name: archive.name, eventName: archive.meetingName, kind: sessionKind(archive.name, key.year), archivePath: archive.path,
          startUtc: iso(utcOf(archive.startDate, archive.gmtOffset)), endUtc: null,
        };
      } catch (err) {
        if (err instanceof CatalogError && err.code === 'not-found') throw notFound('session', `${key.year}/${key.round}/${key.session}`);
        // The archive cannot be reached now: say what we know (its state) rather than fail.
        request.log.warn({ err }, `could not look ${describeSession(key)} up in the archive`);
        info = { name: null, eventName: null, kind: null, archivePath: null, startUtc: null, endUtc: null };
      }
    }
    const s = reader.servable(row);
    let data = null;
    if (s) {
      const [laps, drivers] = await Promise.all([reader.lapsOf(s), reader.driversOf(s)]);
      data = {
        laps: laps.length,
        drivers: drivers.length,
        hasTelemetry: s.row.hasTelemetry,
        totalLaps: s.row.totalLaps,
        t0: s.row.t0 !== null ? new Date(Math.round(s.row.t0)).toISOString() : null,
        sessionStartTime: s.row.sessionStartTime,
      };
    }
    // The state changes while a load runs: revalidate every time (ETag → 304 when unchanged).
    reply.cacheable({ maxAge: 0, immutable: false, serverTtl: 0 });
    return {
      ...key,
      ...info,
      status: { ...status, loadedAt: iso(status.loadedAt), updatedAt: iso(status.updatedAt) },
      data,
      links: { load: `${pathOf(key)}/load`, laps: `${pathOf(key)}/laps` },
    };
  });

  // ── tables ──────────────────────────────────────────────────────────────────────────────────

  app.get('/:year/:round/:session/drivers', {
    ...precompressed,
    schema: { tags, summary: 'The session’s drivers (F1 driver list), linked to history drivers by racing number', params: SessionParams, querystring: formatOnly, response: dataResponses(DriversResponse) },
  }, async (request, reply) => withSession(request, reply, keyOf(request.params), (s) =>
    responses.send(request, reply, s, async () => table(reply, request.query.format, await reader.driversOf(s), driverColumns))));

  app.get('/:year/:round/:session/results', {
    ...precompressed,
    schema: { tags, summary: 'Classification: official results (Jolpica) joined with the driver list, or classified from the laps', params: SessionParams, querystring: formatOnly, response: dataResponses(ResultsResponse) },
  }, async (request, reply) => withSession(request, reply, keyOf(request.params), (s) =>
    responses.send(request, reply, s, async () => table(reply, request.query.format, await reader.store.results(s.row.id), resultColumns))));

  app.get('/:year/:round/:session/laps', {
    ...precompressed,
    schema: {
      tags,
      summary: 'Laps with every column of the engine’s Lap (FastF1’s Laps), filtered',
      description: 'Filters combine (AND). `quick` applies the 107% rule to the whole session (the engine’s pickQuickLaps), `part` splits qualifying like the engine’s splitQualifyingSessions. `deleted` needs race-control messages; without them the filter answers 400.',
      params: SessionParams,
      querystring: LapsQuery,
      response: dataResponses(LapsResponse),
    },
  }, async (request, reply) => {
    const key = keyOf(request.params);
    return withSession(request, reply, key, async (s) => {
      const q = request.query;
      const ids = [...list(q.driver), ...list(q.drivers)];
      const drivers = await Promise.all(ids.map((id) => resolveDriverOr404(s, key, id)));
      const filter: LapFilter = {
        ...(drivers.length ? { drivers } : {}),
        fromLap: q.fromLap,
        toLap: q.toLap,
        ...(q.compound ? { compounds: list(q.compound) } : {}),
        ...(q.stint ? { stints: list(q.stint).map(Number) } : {}),
        accurate: q.accurate,
        deleted: q.deleted,
        personalBest: q.personalBest,
        quick: q.quick,
        pitInOut: q.pitInOut,
        trackStatus: q.trackStatus,
        trackStatusMatch: q.trackStatusMatch as LapFilter['trackStatusMatch'],
        part: q.part,
      };
      return responses.send(request, reply, s, async () => {
        let laps: Laps;
        try {
          laps = filterLaps(await reader.lapsOf(s), filter);
        } catch (err) {
          if (err instanceof LapFilterError) throw apexError('APX_ERR_VALIDATION', `querystring: ${err.message}`);
          throw err;
        }
        return table(reply, q.format, laps.laps, lapColumns);
      });
    });
  });

  app.get('/:year/:round/:session/stints', {
    ...precompressed,
    schema: { tags, summary: 'Tyre stints per driver: compound, first and last lap, tyre age at the start, laps', params: SessionParams, querystring: formatOnly, response: dataResponses(StintsResponse) },
  }, async (request, reply) => withSession(request, reply, keyOf(request.params), (s) =>
    responses.send(request, reply, s, async () => {
      const [stints, drivers] = await Promise.all([reader.store.stints(s.row.id), reader.driversOf(s)]);
      return table(reply, request.query.format, withDriver(stints, abbreviationsOf(drivers)), stintColumns);
    })));

  app.get('/:year/:round/:session/pitstops', {
    ...precompressed,
    schema: { tags, summary: 'Pit stops: in-lap, out-lap, pit-lane time (out-lap PitOutTime − in-lap PitInTime) where both are known', params: SessionParams, querystring: formatOnly, response: dataResponses(PitStopsResponse) },
  }, async (request, reply) => withSession(request, reply, keyOf(request.params), (s) =>
    responses.send(request, reply, s, async () => {
      const [stops, drivers] = await Promise.all([reader.store.pitStops(s.row.id), reader.driversOf(s)]);
      return table(reply, request.query.format, withDriver(stops, abbreviationsOf(drivers)), pitStopColumns);
    })));

  app.get('/:year/:round/:session/weather', {
    ...precompressed,
    schema: { tags, summary: 'Weather as a time series (one array per quantity; CSV: one row per sample)', params: SessionParams, querystring: formatOnly, response: dataResponses(WeatherResponse) },
  }, async (request, reply) => withSession(request, reply, keyOf(request.params), (s) =>
    responses.send(request, reply, s, async () => {
      const samples = await reader.store.weather(s.row.id);
      return request.query.format === 'csv' ? { body: csv(samples, weatherColumns), contentType: CSV_TYPE } : json(reply, weatherSeries(samples));
    })));

  app.get('/:year/:round/:session/race-control', {
    ...precompressed,
    schema: { tags, summary: 'Race-control messages (flags, penalties, deleted lap times, …)', params: SessionParams, querystring: formatOnly, response: dataResponses(RaceControlResponse) },
  }, async (request, reply) => withSession(request, reply, keyOf(request.params), (s) =>
    responses.send(request, reply, s, async () => table(reply, request.query.format, await reader.store.raceControl(s.row.id), raceControlColumns))));

  app.get('/:year/:round/:session/track-status', {
    ...precompressed,
    schema: { tags, summary: 'Track status changes (1 green, 2 yellow, 4 safety car, 5 red, 6 VSC, 7 VSC ending)', params: SessionParams, querystring: formatOnly, response: dataResponses(TrackStatusResponse) },
  }, async (request, reply) => withSession(request, reply, keyOf(request.params), (s) =>
    responses.send(request, reply, s, async () => table(reply, request.query.format, await reader.store.trackStatus(s.row.id), trackStatusColumns))));

  app.get('/:year/:round/:session/positions', {
    ...precompressed,
    schema: { tags, summary: 'Position of every driver at the end of every lap (race and sprint; empty for other sessions), for lap charts', params: SessionParams, querystring: formatOnly, response: dataResponses(PositionsResponse) },
  }, async (request, reply) => withSession(request, reply, keyOf(request.params), (s) =>
    responses.send(request, reply, s, async () => table(reply, request.query.format, positionsPerLap((await reader.lapsOf(s)).laps), positionColumns))));

  app.get('/:year/:round/:session/gaps', {
    ...precompressed,
    schema: { tags, summary: 'Gap to the leader and to the car ahead at the end of every lap (race and sprint)', params: SessionParams, querystring: formatOnly, response: dataResponses(GapsResponse) },
  }, async (request, reply) => withSession(request, reply, keyOf(request.params), (s) =>
    responses.send(request, reply, s, async () => table(reply, request.query.format, gapsPerLap((await reader.lapsOf(s)).laps), gapColumns))));

  // ── telemetry ───────────────────────────────────────────────────────────────────────────────

  async function telemetryOr404(s: ServableSession, key: SessionKey) {
    const tel = s.row.hasTelemetry ? await reader.telemetryOf(s) : null;
    if (!tel) throw apexError('APX_ERR_NOT_FOUND', `${describeSession(key)} has no telemetry (the archive has no CarData.z/Position.z for it)`);
    return tel;
  }

  app.get('/:year/:round/:session/laps/:driver/:lap/telemetry', {
    ...precompressed,
    schema: {
      tags,
      summary: 'Full-resolution telemetry of one lap, columnar (one array per channel)',
      description: 'The engine’s merged lap telemetry (FastF1’s Lap.get_telemetry(): car and position data on the union of their clocks, Distance, DriverAhead), cut to the lap with interpolated edges. Values are rounded to what the sources resolve (see the channels description).',
      params: TelemetryParams,
      querystring: TelemetryQuery,
      response: dataResponses(TelemetryResponse),
    },
  }, async (request, reply) => {
    const key = keyOf(request.params);
    return withSession(request, reply, key, async (s) => {
      let columns;
      try {
        columns = parseTelemetryColumns(request.query.channels);
      } catch (err) {
        throw apexError('APX_ERR_VALIDATION', `querystring/channels: ${(err as Error).message}`);
      }
      const { driver, lap: lapParam } = request.params;
      const pick: LapPick = { driver, lap: lapParam === 'fastest' ? 'fastest' : Number(lapParam) };
      const lap = await lapOr404(s, key, await reader.lapsOf(s), pick);
      await telemetryOr404(s, key);
      return responses.send(request, reply, s, async () => {
        let tel;
        try {
          tel = await reader.lapTelemetry(s, lap);
        } catch (err) {
          throw apexError('APX_ERR_NOT_FOUND', `no telemetry for lap ${lap.lapNumber} of ${lap.driver ?? lap.driverNumber}: ${(err as Error).message}`);
        }
        const col = columnarTelemetry(tel!, columns, request.query.x ?? 'distance');
        if (request.query.format === 'csv') return { body: columnsCsv(col.channels), contentType: CSV_TYPE };
        return json(reply, {
          driver: lap.driver,
          driverNumber: lap.driverNumber,
          lapNumber: lap.lapNumber,
          lapTime: lap.lapTime,
          lapStartTime: lap.lapStartTime,
          t0: s.row.t0 !== null ? new Date(Math.round(s.row.t0)).toISOString() : null,
          ...col,
        });
      });
    });
  });

  app.get('/:year/:round/:session/compare', {
    ...precompressed,
    schema: {
      tags,
      summary: 'Up to 5 laps on a common distance axis with the time delta to a reference lap and sector deltas',
      description: 'The engine’s lap comparison: every lap is mapped onto the reference lap’s distance piecewise-linearly between the timing lines (start, sector 1, sector 2, finish), so the delta trace matches the timing’s own sector differences at each line. `drivers=VER,HAM,LEC` compares their fastest laps (or `laps=<n>` for the same lap number); `laps=VER:12,HAM:fastest` names laps explicitly.',
      params: SessionParams,
      querystring: CompareQuery,
      response: dataResponses(CompareResponse),
    },
  }, async (request, reply) => {
    const key = keyOf(request.params);
    return withSession(request, reply, key, async (s) => {
      const q = request.query;
      let picks: LapPick[];
      let channels;
      try {
        picks = parseLapPicks(q.drivers, q.laps);
        channels = parseCompareChannels(q.channels);
      } catch (err) {
        if (err instanceof CompareRequestError) throw apexError('APX_ERR_VALIDATION', `querystring: ${err.message}`);
        throw err;
      }
      const all = await reader.lapsOf(s);
      const laps: Lap[] = [];
      for (const p of picks) laps.push(await lapOr404(s, key, all, p));
      const reference = await referenceIndex(s, key, q.reference, laps);
      const tel = await telemetryOr404(s, key);
      return responses.send(request, reply, s, async () => {
        let cmp;
        try {
          cmp = compareLaps(tel, laps, { reference, step: q.step ?? DEFAULT_COMPARE_STEP });
        } catch (err) {
          throw apexError('APX_ERR_NOT_FOUND', `cannot compare these laps: ${(err as Error).message}`);
        }
        return json(reply, comparisonBody(cmp, laps, channels));
      });
    });
  });

  async function referenceIndex(s: ServableSession, key: SessionKey, ref: string | undefined, laps: readonly Lap[]): Promise<number> {
    if (ref === undefined) return fastestIndex(laps);
    if (/^\d$/.test(ref) && Number(ref) < laps.length) return Number(ref);
    const number = await reader.resolveDriver(s, ref);
    const i = number ? laps.findIndex((l) => l.driverNumber === number.driverNumber) : -1;
    if (i < 0) throw apexError('APX_ERR_VALIDATION', `querystring/reference: '${ref}' is neither a lap index (0–${laps.length - 1}) nor a driver of the compared laps`);
    return i;
  }

  app.get('/:year/:round/:session/track', {
    ...precompressed,
    schema: {
      tags,
      summary: 'Circuit outline from a clean lap’s position data, rotated consistently, with sector lines and speed along it',
      description: 'The rotation is derived from the outline (smallest bounding rectangle laid landscape, start/finish line in the lower half), so every session of a circuit draws the same way; pass rotation= to use another convention. X/Y are the feed’s units (1/10 m).',
      params: SessionParams,
      querystring: TrackQuery,
      response: dataResponses(TrackResponse),
    },
  }, async (request, reply) => {
    const key = keyOf(request.params);
    return withSession(request, reply, key, async (s) => {
      const q = request.query;
      const all = await reader.lapsOf(s);
      // The session's fastest lap, else its quickest accurate laps in time order: a clean lap.
      const candidates: Lap[] = q.driver !== undefined
        ? [await lapOr404(s, key, all, { driver: q.driver, lap: q.lap === undefined || q.lap === 'fastest' ? 'fastest' : Number(q.lap) })]
        : [all.pickFastest(), ...all.pickQuickLaps().pickAccurate().laps.slice().sort((a, b) => a.lapTime! - b.lapTime!)].filter((l): l is Lap => l !== null);
      if (candidates.length === 0) throw apexError('APX_ERR_NOT_FOUND', `${describeSession(key)} has no timed lap to draw the track from`);
      await telemetryOr404(s, key);
      return responses.send(request, reply, s, async () => {
        let lastError: unknown = null;
        for (const lap of candidates.slice(0, 5)) {
          try {
            const tel = await reader.lapTelemetry(s, lap);
            return json(reply, trackOutline(lap, tel!, q.rotation !== undefined ? { rotation: q.rotation } : {}));
          } catch (err) {
            lastError = err;
          }
        }
        throw apexError('APX_ERR_NOT_FOUND', `no lap with position data to draw the track from: ${(lastError as Error).message}`);
      });
    });
  });
};

export default sessionRoutes;
